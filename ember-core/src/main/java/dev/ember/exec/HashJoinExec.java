package dev.ember.exec;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.plan.logical.JoinType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hash join: the right side of a partition is built into a {@link KeyTable} on its keys, the left
 * side streams through and probes it. Rows whose keys contain NULL never match, except in
 * {@code <=>} keys. An optional residual condition is checked on each candidate pair. Without keys every pair is a candidate (a
 * nested-loop join), and the right side is then read whole by every task ({@code broadcastRight}).
 * Right and full outer joins emit the unmatched right rows after the left side is exhausted, so
 * they need the whole right side of a key in the same task as the left rows of that key.
 */
public final class HashJoinExec extends PhysicalPlan {
    private static final long serialVersionUID = 1L;
    private static final int MAX_CANDIDATE_PAIRS = 1 << 16;

    /** Set only when the node is made ({@link #withNewChildren} and {@link #broadcastingRight} set them on a fresh copy). */
    private PhysicalPlan left;
    private PhysicalPlan right;
    private final JoinType joinType;
    private final List<Expression> leftKeys;
    private final List<Expression> rightKeys;
    private final List<Boolean> nullSafe;
    private final Expression condition;
    private boolean broadcastRight;
    private final List<AttributeReference> output;

    public HashJoinExec(PhysicalPlan left, PhysicalPlan right, JoinType joinType, JoinKeys keys,
            Expression condition, boolean broadcastRight, List<AttributeReference> output) {
        this.left = requireNonNull(left, "left is null");
        this.right = requireNonNull(right, "right is null");
        this.joinType = requireNonNull(joinType, "joinType is null");
        this.leftKeys = bindAll(keys.left(), left.output());
        this.rightKeys = bindAll(keys.right(), right.output());
        this.nullSafe = keys.nullSafe();
        List<AttributeReference> both = new ArrayList<>(left.output());
        both.addAll(right.output());
        this.condition = condition == null ? null : bind(condition, both);
        this.broadcastRight = broadcastRight;
        this.output = List.copyOf(output);
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(left, right);
    }

    @Override
    protected void replaceChildren(List<PhysicalPlan> children) {
        left = requireNonNull(children.get(0), "left is null");
        right = requireNonNull(children.get(1), "right is null");
    }

    public JoinType joinType() {
        return joinType;
    }

    /** Whether the right side is read whole by every task (a broadcast join) rather than partition by partition. */
    public boolean broadcastRight() {
        return broadcastRight;
    }

