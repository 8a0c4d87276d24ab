package dev.ember.optimizer;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Comparison;
import dev.ember.expr.ExprId;
import dev.ember.fs.FileEntry;
import dev.ember.plan.logical.Aggregate;
import dev.ember.plan.logical.Deduplicate;
import dev.ember.plan.logical.Distinct;
import dev.ember.plan.logical.FileRelation;
import dev.ember.plan.logical.Filter;
import dev.ember.plan.logical.Join;
import dev.ember.plan.logical.JoinType;
import dev.ember.plan.logical.Limit;
import dev.ember.plan.logical.LocalRelation;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Range;
import dev.ember.plan.logical.Union;
import dev.ember.source.TableStatistics;
import java.util.Set;

/**
 * The estimated row count of a plan, for ordering joins, with the rows of the table its rows come
 * from before any filter ({@code tableRows}): an equi-join is taken to match the key of the side from
 * the smaller table (a foreign key to its table's primary key), so it keeps the larger side's rows
 * times the share of its table the smaller side kept. A file's rows are those its format's statistics
 * count (Parquet footers), else estimated from its bytes; filters keep their {@link Selectivity}.
 */
record Cardinality(double rows, double tableRows) {
    /** About the bytes of a row of a compressed columnar file (TPC-H's tables hold 32 to 83). */
    private static final double FILE_BYTES_PER_ROW = 40;
    private static final Cardinality UNKNOWN = new Cardinality(1e6, 1e6);
    /** A semi or anti join keeps about half its left side, as any filter. */
    static final double SEMI_JOIN = 0.5;
    /** Groups of an aggregation per input row. */
    private static final double GROUPS = 0.1;

    static Cardinality table(double rows) {
        return new Cardinality(rows, rows);
    }

    static Cardinality of(LogicalPlan plan) {
        if (plan instanceof FileRelation relation) {
            TableStatistics statistics = relation.statistics();
            return table(Math.max(1, statistics != null ? statistics.rowCount()
                    : relation.files().stream().mapToLong(FileEntry::length).sum() / FILE_BYTES_PER_ROW));
        }
        if (plan instanceof LocalRelation local) {
            return table(local.rows().size());
        }
        if (plan instanceof Range range) {
            return table(range.count());
        }
        if (plan instanceof Filter filter) {
            return of(filter.child()).filtered(new Selectivity(ColumnEstimate.of(filter.child())).of(filter.condition()));
        }
        if (plan instanceof Limit limit) {
            Cardinality child = of(limit.child());
            return new Cardinality(Math.min(child.rows, limit.limit()), child.tableRows);
        }
        if (plan instanceof Aggregate aggregate) {
            return table(aggregate.groupings().isEmpty() ? 1 : Math.max(1, of(aggregate.child()).rows * GROUPS));
        }
        if (plan instanceof Distinct || plan instanceof Deduplicate) {
            return table(Math.max(1, of(plan.children().get(0)).rows * GROUPS));
        }
        if (plan instanceof Join join) {
            return of(join);
        }
        if (plan instanceof Union) {
            double rows = plan.children().stream().mapToDouble(child -> of(child).rows).sum();
            return table(rows);
        }
        return plan.children().size() == 1 ? of(plan.children().get(0)) : UNKNOWN;
    }

    private static Cardinality of(Join join) {
        Cardinality left = of(join.left());
        if (join.joinType() == JoinType.LEFT_SEMI) {
            // On a unique column of a filtered right side, the left side's rows as filtered as that side.
            return left.filtered(Math.min(SEMI_JOIN, onKeyOf(join) ? of(join.right()).kept() : 1));
        }
        if (join.joinType() == JoinType.LEFT_ANTI) {
            return left.filtered(SEMI_JOIN);
        }
        if (!join.joinType().outputsRight()) {
            return left;
        }
        Cardinality right = of(join.right());
        boolean keyed = Predicates.conjuncts(join.condition()).stream().anyMatch(c -> c instanceof Comparison comparison
                && comparison.operator() == Comparison.Operator.EQUAL
                && Predicates.joinsSides(comparison, join.left().output(), join.right().output()));
        Cardinality inner = keyed ? left.equiJoin(right) : left.cross(right);
        return switch (join.joinType()) {
            case LEFT_OUTER -> inner.atLeast(left.rows);
            case RIGHT_OUTER -> inner.atLeast(right.rows);
            case FULL_OUTER -> inner.atLeast(left.rows + right.rows);
            default -> inner;
        };
    }

    /** Whether the join's condition has an equality with a column unique in its right side. */
    private static boolean onKeyOf(Join join) {
        Set<ExprId> keys = UniqueKeys.of(join.right());
        return Predicates.conjuncts(join.condition()).stream().anyMatch(c -> c instanceof Comparison comparison
                && comparison.operator() == Comparison.Operator.EQUAL
                && Predicates.joinsSides(comparison, join.left().output(), join.right().output())
                && (comparison.left() instanceof AttributeReference left && keys.contains(left.exprId())
                        || comparison.right() instanceof AttributeReference right && keys.contains(right.exprId())));
    }

    /** Joined on the key of the side from the smaller table: the other side's rows, as filtered as that side. */
    Cardinality equiJoin(Cardinality other) {
        Cardinality fact = tableRows >= other.tableRows ? this : other;
        Cardinality dimension = fact == this ? other : this;
        return new Cardinality(fact.rows * dimension.kept(), fact.tableRows);
    }

    /** Joined on columns unique on neither side: a tenth of the cross product, and no fewer rows than either side. */
    Cardinality manyToMany(Cardinality other) {
        Cardinality cross = cross(other);
        return new Cardinality(Math.max(cross.rows * Selectivity.EQUALITY, Math.max(rows, other.rows)), cross.tableRows);
    }

    Cardinality cross(Cardinality other) {
        return new Cardinality(rows * other.rows, tableRows * other.tableRows);
    }

    Cardinality filtered(double selectivity) {
        return new Cardinality(rows * selectivity, tableRows);
    }

    private Cardinality atLeast(double minimum) {
        return new Cardinality(Math.max(rows, minimum), tableRows);
    }

    /** The share of its table's rows this plan keeps. */
    private double kept() {
        return tableRows <= 0 ? 1 : Math.min(1, rows / tableRows);
    }
}
