package dev.ember.expr.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.expr.BoundReference;
import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.sql.types.AtomicType;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.LongVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rebound aggregate with a condition folds only the rows where it is true; groups whose rows are all left out still get a result. */
class ReboundTest {
    private static final BoundReference VALUE = new BoundReference(0, AtomicType.LONG, true, "x");
    private static final BoundReference CONDITION = new BoundReference(1, AtomicType.BOOLEAN, true, "c");

    private static GroupedAccumulator fold(Rebound function, int[] groups, long[] values, Boolean[] condition) {
        int n = groups.length;
        boolean[] flags = new boolean[n];
        boolean[] nulls = new boolean[n];
        for (int i = 0; i < n; i++) {
            nulls[i] = condition[i] == null;
            flags[i] = condition[i] != null && condition[i];
        }
        ColumnVector[] arguments = {new LongVector(AtomicType.LONG, n, values, null), new BooleanVector(n, flags, nulls)};
        GroupedAccumulator accumulator = function.newAccumulator();
        accumulator.update(groups, n, function.inputs(arguments));
        return accumulator;
    }

    private static List<Object> results(GroupedAccumulator accumulator, int groups) {
        ColumnVector result = accumulator.result(groups);
        List<Object> values = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            values.add(result.getObject(g));
        }
        return values;
    }

    @Test
    void foldsTheRowsWhereTheConditionHolds() {
        Rebound sum = Rebound.foldingOnce(new Sum(VALUE, true), List.<Expression>of(VALUE)).where(CONDITION);
        GroupedAccumulator accumulator = fold(sum, new int[] {0, 1, 2, 1, 40, 2}, new long[] {1, 2, 3, 4, 5, 6},
                new Boolean[] {true, false, true, true, false, null});
        List<Object> expected = new ArrayList<>(Arrays.asList(1L, 4L, 3L));
        expected.addAll(Collections.nCopies(38, null));
        assertThat(results(accumulator, 41)).isEqualTo(expected);
        assertThat(sum.toString()).isEqualTo("sum(x) FILTER (WHERE c)");
    }

    @Test
    void aFilterClauseIsTheCallWithItsConditionAsOneMoreArgument() {
        Rebound clause = Rebound.filtering(new Sum(VALUE, true), CONDITION);
        assertThat(clause.distinct()).isTrue();
        assertThat(clause.isFilterClause()).isTrue();
        assertThat(clause.arguments()).containsExactly(VALUE, CONDITION);
        assertThat(clause.toString()).isEqualTo("sum(DISTINCT x) FILTER (WHERE c)");
        assertThat(clause.unfiltered().toString()).isEqualTo("sum(DISTINCT x)");
        assertThat(clause.withCall(call -> call)).isSameAs(clause);

        Rebound plain = Rebound.filtering(new Sum(VALUE, false), CONDITION);
        assertThat(plain.distinct()).isFalse();
        GroupedAccumulator accumulator = fold(plain, new int[] {0, 0, 1, 1}, new long[] {1, 2, 3, 4}, new Boolean[] {true, true, null, false});
        assertThat(results(accumulator, 2)).containsExactly(3L, null);
        assertThat(Rebound.foldingOnce(new Sum(VALUE, true), List.<Expression>of(VALUE)).where(CONDITION).isFilterClause()).isFalse();
    }

    @Test
    void mergesTheStatesWhereTheConditionHolds() {
        Rebound count = Rebound.mergingStates(new Count(Literal.of(1), false), List.<Expression>of(VALUE)).where(CONDITION);
        GroupedAccumulator accumulator = fold(count, new int[] {0, 0, 30, 1}, new long[] {2, 5, 7, 1},
                new Boolean[] {true, false, false, true});
        List<Object> expected = new ArrayList<>(Arrays.asList(2L, 1L));
        expected.addAll(Collections.nCopies(29, 0L));
        assertThat(results(accumulator, 31)).isEqualTo(expected);
    }
}
