package dev.ember.expr.aggregate;

import dev.ember.error.EmberException;
import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import java.util.List;

/**
 * {@code grouping(col)} (tinyint: 1 when the row's grouping set leaves {@code col} out) and
 * {@code grouping_id()} (bigint: those bits of all grouping columns, the first one highest). They
 * act as aggregates until the analyzer expands GROUP BY ROLLUP / CUBE / GROUPING SETS, which
 * replaces them with bits of the grouping id column; they are never folded.
 */
public final class GroupingFunction extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    private GroupingFunction(List<Expression> arguments) {
        super(arguments, false);
    }

    public static GroupingFunction grouping(Expression column) {
        return new GroupingFunction(List.of(column));
    }

    public static GroupingFunction groupingId() {
        return new GroupingFunction(List.of());
    }

    /** Whether this is {@code grouping_id()} rather than {@code grouping(col)}. */
    public boolean isId() {
        return arguments.isEmpty();
    }

    @Override
    public String name() {
        return isId() ? "grouping_id" : "grouping";
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : new GroupingFunction(children);
    }

    @Override
    public DataType dataType() {
        return isId() ? AtomicType.LONG : AtomicType.BYTE;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public List<DataType> stateTypes() {
        throw EmberException.internal(this + " should have been replaced by the grouping id", null);
    }

    @Override
    public GroupedAccumulator newAccumulator() {
        throw EmberException.internal(this + " should have been replaced by the grouping id", null);
    }
}
