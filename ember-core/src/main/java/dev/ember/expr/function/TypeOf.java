package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.util.List;

/** {@code typeof(x)}: the name of x's type, as Spark prints it ({@code int}, {@code decimal(10,2)}); never NULL. */
public final class TypeOf extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public TypeOf(Expression argument) {
        super(List.of(argument));
    }

    @Override
    public String name() {
        return "typeof";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new TypeOf(newArguments.get(0));
    }

    @Override
    public DataType dataType() {
        return AtomicType.STRING;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public ColumnVector eval(Batch input) {
        return new Literal(arguments.get(0).dataType().simpleString(), AtomicType.STRING).repeat(input.rowCount());
    }
}
