package dev.ember.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.BoundReference;
import dev.ember.expr.CoinFlip;
import dev.ember.expr.Comparison;
import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.expr.UnresolvedFunction;
import dev.ember.expr.aggregate.Rebound;
import dev.ember.expr.aggregate.Sum;
import dev.ember.sql.types.AtomicType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks Spark's analysis makes on a FILTER clause, which SQL cannot all reach yet (Ember has no rand()). */
class FilterClauseTest {
    private static final BoundReference VALUE = new BoundReference(0, AtomicType.LONG, true, "x");
    private static final BoundReference FLAG = new BoundReference(1, AtomicType.BOOLEAN, true, "b");

    private static Expression withFilter(Expression condition) {
        UnresolvedFunction call = new UnresolvedFunction("sum", List.of(VALUE), false, null).withFilter(condition);
        return FilterClause.apply(new Sum(VALUE, false), call);
    }

    @Test
    void anAggregateGetsItsCondition() {
        Expression filtered = withFilter(FLAG);
        assertThat(filtered).isInstanceOf(Rebound.class);
        assertThat(((Rebound) filtered).condition()).isSameAs(FLAG);
        assertThat(filtered.toString()).isEqualTo("sum(x) FILTER (WHERE b)");
    }

    @Test
    void conditionsMustBeDeterministicBooleansWithoutAggregates() {
        assertThatThrownBy(() -> withFilter(new CoinFlip())).isInstanceOfSatisfying(EmberException.class,
                e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.INVALID_AGGREGATE_FILTER))
                .hasMessageContaining("Expected a deterministic FILTER expression.");
        assertThatThrownBy(() -> withFilter(VALUE)).hasMessageContaining("Expected a FILTER expression of the BOOLEAN type.");
        Expression overSum = new Comparison(Comparison.Operator.GREATER_THAN, new Sum(VALUE, false), Literal.of(1L));
        assertThatThrownBy(() -> withFilter(overSum)).hasMessageContaining("without an aggregation, but found \"sum(x)\"");
    }
}
