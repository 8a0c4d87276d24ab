package dev.ember.expr.aggregate;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import java.util.List;

/**
 * {@code bool_and(b)} / {@code every(b)} and {@code bool_or(b)} / {@code some(b)} / {@code any(b)}:
 * whether all (any) non-NULL values are true, NULL without values. As in Spark, they are the
 * minimum and maximum of booleans (false orders before true).
 */
public final class BoolAggregate extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final boolean and;

    public BoolAggregate(String name, boolean and, Expression argument, boolean distinct) {
        super(List.of(argument), distinct);
        this.name = name;
        this.and = and;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : new BoolAggregate(name, and, children.get(0), distinct);
    }

    @Override
    public AggregateFunction coerceArguments() {
        return (AggregateFunction) withNewChildren(List.of(argumentOfType(0, AtomicType.BOOLEAN)));
    }

    @Override
    public DataType dataType() {
        return AtomicType.BOOLEAN;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(AtomicType.BOOLEAN);
    }

    @Override
    public GroupedAccumulator newAccumulator() {
        return new MinMax(arguments.get(0), !and).newAccumulator();
    }
}
