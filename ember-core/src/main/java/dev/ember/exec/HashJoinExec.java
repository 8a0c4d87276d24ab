package dev.ember.exec;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.BoundReference;
import dev.ember.expr.Expression;
import dev.ember.plan.logical.JoinType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.Nulls;
import dev.ember.vector.VectorBuilder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Hash join: the right side of a partition is built into a {@link KeyTable} on its keys, the left
 * side streams through and probes it. Rows whose keys contain NULL never match, except in
 * {@code <=>} keys. An optional residual condition is checked on each candidate pair. Without keys every pair is a candidate (a
 * nested-loop join), and the right side is then read whole by every task ({@code broadcastRight}).
 * Right and full outer joins emit the unmatched right rows after the left side is exhausted, so
 * they need the whole right side of a key in the same task as the left rows of that key; so do
 * right semi and anti joins (a left semi or anti join {@linkplain #swapped swapped} to build on its
 * preserved side), which emit the right rows that some left row matched, or that none did.
 * {@link HashJoinOperator} runs it within the task's memory, spilling partitions when it must.
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
    /** {@code condition} over only the columns it reads, which are all that candidate pairs gather. */
    private final Residual residual;
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
        this.residual = Residual.of(this.condition);
        this.broadcastRight = broadcastRight;
        this.output = List.copyOf(output);
    }

    private HashJoinExec(PhysicalPlan left, PhysicalPlan right, JoinType joinType, List<Expression> leftKeys, List<Expression> rightKeys,
            List<Boolean> nullSafe, Expression condition, List<AttributeReference> output) {
        this.left = left;
        this.right = right;
        this.joinType = joinType;
        this.leftKeys = leftKeys;
        this.rightKeys = rightKeys;
        this.nullSafe = nullSafe;
        this.condition = condition;
        this.residual = Residual.of(condition);
        this.output = output;
    }

    /**
     * This join with its sides swapped, so that the hash table is built on the left side: an inner
     * join stays inner, a left outer (semi, anti) join becomes a right outer (semi, anti) one and
     * the reverse. The output of a join of both sides' columns is the right side's, then the left's;
     * a semi or anti join's stays the preserved side's.
     */
    public HashJoinExec swapped() {
        JoinType mirrored = switch (joinType) {
            case INNER -> JoinType.INNER;
            case LEFT_OUTER -> JoinType.RIGHT_OUTER;
            case RIGHT_OUTER -> JoinType.LEFT_OUTER;
            case LEFT_SEMI -> JoinType.RIGHT_SEMI;
            case RIGHT_SEMI -> JoinType.LEFT_SEMI;
            case LEFT_ANTI -> JoinType.RIGHT_ANTI;
            case RIGHT_ANTI -> JoinType.LEFT_ANTI;
            default -> null;
        };
        if (mirrored == null || broadcastRight || leftKeys.isEmpty()) {
            throw new IllegalStateException("only a shuffled equi-join that is inner, outer, semi or anti can swap its sides: " + nodeString());
        }
        int leftWidth = left.output().size();
        int rightWidth = right.output().size();
        // The condition reads the columns of both sides by position: the right's now come first.
        Expression moved = condition == null ? null : condition.transformUp(e -> e instanceof BoundReference column
                ? column.withOrdinal(column.ordinal() < leftWidth ? column.ordinal() + rightWidth : column.ordinal() - leftWidth)
                : e);
        if (!joinType.outputsLeft() || !joinType.outputsRight()) {
            return new HashJoinExec(right, left, mirrored, rightKeys, leftKeys, nullSafe, moved, output);
        }
        // The join's own output attributes, whose nullability an outer join has set.
        List<AttributeReference> swappedOutput = new ArrayList<>(output.subList(leftWidth, leftWidth + rightWidth));
        swappedOutput.addAll(output.subList(0, leftWidth));
        return new HashJoinExec(right, left, mirrored, rightKeys, leftKeys, nullSafe, moved, List.copyOf(swappedOutput));
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

    /**
     * Whether a row's {@code probeKeys} are among the keys {@code buildKeys} of {@code build}'s rows
     * (read whole in every task), compared as this join compares its keys: the rows this join needs
     * of a side whose unmatched rows it drops when the build rows' keys include those of its other side.
     */
    public KeysIn keyFilter(List<Expression> probeKeys, ShuffleReadExec build, List<Expression> buildKeys) {
        return new KeysIn(probeKeys, build, buildKeys, nullSafe);
    }

    /**
     * The key filter of this broadcast join's probe rows: whether their {@code probeKeys} (bound to
     * the input the filter reads) are among the build side's keys, read from the build side's
     * shuffle; empty unless the build side is one shuffle's whole output.
     */
    public Optional<KeysIn> buildKeysIn(List<Expression> probeKeys) {
        return broadcastRight ? wholeBuildSide().map(build -> keyFilter(probeKeys, build, rightKeys)) : Optional.empty();
    }

    /**
     * The build side read as one shuffle's whole output in one partition, by a node of its own (the
     * join's read counts its rows once); empty when the build side is not such a read.
     */
    private Optional<ShuffleReadExec> wholeBuildSide() {
        ShuffleExchangeExec exchange = right instanceof ShuffleReadExec read ? read.exchange() : right instanceof ShuffleExchangeExec shuffle ? shuffle : null;
        List<ShuffleReadExec.Spec> whole = exchange == null ? null : List.of(ShuffleReadExec.Spec.coalesced(0, exchange.partitionCount()));
        return exchange == null || right instanceof ShuffleReadExec read && !read.specs().equals(whole) ? Optional.empty()
                : Optional.of(new ShuffleReadExec(exchange, whole, "local"));
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    /**
     * Rows stay in the partitions of the streamed left side; a shuffled inner join's rows are also
     * where the right side's keys put them (they equal the left's), a right outer, semi or anti join's only there.
     */
    @Override
    public List<HashPartitioning> hashPartitionings() {
        List<HashPartitioning> partitionings = new ArrayList<>();
        if (joinType == JoinType.INNER || joinType == JoinType.CROSS || joinType == JoinType.LEFT_OUTER
                || joinType == JoinType.LEFT_SEMI || joinType == JoinType.LEFT_ANTI) {
            partitionings.addAll(keptFrom(left));
        }
        if (!broadcastRight && (joinType == JoinType.INNER || joinType == JoinType.CROSS || joinType == JoinType.RIGHT_OUTER
                || joinType == JoinType.RIGHT_SEMI || joinType == JoinType.RIGHT_ANTI)) {
            partitionings.addAll(keptFrom(right));
        }
        return partitionings;
    }

    @Override
    public int partitionCount() {
        return left.partitionCount();
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        Operator probe = left.open(context, partition);
        Operator build = right.open(context, broadcastRight ? 0 : partition);
        return new HashJoinOperator(this, context.memory(), context.operatorMetrics().of(this), probe, build,
                broadcastShuffleId() >= 0 ? context.shuffles().sharedValues() : null);
    }

    /**
     * The shuffle whose whole output is the build side when the tasks of a process can share one
     * table built from it (a broadcast join that does not track which build rows matched), else -1.
     */
    int broadcastShuffleId() {
        if (!broadcastRight || tracksBuildMatches()) {
            return -1;
        }
        if (right instanceof ShuffleExchangeExec exchange) {
            return exchange.shuffleId();
        }
        return right instanceof ShuffleReadExec read && read.specs().size() == 1 && read.specs().get(0).whole()
                ? read.exchange().shuffleId() : -1;
    }

    /**
     * What tells apart tables built from the same shuffle: the keys (by what they compute, not their
     * names: a reused shuffle is read by joins of other plans) and how they compare.
     */
    Object buildPurpose() {
        return java.util.List.of(CanonicalPlan.of(rightKeys), nullSafe);
    }

    /**
     * Whether the build rows' matches are recorded: right and full outer joins emit those that
     * matched nothing once the probe side is done, right semi (anti) joins those that matched (none).
     */
    boolean tracksBuildMatches() {
        return joinType == JoinType.RIGHT_OUTER || joinType == JoinType.FULL_OUTER || buildRowsOnly();
    }

    /** Whether the output is build rows only, each once, after all probing: a right semi or anti join. */
    private boolean buildRowsOnly() {
        return joinType == JoinType.RIGHT_SEMI || joinType == JoinType.RIGHT_ANTI;
    }

    /** The probe side's keys, bound to its output. */
    public List<Expression> leftKeys() {
        return leftKeys;
    }

    /** The build side's keys, bound to its output. */
    public List<Expression> rightKeys() {
        return rightKeys;
    }

    List<DataType> leftTypes() {
        return left.output().stream().map(AttributeReference::dataType).toList();
    }

    List<DataType> rightTypes() {
        return right.output().stream().map(AttributeReference::dataType).toList();
    }

    /** Probe rows to pair with {@code table} at once: all of them with keys, few without (every row pairs with every build row). */
    int probeRowsAtOnce(BuildSide table) {
        return leftKeys.isEmpty() ? Math.max(1, MAX_CANDIDATE_PAIRS / Math.max(1, table.rows.rowCount())) : Integer.MAX_VALUE;
    }

    /**
     * The build side of one task (or of one spilled partition, or one block of it, or shared by the
     * tasks of a process): its rows, each key's rows contiguous (rows by key), and which rows have
     * found a match when the join {@linkplain #tracksBuildMatches tracks it} (only then is it mutable).
     */
    final class BuildSide {
        final Batch rows;
        private final KeyTable keys;
        /**
         * The build rows of each key id {@code k}, in input order: {@code rowsByKey[keyStart[k] ..
         * keyStart[k + 1])}, contiguous so that pairing reads them in one stretch. Both are
         * {@code null} when each row has a key of its own: then key id {@code k} is row {@code k}
         * (ids are given in order of first appearance), and pairing reads nothing.
         */
        private final int[] keyStart;
        private final int[] rowsByKey;
        /** {@code null} when matches are not tracked. */
        final boolean[] matched;

        /** {@code matched}: what earlier probing found (rows spilled while probing), or {@code null} for none. */
        BuildSide(Batch rows, boolean[] matched) {
            this.rows = rows;
            int total = rows.rowCount();
            this.matched = !tracksBuildMatches() ? null : matched != null ? matched : new boolean[total];
            keys = new KeyTable(rightKeys.stream().map(Expression::dataType).toList());
            ColumnVector[] keyColumns = evalKeys(rightKeys, rows);
            int[] ids = insertKeys(keyColumns, total);
            keys.filterProbes();
            int keyCount = keyColumns.length == 0 ? 1 : keys.size();
            if (keyCount == total) {
                keyStart = null;
                rowsByKey = null;
                return;
            }
            // Counting sort of the rows by key id: counts, their running sums, then each row at its key's next place.
            keyStart = new int[keyCount + 1];
            for (int id : ids) {
                keyStart[id + 1] += id >= 0 ? 1 : 0;
            }
            for (int k = 0; k < keyCount; k++) {
                keyStart[k + 1] += keyStart[k];
            }
            rowsByKey = new int[keyStart[keyCount]];
            for (int row = 0; row < total; row++) {
                int id = ids[row];
                if (id >= 0) {
                    rowsByKey[keyStart[id]++] = row;
                }
            }
            // Placing moved each key's start to its end, which is the next key's start.
            System.arraycopy(keyStart, 0, keyStart, 1, keyCount);
            keyStart[0] = 0;
        }

        /** The memory of the index beyond the rows: the key table, the rows by key and the match flags. */
        long indexBytes() {
            long byKey = keyStart == null ? 0 : 4L * (keyStart.length + rowsByKey.length);
            return keys.retainedBytes() + byKey + (matched == null ? 0 : matched.length);
        }

        /** Where key id {@code id}'s rows start among the rows by key ({@link #row}). */
        private int first(int id) {
            return keyStart == null ? id : keyStart[id];
        }

        /** Where key id {@code id}'s rows end among the rows by key. */
        private int end(int id) {
            return keyStart == null ? id + 1 : keyStart[id + 1];
        }

        /** The build row at place {@code at} of the rows by key. */
        private int row(int at) {
            return rowsByKey == null ? at : rowsByKey[at];
        }

        /** The id of each build row's key, -1 for a key that matches nothing. */
        private int[] insertKeys(ColumnVector[] keyColumns, int count) {
            if (keyColumns.length == 0) {
                return new int[count];
            }
            int[] ids = keys.insertAll(keyColumns, count);
            for (int k = 0; k < keyColumns.length; k++) {
                if (matchesNoNull(keyColumns, k)) {
                    for (int i = 0; i < count; i++) {
                        if (keyColumns[k].isNull(i)) {
                            ids[i] = -1;
                        }
                    }
                }
            }
            return ids;
        }

        /** The probe rows that have build rows of their key, and their key ids. */
        KeyTable.Found probe(ColumnVector[] keyColumns, int count) {
            if (rows.rowCount() == 0) {
                return new KeyTable.Found(new int[0], new int[0], 0);
            }
            if (keyColumns.length == 0) {
                int[] all = new int[count];
                Arrays.setAll(all, i -> i);
                return new KeyTable.Found(all, new int[count], count);
            }
            KeyTable.Found found = keys.findPresent(keyColumns, count);
            int[] probeRows = found.rows();
            int[] ids = found.ids();
            int kept = found.count();
            for (int k = 0; k < keyColumns.length; k++) {
                if (matchesNoNull(keyColumns, k)) {
                    ColumnVector column = keyColumns[k];
                    int still = 0;
                    for (int f = 0; f < kept; f++) {
                        if (!column.isNull(probeRows[f])) {
                            probeRows[still] = probeRows[f];
                            ids[still++] = ids[f];
                        }
                    }
                    kept = still;
                }
            }
            return new KeyTable.Found(probeRows, ids, kept);
        }

        /** A NULL key matches nothing, except under <=>, where the table holds NULL as a value. */
        private boolean matchesNoNull(ColumnVector[] keyColumns, int k) {
            return keyColumns[k].mayHaveNulls() && !nullSafe.get(k);
        }

        /**
         * What the build side adds once every probe row has been through: the rows nothing matched
         * (outer joins, with NULLs for the left columns; right anti joins), or those something
         * matched (right semi joins); {@code null} or no rows when there are none.
         */
        Batch afterProbing() {
            return switch (joinType) {
                case RIGHT_OUTER, FULL_OUTER -> unmatchedRightRows();
                case RIGHT_SEMI, RIGHT_ANTI -> rowsWhere(rows, matched, joinType == JoinType.RIGHT_SEMI);
                default -> null;
            };
        }

        /** The build rows no probe row matched, with NULLs for the left columns; {@code null} when there are none. */
        private Batch unmatchedRightRows() {
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

    /** The pairs (left row, right row) of a probe batch and the build side that satisfy the join, and which left rows found one. */
    record Pairs(int[] left, int[] right, int count, boolean[] leftMatched) {
    }

    /**
     * Finds the pairs of {@code batch} with {@code table} and marks the build rows they match. Semi,
     * anti and existence joins get no pairs, only which left rows found one ({@link #leftMatched});
     * right semi and anti joins only mark the build rows ({@link #markBuildMatches}).
     */
    Pairs pairs(BuildSide table, Batch batch) {
        int n = batch.rowCount();
        KeyTable.Found found = table.probe(evalKeys(leftKeys, batch), n);
        if (joinType == JoinType.LEFT_SEMI || joinType == JoinType.LEFT_ANTI || joinType == JoinType.EXISTENCE) {
            return new Pairs(new int[0], new int[0], 0, leftMatched(table, batch, found));
        }
        if (buildRowsOnly()) {
            markBuildMatches(table, batch, found);
            return new Pairs(new int[0], new int[0], 0, new boolean[n]);
        }
        // Candidate pairs (left row, right row), counted first to fill arrays of their size.
        int[] foundRows = found.rows();
        int[] foundIds = found.ids();
        long pairCount = 0;
        for (int f = 0; f < found.count(); f++) {
            pairCount += table.end(foundIds[f]) - table.first(foundIds[f]);
        }
        int pairs = Math.toIntExact(pairCount);
        int[] leftPositions = new int[pairs];
        int[] rightPositions = new int[pairs];
        int filled = 0;
        for (int f = 0; f < found.count(); f++) {
            int i = foundRows[f];
            for (int at = table.first(foundIds[f]), end = table.end(foundIds[f]); at < end; at++) {
                leftPositions[filled] = i;
                rightPositions[filled++] = table.row(at);
            }
        }
        if (condition != null && pairs > 0) {
            BooleanVector passed = residualHolds(batch, leftPositions, table.rows, rightPositions, pairs);
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
        }
        if (table.matched != null) {
            for (int p = 0; p < pairs; p++) {
                table.matched[rightPositions[p]] = true;
            }
        }
        return new Pairs(leftPositions, rightPositions, pairs, leftMatched);
    }

    /**
     * Whether each left row has a build row of its key ({@code found}) that satisfies the condition.
     * Without a condition that is whether the key is there. With one, the candidates are checked in
     * rounds of 1, 2, 4... per left row still undecided, so that a row decided by its first
     * candidates (the usual case) is not paired with every other row of its key.
     */
    private boolean[] leftMatched(BuildSide table, Batch batch, KeyTable.Found found) {
        int n = batch.rowCount();
        boolean[] matched = new boolean[n];
        // Per left row, the place of the next build row of its key to check ({@link BuildSide#row}) and where its key's rows end.
        int[] cursor = new int[n];
        int[] end = new int[n];
        int[] undecided = new int[found.count()];
        int live = 0;
        for (int f = 0; f < found.count(); f++) {
            int i = found.rows()[f];
            cursor[i] = table.first(found.ids()[f]);
            end[i] = table.end(found.ids()[f]);
            if (cursor[i] < end[i]) {
                undecided[live++] = i;
            }
        }
        if (condition == null) {
            for (int u = 0; u < live; u++) {
                matched[undecided[u]] = true;
            }
            return matched;
        }
        int[] leftPositions = new int[Math.max(16, live)];
        int[] rightPositions = new int[leftPositions.length];
        for (int perRow = 1; live > 0; perRow = Math.min(perRow * 2, 1 << 20)) {
            int pairs = 0;
            for (int u = 0; u < live; u++) {
                int i = undecided[u];
                for (int k = 0; k < perRow && cursor[i] < end[i]; k++) {
                    if (pairs == leftPositions.length) {
                        leftPositions = Arrays.copyOf(leftPositions, pairs * 2);
                        rightPositions = Arrays.copyOf(rightPositions, pairs * 2);
                    }
                    leftPositions[pairs] = i;
                    rightPositions[pairs++] = table.row(cursor[i]++);
                }
            }
            BooleanVector passed = residualHolds(batch, leftPositions, table.rows, rightPositions, pairs);
            for (int p = 0; p < pairs; p++) {
                if (passed.get(p) && !passed.isNull(p)) {
                    matched[leftPositions[p]] = true;
                }
            }
            int still = 0;
            for (int u = 0; u < live; u++) {
                int i = undecided[u];
                if (!matched[i] && cursor[i] < end[i]) {
                    undecided[still++] = i;
                }
            }
            live = still;
        }
        return matched;
    }

    /**
     * Marks the build rows of the probe rows' keys ({@code found}) that a probe row matches. Only rows
     * not marked yet are paired: without a condition all the rows of a key are marked at once, so a
     * key whose first row is marked is done; with one, candidate pairs are checked
     * {@link #MAX_CANDIDATE_PAIRS} at a time, so that a key with many rows on both sides does not
     * gather them all at once.
     */
    private void markBuildMatches(BuildSide table, Batch batch, KeyTable.Found found) {
        boolean[] matched = table.matched;
        if (condition == null) {
            for (int f = 0; f < found.count(); f++) {
                int id = found.ids()[f];
                if (!matched[table.row(table.first(id))]) {
                    for (int at = table.first(id); at < table.end(id); at++) {
                        matched[table.row(at)] = true;
                    }
                }
            }
            return;
        }
        int[] leftPositions = new int[Math.min(MAX_CANDIDATE_PAIRS, Math.max(16, found.count()))];
        int[] rightPositions = new int[leftPositions.length];
        int pairs = 0;
        for (int f = 0; f < found.count(); f++) {
            int i = found.rows()[f];
            for (int at = table.first(found.ids()[f]); at < table.end(found.ids()[f]); at++) {
                int row = table.row(at);
                if (matched[row]) {
                    continue;
                }
                if (pairs == MAX_CANDIDATE_PAIRS) {
                    markPassing(table, batch, leftPositions, rightPositions, pairs);
                    pairs = 0;
                    if (matched[row]) {
                        continue;
                    }
                } else if (pairs == leftPositions.length) {
                    leftPositions = Arrays.copyOf(leftPositions, Math.min(MAX_CANDIDATE_PAIRS, pairs * 2));
                    rightPositions = Arrays.copyOf(rightPositions, leftPositions.length);
                }
                leftPositions[pairs] = i;
                rightPositions[pairs++] = row;
            }
        }
        markPassing(table, batch, leftPositions, rightPositions, pairs);
    }

    /** Marks the build rows of the candidate pairs on which the condition holds. */
    private void markPassing(BuildSide table, Batch batch, int[] leftPositions, int[] rightPositions, int pairs) {
        if (pairs == 0) {
            return;
        }
        BooleanVector passed = residualHolds(batch, leftPositions, table.rows, rightPositions, pairs);
        for (int p = 0; p < pairs; p++) {
            if (passed.get(p) && !passed.isNull(p)) {
                table.matched[rightPositions[p]] = true;
            }
        }
    }

    /** The output for a probe batch that met the whole build side of its keys at once. */
    Batch joined(BuildSide table, Batch batch, Pairs found) {
        int n = batch.rowCount();
        int pairs = found.count();
        int[] leftPositions = found.left();
        int[] rightPositions = found.right();
        boolean[] leftMatched = found.leftMatched();
        switch (joinType) {
            case LEFT_SEMI, LEFT_ANTI -> {
                return rowsWhere(batch, leftMatched, joinType == JoinType.LEFT_SEMI);
            }
            case EXISTENCE -> {
                return withMark(batch, leftMatched);
            }
            case RIGHT_SEMI, RIGHT_ANTI -> {
                return null; // the build rows come after all probing
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
                return matchedPairs(table, batch, found);
            }
        }
    }

    /** The found pairs as output rows (left columns, then right). */
    Batch matchedPairs(BuildSide table, Batch batch, Pairs found) {
        return assemble(batch, Arrays.copyOf(found.left(), found.count()), table.rows, Arrays.copyOf(found.right(), found.count()), found.count());
    }

    /** The rows of {@code batch} whose {@code flags} equal {@code wanted}. */
    static Batch rowsWhere(Batch batch, boolean[] flags, boolean wanted) {
        int n = batch.rowCount();
        int[] positions = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (flags[i] == wanted) {
                positions[count++] = i;
            }
        }
        return count == n ? batch : batch.gather(positions, count);
    }

    /** An existence join's output: the left rows and whether each found a match. */
    static Batch withMark(Batch batch, boolean[] matched) {
        List<ColumnVector> columns = new ArrayList<>(batch.columns());
        columns.add(new BooleanVector(batch.rowCount(), matched, null));
        return new Batch(columns, batch.rowCount());
    }

    /** Left rows that matched nothing, with NULLs for the right columns (outer joins). */
    Batch unmatchedLeftRows(Batch batch, boolean[] matched) {
        Batch rows = rowsWhere(batch, matched, false);
        List<ColumnVector> columns = new ArrayList<>(rows.columns());
        for (AttributeReference attribute : right.output()) {
            columns.add(nulls(attribute.dataType(), rows.rowCount()));
        }
        return new Batch(columns, rows.rowCount());
    }

    static ColumnVector[] evalKeys(List<Expression> keys, Batch batch) {
        ColumnVector[] columns = new ColumnVector[keys.size()];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = keys.get(k).eval(batch);
        }
        return columns;
    }

    /**
     * The residual condition of the first {@code count} pairs (left row, right row): the join's
     * condition with its columns renumbered to those it reads, so that pairs gather only those.
     */
    private record Residual(int[] columns, Expression condition) implements Serializable {
        static Residual of(Expression bound) {
            if (bound == null) {
                return null;
            }
            int[] columns = bound.collect(BoundReference.class).stream().mapToInt(BoundReference::ordinal).distinct().sorted().toArray();
            return new Residual(columns, bound.transformUp(e -> e instanceof BoundReference column
                    ? column.withOrdinal(Arrays.binarySearch(columns, column.ordinal()))
                    : e));
        }
    }

    /** Whether each of the first {@code count} candidate pairs satisfies the residual condition. */
    private BooleanVector residualHolds(Batch leftRows, int[] leftPositions, Batch rightRows, int[] rightPositions, int count) {
        int leftWidth = left.output().size();
        List<ColumnVector> columns = new ArrayList<>(residual.columns().length);
        for (int c : residual.columns()) {
            columns.add(c < leftWidth ? leftRows.column(c).gather(leftPositions, count)
                    : rightRows.column(c - leftWidth).gather(rightPositions, count));
        }
        return (BooleanVector) residual.condition().eval(new Batch(columns, count));
    }

    /** Left columns at {@code leftPositions} next to right columns at {@code rightPositions}; -1 (or a null batch) gives NULLs. */
    private Batch assemble(Batch leftRows, int[] leftPositions, Batch rightRows, int[] rightPositions, int count) {
        List<ColumnVector> columns = new ArrayList<>();
        if (leftRows == null) {
            for (AttributeReference attribute : left.output()) {
                columns.add(nulls(attribute.dataType(), count));
            }
        } else {
            columns.addAll(gatherOrNull(leftRows, leftPositions, count));
        }
        columns.addAll(gatherOrNull(rightRows, rightPositions, count));
        return new Batch(columns, count);
    }

    /** The columns of {@code rows} at {@code positions}, NULL where a position is -1: gathered whole, then masked. */
    private static List<ColumnVector> gatherOrNull(Batch rows, int[] positions, int count) {
        boolean[] missing = new boolean[count];
        boolean anyMissing = false;
        for (int i = 0; i < count; i++) {
            missing[i] = positions[i] < 0;
            anyMissing |= missing[i];
        }
        if (!anyMissing) {
            return rows.gather(positions, count).columns();
        }
        // Row 0 stands in where the NULLs go (no row at all: only NULLs are gathered).
        int[] present = new int[count];
        for (int i = 0; i < count; i++) {
            present[i] = Math.max(positions[i], 0);
        }
        List<ColumnVector> columns = new ArrayList<>(rows.columnCount());
        for (ColumnVector column : rows.columns()) {
            columns.add(rows.rowCount() == 0 ? nulls(column.type(), count) : Nulls.masked(column.gather(present, count), missing, count));
        }
        return columns;
    }

    private static ColumnVector nulls(DataType type, int count) {
        VectorBuilder builder = VectorBuilder.create(type, count);
        for (int i = 0; i < count; i++) {
            builder.appendNull();
        }
        return builder.build();
    }

    @Override
    public String nodeString() {
        return (leftKeys.isEmpty() ? "NestedLoopJoin " : "HashJoin ") + joinType + ", " + leftKeys + " = " + rightKeys
                + (condition == null ? "" : ", " + condition) + (broadcastRight ? ", broadcast right" : "");
    }
}
