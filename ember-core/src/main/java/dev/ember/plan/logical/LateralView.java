package dev.ember.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code FROM ... LATERAL VIEW [OUTER] generator(args) table [AS column, ...]}, as parsed: the analyzer
 * turns it into a {@link Generate} whose generated columns carry these names under the table alias.
 */
public final class LateralView extends UnaryNode {
    private final Expression generator;
    private final boolean outer;
    private final String tableAlias;
    private final List<String> columnNames;

    public LateralView(Expression generator, boolean outer, String tableAlias, List<String> columnNames, LogicalPlan child) {
        super(child);
        this.generator = requireNonNull(generator, "generator is null");
        this.outer = outer;
        this.tableAlias = requireNonNull(tableAlias, "tableAlias is null");
        this.columnNames = List.copyOf(columnNames);
    }

    public Expression generator() {
        return generator;
    }

    public boolean outer() {
        return outer;
    }

    public String tableAlias() {
        return tableAlias;
    }

    /** The names given after AS; empty for the generator's own ({@code col}, {@code pos}, {@code key}, {@code value}). */
    public List<String> columnNames() {
        return columnNames;
    }

    @Override
    protected LogicalPlan withChild(LogicalPlan newChild) {
        return new LateralView(generator, outer, tableAlias, columnNames, newChild);
    }

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return List.of(generator);
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        Expression mapped = f.apply(generator);
        return mapped == generator ? this : new LateralView(mapped, outer, tableAlias, columnNames, child);
    }

    @Override
    public String nodeString() {
        return "LateralView " + (outer ? "OUTER " : "") + generator + " " + tableAlias + (columnNames.isEmpty() ? "" : " AS " + columnNames);
    }
}
