package dev.ember.planner;

import dev.ember.exec.FileScanExec;
import dev.ember.exec.FilterExec;
import dev.ember.exec.HashJoinExec;
import dev.ember.exec.KeysIn;
import dev.ember.exec.PhysicalPlan;
import dev.ember.exec.ProjectExec;
import dev.ember.expr.BoundReference;
import dev.ember.expr.Expression;
import dev.ember.plan.logical.JoinType;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Key filters ({@link KeysIn}) put where a join side's rows are read, so that the rows no key of
 * the other side matches are dropped before anything else is done with them: by a file scan, the
 * columns other than the keys and its own condition's are then kept at the matching rows only.
 */
public final class KeyFilters {
    private KeyFilters() {
    }

    /**
     * {@code plan} with the probe side of each broadcast join that drops its unmatched probe rows
     * (inner, left semi) reading, in its stage, the rows of a file scan (through deterministic
     * projections and filters) filtered by the build side's keys; only when something below the
     * build side drops rows (a filter, a semi or anti join): a whole table's keys, as a foreign key
     * join without a filter builds, match every row and the filter would only cost.
     */
    public static PhysicalPlan probesFiltered(PhysicalPlan plan) {
        PhysicalPlan node = plan.withNewChildren(plan.children().stream().map(KeyFilters::probesFiltered).toList());
        return node instanceof HashJoinExec join ? probeFiltered(join) : node;
    }

    /** {@code join} with its probe side filtered as {@link #probesFiltered} says, where it can be. */
    static PhysicalPlan probeFiltered(HashJoinExec join) {
        JoinType type = join.joinType();
        PhysicalPlan probe = join.children().get(0);
        Optional<KeysIn> filter = type == JoinType.INNER || type == JoinType.LEFT_SEMI ? join.buildKeysIn(join.leftKeys()) : Optional.empty();
        if (filter.isEmpty() || join.leftKeys().isEmpty() || !dropsRows(join.children().get(1)) || !readsScan(probe, join.leftKeys())) {
            return join;
        }
        return join.withNewChildren(List.of(filtered(probe, join.leftKeys(), filter.get()::withNewChildren), join.children().get(1)));
    }

    /** Whether something in {@code plan} drops rows of its input: a filter (a scan's too), a semi or anti join. */
    private static boolean dropsRows(PhysicalPlan plan) {
        return plan instanceof FilterExec || plan instanceof FileScanExec scan && scan.filters()
                || plan instanceof HashJoinExec join && join.joinType().semiOrAnti()
                || plan.children().stream().anyMatch(KeyFilters::dropsRows);
    }

    /** Whether {@code side}'s rows are read by a file scan or a filter over one, through deterministic projections passing {@code keys} on. */
    private static boolean readsScan(PhysicalPlan side, List<Expression> keys) {
        if (side instanceof ProjectExec project) {
            return passesOn(project, keys) && readsScan(project.child(), passedOn(project, keys));
        }
        return side instanceof FilterExec rows ? rows.child() instanceof FileScanExec : side instanceof FileScanExec scan && scan.canFilter();
    }

    /**
     * {@code side} keeping only the rows whose {@code keys} (bound to its output) satisfy the
     * predicate {@code filter} makes of them (given them bound to the input it reads): the last
     * conjunct of the filter or file scan under the projections of columns {@code side} starts
     * with, so that it probes only the rows that filter keeps and they are copied once; else a
     * filter of its own there.
     */
    static PhysicalPlan filtered(PhysicalPlan side, List<Expression> keys, Function<List<Expression>, Expression> filter) {
        if (side instanceof ProjectExec project && passesOn(project, keys)) {
            return project.withNewChildren(List.of(filtered(project.child(), passedOn(project, keys), filter)));
        }
        if (side instanceof FilterExec rows) {
            return rows.and(filter.apply(rebound(keys, column -> PhysicalPlan.bind(rows.output().get(column.ordinal()), rows.child().output()))));
        }
        if (side instanceof FileScanExec scan && scan.canFilter()) {
            return scan.and(filter.apply(keys));
        }
        return new FilterExec(filter.apply(keys), side);
    }

    /** Whether {@code project} computes the same for fewer rows (it is deterministic) and passes on the columns {@code keys} read. */
    private static boolean passesOn(ProjectExec project, List<Expression> keys) {
        return project.deterministic() && keys.stream().flatMap(key -> key.collect(BoundReference.class).stream())
                .allMatch(column -> project.passedOn(column.ordinal()) >= 0);
    }

    /** {@code keys} over {@code project}'s output as the same keys over its child's. */
    private static List<Expression> passedOn(ProjectExec project, List<Expression> keys) {
        return rebound(keys, column -> column.withOrdinal(project.passedOn(column.ordinal())));
    }

    /** {@code expressions} with each column replaced as {@code column} says. */
    private static List<Expression> rebound(List<Expression> expressions, Function<BoundReference, Expression> column) {
        return expressions.stream().map(e -> e.transformUp(node -> node instanceof BoundReference reference ? column.apply(reference) : node)).toList();
    }
}
