package dev.ember.optimizer;

import dev.ember.expr.Alias;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.ExprId;
import dev.ember.expr.Expression;
import dev.ember.plan.logical.FileRelation;
import dev.ember.plan.logical.Filter;
import dev.ember.plan.logical.Join;
import dev.ember.plan.logical.Limit;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Project;
import dev.ember.plan.logical.Sort;
import dev.ember.plan.logical.SubqueryAlias;
import dev.ember.source.ColumnStatistics;
import dev.ember.source.TableStatistics;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the estimates know of a column's values: its file statistics (bounds, nulls) and the rows of
 * the table they describe. Bounds are compared as positions on a line: numbers as they are, dates in
 * days, timestamps in microseconds.
 */
record ColumnEstimate(DataType type, ColumnStatistics statistics, double tableRows) {
    private static final Set<DataType> INTEGRAL = Set.of(AtomicType.BYTE, AtomicType.SHORT, AtomicType.INT, AtomicType.LONG, AtomicType.DATE);

    /**
     * The columns of a plan's output that come with statistics from the files below: through filters,
     * projections (renamed by aliases) and joins, which keep values within their bounds.
     */
    static Map<ExprId, ColumnEstimate> of(LogicalPlan plan) {
        Map<ExprId, ColumnEstimate> columns = new HashMap<>();
        if (plan instanceof FileRelation relation) {
            TableStatistics table = relation.statistics();
            if (table != null) {
                for (AttributeReference attribute : relation.output()) {
                    ColumnStatistics statistics = relation.columnStatistics(attribute);
                    if (statistics != null) {
                        columns.put(attribute.exprId(), new ColumnEstimate(attribute.dataType(), statistics, table.rowCount()));
                    }
                }
            }
        } else if (plan instanceof Project project) {
            Map<ExprId, ColumnEstimate> below = of(project.child());
            for (Expression expression : project.projectList()) {
                if (expression instanceof AttributeReference attribute && below.containsKey(attribute.exprId())) {
                    columns.put(attribute.exprId(), below.get(attribute.exprId()));
                } else if (expression instanceof Alias alias && alias.child() instanceof AttributeReference attribute
                        && below.containsKey(attribute.exprId())) {
                    columns.put(alias.exprId(), below.get(attribute.exprId()));
                }
            }
        } else if (plan instanceof Filter || plan instanceof SubqueryAlias || plan instanceof Sort || plan instanceof Limit
                || plan instanceof Join) {
            plan.children().forEach(child -> columns.putAll(of(child)));
        }
        return columns;
    }

    /** The position of a literal value of an ordered type, NaN for others (strings, booleans). */
    static double position(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof LocalDate date) {
            return date.toEpochDay();
        }
        if (value instanceof Instant instant) {
            return instant.getEpochSecond() * 1e6 + instant.getNano() / 1e3;
        }
        return Double.NaN;
    }

    double low() {
        return position(statistics.min());
    }

    double high() {
        return position(statistics.max());
    }

    boolean hasBounds() {
        return !Double.isNaN(low()) && !Double.isNaN(high()) && low() <= high();
    }

    /** Whether the column's values are whole steps apart (integers, dates). */
    boolean integral() {
        return INTEGRAL.contains(type);
    }

    /** The rows whose value is not null (all when the nulls are unknown). */
    double nonNullRows() {
        return statistics.nullCount() < 0 ? tableRows : Math.max(0, tableRows - statistics.nullCount());
    }

    /** How many values an integral column's bounds leave room for, or NaN when unbounded or not integral. */
    private double range() {
        return integral() && hasBounds() ? high() - low() + 1 : Double.NaN;
    }

    /**
     * The distinct values: as many as an integral column's bounds leave room for when that is no more
     * than its rows (exact for keys), else the statistics' estimate, else NaN.
     */
    double distinct() {
        double range = range();
        if (range <= nonNullRows()) {
            return range;
        }
        return statistics.distinctCount() > 0 ? statistics.distinctCount() : Double.NaN;
    }

    /** Whether the column holds each value once: an integral range exactly as wide as its non-null rows (TPC-H's keys). */
    boolean dense() {
        return statistics.nullCount() >= 0 && range() == nonNullRows();
    }

    /** Whether the bounds leave room for every non-null row to have its own value (not so for lineitem's orderkey). */
    boolean roomForUnique() {
        return !(range() < nonNullRows());
    }
}
