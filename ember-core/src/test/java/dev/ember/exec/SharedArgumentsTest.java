package dev.ember.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.expr.Arithmetic;
import dev.ember.expr.Arithmetic.Operator;
import dev.ember.expr.BoundReference;
import dev.ember.expr.CaseWhen;
import dev.ember.expr.Comparison;
import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.expr.UnaryExpression;
import dev.ember.expr.aggregate.AggregateFunction;
import dev.ember.expr.aggregate.Sum;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DecimalVector;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Subexpressions of several aggregate arguments are evaluated once a batch, and only where every row evaluates them. */
class SharedArgumentsTest {
    private static final DecimalType PRICE = new DecimalType(15, 2);
    private static final Expression PRICE_COLUMN = new BoundReference(0, PRICE, false, "x");
    private static final Expression DISCOUNT = new BoundReference(1, PRICE, false, "d");
    private static final Expression TAX = new BoundReference(2, PRICE, false, "t");

    @Test
    void q01sDiscountedPriceIsComputedOnceForBothSums() {
        Expression discounted = new Arithmetic(Operator.MULTIPLY, PRICE_COLUMN, new Counted(new Arithmetic(Operator.SUBTRACT, one(), DISCOUNT)));
        // the same expression built twice, as the analyzer does for two calls
        Expression discountedAgain = new Arithmetic(Operator.MULTIPLY, PRICE_COLUMN, new Counted(new Arithmetic(Operator.SUBTRACT, one(), DISCOUNT)));
        Expression charged = new Arithmetic(Operator.MULTIPLY, discountedAgain, new Arithmetic(Operator.ADD, one(), TAX));
        List<AggregateFunction> functions = List.of(new Sum(PRICE_COLUMN, false), new Sum(discounted, false), new Sum(charged, false));
        Batch batch = Batch.of(decimals("10.00", "20.00"), decimals("0.10", "0.00"), decimals("0.05", "0.50"));

        Counted.evaluations = 0;
        ColumnVector[][] vectors = SharedArguments.of(functions, 3).eval(batch);

        assertThat(Counted.evaluations).isEqualTo(1);
        assertThat(objects(vectors[0][0])).containsExactly(new BigDecimal("10.00"), new BigDecimal("20.00"));
        assertThat(objects(vectors[1][0])).containsExactly(new BigDecimal("9.0000"), new BigDecimal("20.0000"));
        assertThat(objects(vectors[2][0])).containsExactly(new BigDecimal("9.450000"), new BigDecimal("30.000000"));
        assertThat(vectors[0][0]).as("a column is read, not shared").isSameAs(batch.column(0));
    }

    @Test
    void aSubexpressionOnlyUnderConditionsIsNotEvaluatedForEveryRow() {
        Expression guarded = new CaseWhen(List.of(new Comparison(Comparison.Operator.NOT_EQUAL, DISCOUNT, zero())),
                List.of(new Arithmetic(Operator.DIVIDE, PRICE_COLUMN, DISCOUNT)), null);
        Expression guardedAgain = new CaseWhen(List.of(new Comparison(Comparison.Operator.NOT_EQUAL, DISCOUNT, zero())),
                List.of(new Arithmetic(Operator.DIVIDE, PRICE_COLUMN, DISCOUNT)), null);
        List<AggregateFunction> functions = List.of(new Sum(guarded, false), new Sum(guardedAgain, false));
        Batch batch = Batch.of(decimals("10.00", "20.00"), decimals("0.00", "2.00"), decimals("0.00", "0.00"));

        ColumnVector[][] vectors = SharedArguments.of(functions, 3).eval(batch);

        assertThat(vectors[0][0].getObject(0)).isNull();
        assertThat(vectors[1][0].getObject(0)).isNull();
        assertThat(((BigDecimal) vectors[1][0].getObject(1)).compareTo(BigDecimal.TEN)).isZero();
    }

    /** Its child, counting how often it is evaluated. */
    private static final class Counted extends UnaryExpression {
        private static final long serialVersionUID = 1L;
        static int evaluations;

        Counted(Expression child) {
            super(child);
        }

        @Override
        protected Expression copy(Expression newChild) {
            return new Counted(newChild);
        }

        @Override
        public DataType dataType() {
            return child.dataType();
        }

        @Override
        public ColumnVector eval(Batch input) {
            evaluations++;
            return child.eval(input);
        }

        @Override
        public String toString() {
            return "counted(" + child + ")";
        }
    }

    private static Literal one() {
        return new Literal(BigDecimal.ONE, new DecimalType(1, 0));
    }

    private static Literal zero() {
        return new Literal(new BigDecimal("0.00"), PRICE);
    }

    private static DecimalVector decimals(String... values) {
        BigDecimal[] parsed = new BigDecimal[values.length];
        for (int i = 0; i < values.length; i++) {
            parsed[i] = new BigDecimal(values[i]);
        }
        return new DecimalVector(PRICE, values.length, parsed, null);
    }

    private static Object[] objects(ColumnVector vector) {
        Object[] values = new Object[vector.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = vector.getObject(i);
        }
        return values;
    }
}
