package dev.ember.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Arithmetic.Operator;
import dev.ember.expr.function.Coalesce;
import dev.ember.sql.types.AtomicType;
import dev.ember.vector.Batch;
import dev.ember.vector.LongVector;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A filter's conjuncts run in turn, a row dropped at the first that is not true, with Spark's NULL checks placed first. */
class ConjunctsTest {
    private static final AttributeReference K = AttributeReference.create("k", AtomicType.LONG, true);
    private static final AttributeReference X = AttributeReference.create("x", AtomicType.LONG, true);
    private static final AttributeReference ID = AttributeReference.create("id", AtomicType.LONG, false);

    @Test
    void aColumnReadOnlyThroughNullIntolerantExpressionsIsCheckedBeforeTheFirstConjunctReadingIt() {
        Expression guarded = greater(divide(Literal.of(10L), new Coalesce(List.of(K, Literal.of(0L)))), Literal.of(0L));
        Expression condition = new And(new And(guarded, greater(K, Literal.of(1L))), greater(new Cast(X, AtomicType.STRING), Literal.of("a")));

        assertThat(strings(Conjuncts.of(condition).children())).containsExactly(strings(List.of(
                new IsNull(K, true), guarded, greater(K, Literal.of(1L)), new IsNull(X, true), greater(new Cast(X, AtomicType.STRING), Literal.of("a")))));
    }

    @Test
    void isNotNullOfAColumnIsThatCheckAndOtherConjunctsKeepTheirOrder() {
        Expression coalesced = greater(new Coalesce(List.of(K, X)), ID);
        Expression notNull = new IsNull(K, true);
        Expression in = new In(X, List.of(Literal.of(1L), Literal.of(2L)));

        // IN and COALESCE are not null-intolerant: x is not checked; k is, where it is first read; the non-nullable id never is.
        assertThat(strings(Conjuncts.of(new And(new And(coalesced, in), notNull)).children()))
                .containsExactly(strings(List.of(notNull, coalesced, in)));
        assertThat(strings(Conjuncts.of(new And(in, new IsNull(ID, true))).children())).containsExactly(strings(List.of(in, new IsNull(ID, true))));
    }

    @Test
    void aComparisonOfColumnsAndConstantsFirstNeedsNoCheck() {
        Expression bounded = greater(K, Literal.of(1L));
        Expression guarded = greater(divide(Literal.of(10L), new Coalesce(List.of(K, Literal.of(0L)))), Literal.of(0L));
        Expression sum = greater(new Arithmetic(Operator.ADD, X, Literal.of(1L)), Literal.of(2L));

        // k > 1 is NULL wherever k is; x + 1 > 2 reads x through an addition, which is checked.
        assertThat(strings(Conjuncts.of(new And(new And(bounded, guarded), sum)).children()))
                .containsExactly(strings(List.of(bounded, guarded, new IsNull(X, true), sum)));
        assertThat(strings(Conjuncts.of(new And(greater(X, K), sum)).children())).containsExactly(strings(List.of(greater(X, K), sum)));
    }

    @Test
    void aLaterConjunctRunsOnlyWhereEveryEarlierOneIsTrue() {
        BoundReference n = new BoundReference(0, AtomicType.LONG, true, "n");
        BoundReference d = new BoundReference(1, AtomicType.LONG, false, "d");
        Batch batch = Batch.of(longs(5, null, 7, 1), longs(1, 0, 0, 2));
        // n > 3 is NULL at row 1 and false at row 3, where 10 div d would divide by zero.
        Expression first = greater(n, Literal.of(3L));
        Expression second = greater(divide(Literal.of(10L), d), Literal.of(1L));
        Expression flagged = new And(first, new And(new Comparison(Comparison.Operator.NOT_EQUAL, d, Literal.of(0L)), second));

        int[] selected = new int[4];
        assertThat(Conjuncts.of(flagged).select(batch, selected)).isEqualTo(1);
        assertThat(selected[0]).isZero();
        assertThatThrownBy(() -> Conjuncts.of(new And(first, second)).select(batch, new int[4]))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.DIVIDE_BY_ZERO));
        // As one AND (a filter over local rows), the NULL at row 1 lets 10 div 0 run there.
        assertThatThrownBy(() -> new And(new Comparison(Comparison.Operator.LESS_THAN, n, Literal.of(6L)), second).select(batch, new int[4]))
                .isInstanceOf(EmberException.class);
        assertThat(Conjuncts.of(new And(new Comparison(Comparison.Operator.LESS_THAN, n, Literal.of(6L)), greater(d, Literal.of(0L))))
                .evalAt(batch, Selection.all(4), 4).values()).containsExactly(true, false, false, true);
    }

    @Test
    void isNotNullOfAColumnPicksItsRowsInPlace() {
        BoundReference withNulls = new BoundReference(0, AtomicType.LONG, true, "a");
        BoundReference without = new BoundReference(1, AtomicType.LONG, true, "b");
        Batch batch = Batch.of(longs(1, null, 3, null), longs(1, 2, 3, 4));
        int[] rows = {1, 2, 3};
        int[] selected = new int[3];

        assertThat(new IsNull(withNulls, true).select(batch, rows, 3, selected)).isEqualTo(1);
        assertThat(selected[0]).isEqualTo(2);
        assertThat(new IsNull(withNulls, false).select(batch, rows, 3, selected)).isEqualTo(2);
        assertThat(Arrays.copyOf(selected, 2)).containsExactly(1, 3);
        assertThat(new IsNull(without, true).select(batch, rows, 3, selected)).isEqualTo(3);
        assertThat(selected).containsExactly(1, 2, 3);
        assertThat(new IsNull(without, false).select(batch, rows, 3, selected)).isZero();
    }

    private static String[] strings(List<Expression> expressions) {
        return expressions.stream().map(Expression::toString).toArray(String[]::new);
    }

    private static Expression greater(Expression left, Expression right) {
        return new Comparison(Comparison.Operator.GREATER_THAN, left, right);
    }

    private static Expression divide(Expression left, Expression right) {
        return new Arithmetic(Operator.INTEGRAL_DIVIDE, left, right);
    }

    private static LongVector longs(Integer... values) {
        long[] longs = new long[values.length];
        boolean[] nulls = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            nulls[i] = values[i] == null;
            longs[i] = values[i] == null ? 0 : values[i];
        }
        return new LongVector(AtomicType.LONG, values.length, longs, nulls);
    }
}