    /** The same join reading {@code left} partition by partition and {@code right} (one partition) whole in every task. */
    public HashJoinExec broadcastingRight(PhysicalPlan left, PhysicalPlan right) {
        try {
            HashJoinExec copy = (HashJoinExec) clone();
            copy.replaceChildren(List.of(left, right));
            copy.broadcastRight = true;
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public int partitionCount() {
        return left.partitionCount();
    }

    @Override
    public Operator open(TaskContext context, int partition) {
        Operator probe = left.open(context, partition);
        Operator build = right.open(context, broadcastRight ? 0 : partition);
        return new Operator() {
            private BuildSide table;
            private boolean probeDone;
            private boolean unmatchedEmitted;
            private Batch probing;
            private int probed;

            @Override
            public Batch next() {
                if (table == null) {
                    table = new BuildSide(build);
                }
                while (!probeDone) {
                    if (probing == null || probed == probing.rowCount()) {
                        probing = probe.next();
                        probed = 0;
                        if (probing == null) {
                            probeDone = true;
                            break;
                        }
                    }
                    // Without keys every row pairs with the whole build side: probe few rows at a time.
                    int rows = Math.min(probing.rowCount() - probed, leftKeys.isEmpty()
                            ? Math.max(1, MAX_CANDIDATE_PAIRS / Math.max(1, table.rows.rowCount())) : Integer.MAX_VALUE);
                    Batch batch = rows == probing.rowCount() ? probing : probing.slice(probed, rows);
                    probed += rows;
                    Batch joined = probeBatch(table, batch);
                    if (joined != null && joined.rowCount() > 0) {
                        return joined;
                    }
                }
                if (!unmatchedEmitted && (joinType == JoinType.RIGHT_OUTER || joinType == JoinType.FULL_OUTER)) {
                    unmatchedEmitted = true;
                    return table.unmatchedRightRows();
                }
                return null;
            }

            @Override
            public void close() {
                try {
                    probe.close();
                } finally {
                    build.close();
                }
            }
        };
    }

    /** The build side of one task: all its rows, and for each key the chain of rows holding it. */
    private final class BuildSide {
        private final Batch rows;
        private final KeyTable keys;
        private final int[] head;
        private final int[] next;
        private final boolean[] matched;

        BuildSide(Operator input) {
            List<DataType> types = right.output().stream().map(AttributeReference::dataType).toList();
            List<Batch> batches = new ArrayList<>();
            int total = 0;
            for (Batch batch = input.next(); batch != null; batch = input.next()) {
                batches.add(batch);
                total += batch.rowCount();
            }
            rows = Batch.concat(batches, types, total);
            keys = new KeyTable(rightKeys.stream().map(Expression::dataType).toList());
            next = new int[total];
            matched = new boolean[total];
            ColumnVector[] keyColumns = evalKeys(rightKeys, rows);
            int[] ids = keyIds(keyColumns, total, true);
            head = new int[Math.max(keys.size(), 1)];
            Arrays.fill(head, -1);
            // Chains in reverse so that each key's rows come out in input order.
            for (int row = total - 1; row >= 0; row--) {
                int id = ids[row];
                if (id >= 0) {
                    next[row] = head[id];
                    head[id] = row;
                }
            }
        }

        int[] keyIds(ColumnVector[] keyColumns, int count, boolean insert) {
            if (keyColumns.length == 0) {
                return new int[count];
            }
            int[] ids = insert ? keys.findOrInsert(keyColumns, count) : keys.find(keyColumns, count);
            for (int k = 0; k < keyColumns.length; k++) {
                ColumnVector column = keyColumns[k];
                // A NULL key matches nothing, except under <=>, where the table holds NULL as a value.
                if (column.mayHaveNulls() && !nullSafe.get(k)) {
                    for (int i = 0; i < count; i++) {
                        if (column.isNull(i)) {
                            ids[i] = -1;
                        }
                    }
                }
            }
            return ids;
        }

        Batch unmatchedRightRows() {
            int[] positions = new int[rows.rowCount()];
            int count = 0;
            for (int row = 0; row < matched.length; row++) {
                if (!matched[row]) {
                    positions[count++] = row;
                }
            }
            if (count == 0) {
                return null;
            }
            int[] none = new int[count];
            Arrays.fill(none, -1);
            return assemble(null, none, rows, Arrays.copyOf(positions, count), count);
        }
    }

    private Batch probeBatch(BuildSide table, Batch batch) {
        int n = batch.rowCount();
        int[] ids = table.rows.rowCount() == 0 ? filled(n, -1) : table.keyIds(evalKeys(leftKeys, batch), n, false);
        // Candidate pairs (left row, right row).
        int[] leftPositions = new int[Math.max(16, n)];
        int[] rightPositions = new int[leftPositions.length];
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            if (ids[i] < 0) {
                continue;
            }
            for (int row = table.head[ids[i]]; row >= 0; row = table.next[row]) {
                if (pairs == leftPositions.length) {
                    leftPositions = Arrays.copyOf(leftPositions, pairs * 2);
                    rightPositions = Arrays.copyOf(rightPositions, pairs * 2);
                }
                leftPositions[pairs] = i;
                rightPositions[pairs++] = row;
            }
        }
        if (condition != null && pairs > 0) {
            Batch candidates = assemble(batch, Arrays.copyOf(leftPositions, pairs), table.rows, Arrays.copyOf(rightPositions, pairs), pairs);
            BooleanVector passed = (BooleanVector) condition.eval(candidates);
            int kept = 0;
            for (int p = 0; p < pairs; p++) {
                if (passed.get(p) && !passed.isNull(p)) {
                    leftPositions[kept] = leftPositions[p];
                    rightPositions[kept++] = rightPositions[p];
                }
            }
            pairs = kept;
        }
        boolean[] leftMatched = new boolean[n];
        for (int p = 0; p < pairs; p++) {
            leftMatched[leftPositions[p]] = true;
            table.matched[rightPositions[p]] = true;
        }
        switch (joinType) {
            case LEFT_SEMI, LEFT_ANTI -> {
                boolean wanted = joinType == JoinType.LEFT_SEMI;
                int[] positions = new int[n];
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (leftMatched[i] == wanted) {
                        positions[count++] = i;
                    }
                }
                return batch.gather(positions, count);
            }
            case EXISTENCE -> {
                List<ColumnVector> columns = new ArrayList<>(batch.columns());
                columns.add(new BooleanVector(n, leftMatched, null));
                return new Batch(columns, n);
            }
            case LEFT_OUTER, FULL_OUTER -> {
                int unmatched = 0;
                for (boolean m : leftMatched) {
                    unmatched += m ? 0 : 1;
                }
                int[] l = Arrays.copyOf(leftPositions, pairs + unmatched);
                int[] r = Arrays.copyOf(rightPositions, pairs + unmatched);
                int at = pairs;
                for (int i = 0; i < n; i++) {
                    if (!leftMatched[i]) {
                        l[at] = i;
                        r[at++] = -1;
                    }
                }
                return assemble(batch, l, table.rows, r, at);
            }
            default -> {
                return assemble(batch, Arrays.copyOf(leftPositions, pairs), table.rows, Arrays.copyOf(rightPositions, pairs), pairs);
            }
        }
    }

