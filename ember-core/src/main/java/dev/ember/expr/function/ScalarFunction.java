package dev.ember.expr.function;

import dev.ember.expr.Expression;
import java.util.List;
import java.util.stream.Collectors;

/** A built-in function of the row's values, named as users call it ({@code upper(x)}). */
public abstract class ScalarFunction extends Expression {
    private static final long serialVersionUID = 1L;

    protected final List<Expression> arguments;

    protected ScalarFunction(List<Expression> arguments) {
        this.arguments = List.copyOf(arguments);
    }

    /** The lower-case name users call. */
    public abstract String name();

    protected abstract Expression copy(List<Expression> newArguments);

    public final List<Expression> arguments() {
        return arguments;
    }

    @Override
    public final List<Expression> children() {
        return arguments;
    }

    @Override
    public final Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : copy(children);
    }

    @Override
    public boolean foldable() {
        return arguments.stream().allMatch(Expression::foldable);
    }

    @Override
    public String toString() {
        return arguments.stream().map(Object::toString).collect(Collectors.joining(", ", name() + "(", ")"));
    }
}
