package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A call that Spark defines as another expression ({@code nvl(a, b)} as {@code coalesce(a, b)},
 * {@code left(s, n)} as a substring): it computes its replacement and keeps the call's own text,
 * which is the column name Spark gives it. The shown arguments are children too, so that they are
 * resolved and bound like the rest of the tree, but only the replacement is evaluated.
 */
public final class ReplacedCall extends Expression {
    private static final long serialVersionUID = 1L;

    private final String template;
    private final List<Expression> shown;
    private final Expression replacement;

    /** @param template the text with one {@code %s} per shown argument, such as {@code "(IF(%s, %s, %s))"} */
    public ReplacedCall(String template, List<Expression> shown, Expression replacement) {
        this.template = template;
        this.shown = List.copyOf(shown);
        this.replacement = replacement;
    }

    /** Shown as an ordinary call: {@code name(a, b)}. */
    public static ReplacedCall call(String name, List<Expression> shown, Expression replacement) {
        return new ReplacedCall(name + "(" + String.join(", ", java.util.Collections.nCopies(shown.size(), "%s")) + ")", shown, replacement);
    }

    public Expression replacement() {
        return replacement;
    }

    @Override
    public List<Expression> children() {
        List<Expression> children = new ArrayList<>(shown);
        children.add(replacement);
        return children;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        if (sameChildren(children(), children)) {
            return this;
        }
        return new ReplacedCall(template, children.subList(0, shown.size()), children.get(shown.size()));
    }

    @Override
    public DataType dataType() {
        return replacement.dataType();
    }

    @Override
    public boolean nullable() {
        return replacement.nullable();
    }

    @Override
    public boolean foldable() {
        return replacement.foldable();
    }

    @Override
    public ColumnVector eval(Batch input) {
        return replacement.eval(input);
    }

    @Override
    public BooleanVector evalAt(Batch input, int[] rows, int count) {
        return replacement.evalAt(input, rows, count);
    }

    @Override
    public int select(Batch input, int[] rows, int count, int[] selected) {
        return replacement.select(input, rows, count, selected);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, template, shown.toArray());
    }
}