    /** Left columns at {@code leftPositions} next to right columns at {@code rightPositions}; -1 (or a null batch) gives NULLs. */
    private Batch assemble(Batch leftRows, int[] leftPositions, Batch rightRows, int[] rightPositions, int count) {
        List<ColumnVector> columns = new ArrayList<>();
        List<AttributeReference> leftOutput = left.output();
        for (int c = 0; c < leftOutput.size(); c++) {
            columns.add(leftRows == null ? nulls(leftOutput.get(c).dataType(), count) : gatherOrNull(leftRows.column(c), leftPositions, count));
        }
        for (int c = 0; c < rightRows.columnCount(); c++) {
            columns.add(gatherOrNull(rightRows.column(c), rightPositions, count));
        }
        return new Batch(columns, count);
    }

    private static ColumnVector gatherOrNull(ColumnVector column, int[] positions, int count) {
        boolean anyMissing = false;
        for (int i = 0; i < count; i++) {
            anyMissing |= positions[i] < 0;
        }
        if (!anyMissing) {
            return column.gather(positions, count);
        }
        VectorBuilder builder = VectorBuilder.create(column.type(), count);
        for (int i = 0; i < count; i++) {
            if (positions[i] < 0) {
                builder.appendNull();
            } else {
                builder.appendFrom(column, positions[i]);
            }
        }
        return builder.build();
    }

    private static ColumnVector nulls(DataType type, int count) {
        VectorBuilder builder = VectorBuilder.create(type, count);
        for (int i = 0; i < count; i++) {
            builder.appendNull();
        }
        return builder.build();
    }

    private static int[] filled(int n, int value) {
        int[] result = new int[n];
        Arrays.fill(result, value);
        return result;
    }

    private static ColumnVector[] evalKeys(List<Expression> keys, Batch batch) {
        ColumnVector[] columns = new ColumnVector[keys.size()];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = keys.get(k).eval(batch);
        }
        return columns;
    }

    @Override
    public String nodeString() {
        return (leftKeys.isEmpty() ? "NestedLoopJoin " : "HashJoin ") + joinType + ", " + leftKeys + " = " + rightKeys
                + (condition == null ? "" : ", " + condition) + (broadcastRight ? ", broadcast right" : "");
    }
}
