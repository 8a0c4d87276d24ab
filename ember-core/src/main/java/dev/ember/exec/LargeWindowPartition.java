package dev.ember.exec;

import dev.ember.expr.Expression;
import dev.ember.expr.SortOrder;
import dev.ember.expr.aggregate.AggregateFunction;
import dev.ember.expr.aggregate.GroupedAccumulator;
import dev.ember.expr.window.Offset;
import dev.ember.expr.window.RangeBound;
import dev.ember.expr.window.Ranking;
import dev.ember.expr.window.WindowExpression;
import dev.ember.expr.window.WindowFrame;
import dev.ember.memory.MemoryConsumer;
import dev.ember.memory.TaskMemory;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DoubleVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.VectorBuilder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The window columns of one partition too large for the task's memory, computed from its rows in
 * a spill file a batch at a time, in memory of a few batches however large the partition, except
 * for what a frame itself covers (a bounded frame of a million rows holds them, not reserved from
 * the task's memory yet) and the states kept for frames to the partition's end (reserved):
 * each window expression reads the file with cursors of its own that only move forward (Spark's
 * frames read its spillable array so). Ranks carry their counters from row to row; offsets and
 * bounded frames read the rows a bounded distance around each batch; frames from the partition's
 * start fold rows once each as their end moves on; frames to the partition's end combine the state
 * of the rest of their block with states of the blocks after it, computed in a first pass; frames
 * over the whole partition fold it in a first pass. RANGE ends and peer groups are found by
 * scanning forward, so a peer group may be of any size.
 */
final class LargeWindowPartition {
    private final SpilledBatches rows;
    private final List<DataType> types;
    private final List<Expression> orderKeys;
    private final SortOrder firstOrder;
    private final long size;
    private final SpilledBatches.Reader output;
    private final List<Column> columns = new ArrayList<>();
    private final TaskMemory memory;
    /** The memory of the states kept for frames to the partition's end, one consumer per window expression. */
    private final List<MemoryConsumer> stateMemory = new ArrayList<>();
    private long position;

    LargeWindowPartition(TaskMemory memory, SpilledBatches rows, List<DataType> types, List<WindowExpression> windows, List<Expression> orderKeys,
            List<SortOrder> orderBy) {
        this.rows = rows;
        this.types = types;
        this.orderKeys = orderKeys;
        this.firstOrder = orderBy.isEmpty() ? null : orderBy.get(0);
        this.size = rows.rows();
        this.output = rows.reader();
        this.memory = memory;
        for (WindowExpression window : windows) {
            columns.add(column(window));
        }
    }

    /** The next batch of the partition's rows with the window columns appended; {@code null} after the last. */
    Batch next() {
        Batch batch = output.next();
        if (batch == null) {
            return null;
        }
        List<ColumnVector> out = new ArrayList<>(batch.columns());
        for (Column column : columns) {
            out.add(column.values(batch, position));
        }
        position += batch.rowCount();
        return new Batch(out, batch.rowCount());
    }

    /** One window expression's values, a batch of rows at a time, in order. */
    private interface Column {
        /** The values of {@code batch}, whose first row is row {@code first} of the partition. */
        ColumnVector values(Batch batch, long first);
    }

    private Column column(WindowExpression window) {
        Expression function = window.function();
        if (function instanceof Ranking ranking) {
            return rank(ranking);
        }
        if (function instanceof Offset offset) {
            return offset(offset);
        }
        AggregateFunction aggregate = (AggregateFunction) function;
        WindowFrame frame = window.frame();
        Bound lower = frame.unboundedPreceding() ? null : lowerBound(window);
        Bound upper = frame.unboundedFollowing() ? null : upperBound(window);
        if (lower == null && upper == null) {
            return wholePartition(aggregate);
        }
        if (lower == null) {
            return growing(aggregate, upper);
        }
        if (upper == null) {
            return shrinking(aggregate, lower);
        }
        return sliding(aggregate, lower, upper);
    }

    // ---- positions

    /** A forward-only position in the partition's rows, with expressions evaluated on its batch. */
    private final class Cursor {
        private final SpilledBatches.Reader reader = rows.reader();
        private final List<Expression> expressions;
        private Batch batch;
        private ColumnVector[] values;
        /** Where the batch's rows start and end in the partition. */
        private long batchStart;
        private long batchEnd;
        private long position;

        Cursor(List<Expression> expressions) {
            this.expressions = expressions;
        }

        long position() {
            return position;
        }

        /** Moves to {@code target} (not before the current position, before the partition's end). */
        void seek(long target) {
            while (target >= batchEnd) {
                batch = reader.next();
                batchStart = batchEnd;
                batchEnd += batch.rowCount();
                values = WindowExec.evalAll(expressions, batch);
            }
            position = target;
        }

        int row() {
            return (int) (position - batchStart);
        }

        /** The rows from the position to the end of its batch, at most {@code limit}. */
        int rowsInBatch(long limit) {
            return (int) (Math.min(limit, batchEnd) - position);
        }

        ColumnVector[] values() {
            return values;
        }
    }

    /** One end of the frames of a window: for each row in order, a position that never moves back. */
    private interface Bound {
        /** Called with each batch of rows before {@link #at} is asked for its rows. */
        default void begin(Batch batch) {
        }

        /** The frame's first row (a lower bound) or the row after its last (an upper bound) for row {@code p}, row {@code r} of the batch. */
        long at(long p, int r);
    }

    private Bound lowerBound(WindowExpression window) {
        WindowFrame frame = window.frame();
        if (window.lowerBound() != null) {
            return valueBound(window.lowerBound(), 0);
        }
        if (frame.type() == WindowFrame.Type.RANGE) {
            return peers(false);
        }
        long offset = frame.lower();
        return (p, r) -> clamp(p, offset);
    }

    private Bound upperBound(WindowExpression window) {
        WindowFrame frame = window.frame();
        if (window.upperBound() != null) {
            return valueBound(window.upperBound(), 1);
        }
        if (frame.type() == WindowFrame.Type.RANGE) {
            return peers(true);
        }
        long offset = frame.upper();
        return (p, r) -> clamp(p + 1, offset);
    }

    /** Row {@code p + offset} within {@code [0, size]}: before the first row is 0, after the last is {@code size}. */
    private long clamp(long p, long offset) {
        long bounded = Math.max(-size - 1, Math.min(size + 1, offset));
        return Math.max(0, Math.min(size, p + bounded));
    }

    /** Where row p's peer group starts, or ends ({@code end}): a scan over the ORDER BY values. */
    private Bound peers(boolean end) {
        Cursor cursor = new Cursor(orderKeys);
        return new Bound() {
            private ColumnVector[] current;

            @Override
            public void begin(Batch batch) {
                current = WindowExec.evalAll(orderKeys, batch);
            }

            @Override
            public long at(long p, int r) {
                long at = cursor.position();
                while (at < size) {
                    cursor.seek(at);
                    // Sorted rows: the rows before p's peers differ from p, its peers and the rows after them follow.
                    if (WindowExec.sameValues(cursor.values(), cursor.row(), current, r) != end) {
                        break;
                    }
                    at++;
                }
                return at;
            }
        };
    }

    /**
     * A RANGE end at a distance in the ORDER BY value: the first row not before row p's bound value
     * ({@code atLeast} 0, a lower bound) or after it (1, an upper bound), in the window's order.
     */
    private Bound valueBound(RangeBound bound, int atLeast) {
        Cursor cursor = new Cursor(List.of(bound.key()));
        return new Bound() {
            private ColumnVector bounds;

            @Override
            public void begin(Batch batch) {
                bounds = bound.bound().eval(batch);
            }

            @Override
            public long at(long p, int r) {
                long at = cursor.position();
                while (at < size) {
                    cursor.seek(at);
                    if (WindowExec.compareToBound(cursor.values()[0], cursor.row(), bounds, r, firstOrder) >= atLeast) {
                        break;
                    }
                    at++;
                }
                return at;
            }
        };
    }

    /** The rows between two positions that only move forward, for what reads a bounded distance around a batch. */
    private final class RowRange {
        private final SpilledBatches.Reader reader = rows.reader();
        private final ArrayDeque<Batch> batches = new ArrayDeque<>();
        /** Where the first batch held starts, and where the last read ends. */
        private long start;
        private long end;

        /** Rows {@code [from, to)} as one batch; {@code from} never before that of the call before. */
        Batch rows(long from, long to) {
            while (!batches.isEmpty() && start + batches.peekFirst().rowCount() <= from) {
                start += batches.removeFirst().rowCount();
            }
            while (end < to) {
                Batch batch = reader.next();
                if (batches.isEmpty()) {
                    start = end;
                }
                batches.add(batch);
                end += batch.rowCount();
            }
            List<Batch> pieces = new ArrayList<>();
            long at = start;
            for (Batch batch : batches) {
                long pieceFrom = Math.max(from, at);
                long pieceTo = Math.min(to, at + batch.rowCount());
                if (pieceFrom < pieceTo) {
                    pieces.add(batch.slice((int) (pieceFrom - at), (int) (pieceTo - pieceFrom)));
                }
                at += batch.rowCount();
            }
            return Batch.concat(pieces, types, (int) Math.max(0, to - from));
        }
    }

    // ---- ranking and offsets

    private Column rank(Ranking ranking) {
        Bound peerStart = peers(false);
        Bound peerEnd = ranking.kind() == Ranking.Kind.CUME_DIST ? peers(true) : null;
        return new Column() {
            private long denseRank;
            private long lastPeerStart = -1;

            @Override
            public ColumnVector values(Batch batch, long first) {
                int n = batch.rowCount();
                int[] ints = new int[n];
                double[] doubles = new double[n];
                int buckets = ranking.kind() == Ranking.Kind.NTILE
                        ? ((Number) ranking.children().get(0).eval(batch).getObject(0)).intValue() : 0;
                peerStart.begin(batch);
                if (peerEnd != null) {
                    peerEnd.begin(batch);
                }
                for (int r = 0; r < n; r++) {
                    long p = first + r;
                    long start = peerStart.at(p, r);
                    denseRank += start != lastPeerStart ? 1 : 0;
                    lastPeerStart = start;
                    switch (ranking.kind()) {
                        case ROW_NUMBER -> ints[r] = (int) (p + 1);
                        case RANK -> ints[r] = (int) (start + 1);
                        case DENSE_RANK -> ints[r] = (int) denseRank;
                        case PERCENT_RANK -> doubles[r] = size == 1 ? 0 : start / (double) (size - 1);
                        case CUME_DIST -> doubles[r] = peerEnd.at(p, r) / (double) size;
                        case NTILE -> ints[r] = WindowExec.ntile((int) p, (int) size, buckets);
                    }
                }
                return ranking.dataType() == AtomicType.DOUBLE ? new DoubleVector(n, doubles, null) : new IntVector(AtomicType.INT, n, ints, null);
            }
        };
    }

    private Column offset(Offset offset) {
        RowRange range = new RowRange();
        long k = offset.rowOffset();
        return (batch, first) -> {
            int n = batch.rowCount();
            long from = clamp(first, k);
            ColumnVector values = offset.value().eval(range.rows(from, Math.max(from, clamp(first + n, k))));
            ColumnVector defaults = offset.defaultValue().eval(batch);
            VectorBuilder out = VectorBuilder.create(offset.dataType(), n);
            for (int r = 0; r < n; r++) {
                long source = first + r + k;
                if (source >= 0 && source < size) {
                    out.appendFrom(values, (int) (source - from));
                } else {
                    out.appendFrom(defaults, r);
                }
            }
            return out.build();
        };
    }

    // ---- aggregates

    /** Folds rows {@code [from, to)} into group 0, read with the cursor (which ends at {@code to}). */
    private static void fold(AggregateFunction function, GroupedAccumulator accumulator, Cursor cursor, long from, long to) {
        for (long at = from; at < to; ) {
            cursor.seek(at);
            int count = cursor.rowsInBatch(to);
            int[] positions = new int[count];
            for (int k = 0; k < count; k++) {
                positions[k] = cursor.row() + k;
            }
            ColumnVector[] arguments = cursor.values();
            ColumnVector[] gathered = new ColumnVector[arguments.length];
            for (int a = 0; a < arguments.length; a++) {
                gathered[a] = arguments[a].gather(positions, count);
            }
            accumulator.update(new int[count], count, function.inputs(gathered));
            at += count;
        }
    }

    private Column wholePartition(AggregateFunction function) {
        GroupedAccumulator accumulator = function.newAccumulator();
        fold(function, accumulator, new Cursor(function.arguments()), 0, size);
        ColumnVector value = accumulator.result(1);
        return (batch, first) -> value.gather(new int[batch.rowCount()], batch.rowCount());
    }

    /** A frame from the partition's start: rows are folded in once each as the frame's end moves on. */
    private Column growing(AggregateFunction function, Bound upper) {
        Cursor cursor = new Cursor(function.arguments());
        GroupedAccumulator accumulator = function.newAccumulator();
        return new Column() {
            private long folded;
            private ColumnVector current = function.newAccumulator().result(1);

            @Override
            public ColumnVector values(Batch batch, long first) {
                int n = batch.rowCount();
                upper.begin(batch);
                VectorBuilder out = VectorBuilder.create(function.dataType(), n);
                for (int r = 0; r < n; r++) {
                    long end = upper.at(first + r, r);
                    if (end > folded) {
                        fold(function, accumulator, cursor, folded, end);
                        folded = end;
                        current = accumulator.result(1);
                    }
                    out.appendFrom(current, 0);
                }
                return out.build();
            }
        };
    }

    /**
     * A frame to the partition's end: a first pass keeps, for each stored batch, the state of the
     * batches after it, merged in row order. A row's value is then the rows of its frame start's
     * block from there on followed by those batches: folded backwards into one accumulator for
     * functions that ignore row order, for the others each row's own state merged before the state
     * of the rows after it. The states and a block's values are reserved: a {@code collect_list} to
     * the end of a huge partition, whose values alone exceed the budget, fails the task.
     */
    private Column shrinking(AggregateFunction function, Bound lower) {
        MemoryConsumer stateMemory = newStateMemory();
        List<ColumnVector[]> batchStates = new ArrayList<>();
        List<Long> batchStarts = new ArrayList<>();
        SpilledBatches.Reader reader = rows.reader();
        long start = 0;
        long statesBytes = 0;
        for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
            GroupedAccumulator accumulator = function.newAccumulator();
            int n = batch.rowCount();
            accumulator.update(new int[n], n, function.inputs(WindowExec.evalAll(function.arguments(), batch)));
            ColumnVector[] state = accumulator.state(1);
            batchStates.add(state);
            batchStarts.add(start);
            start += n;
            statesBytes += bytes(state);
            reserve(stateMemory, statesBytes);
        }
        // statesAfter[b]: the state of the batches after batch b.
        ColumnVector[][] statesAfter = new ColumnVector[batchStates.size()][];
        ColumnVector[] after = function.newAccumulator().state(1);
        long afterBytes = 0;
        for (int b = batchStates.size() - 1; b >= 0; b--) {
            statesAfter[b] = after;
            afterBytes += bytes(after);
            reserve(stateMemory, statesBytes + afterBytes);
            after = inOrder(function, batchStates.get(b), after);
        }
        stateMemory.release(statesBytes);
        long kept = afterBytes;
        ColumnVector empty = function.newAccumulator().result(1);
        RowRange range = new RowRange();
        return new Column() {
            private int block = -1;
            private int entered = -1;
            /** For each row of the block entered: the value of the frame starting there. */
            private ColumnVector fromRow;

            @Override
            public ColumnVector values(Batch batch, long first) {
                int n = batch.rowCount();
                lower.begin(batch);
                VectorBuilder out = VectorBuilder.create(function.dataType(), n);
                for (int r = 0; r < n; r++) {
                    long frameStart = lower.at(first + r, r);
                    if (frameStart >= size) {
                        out.appendFrom(empty, 0);
                        continue;
                    }
                    while (block < 0 || frameStart >= blockEnd()) {
                        block++;
                    }
                    if (entered != block) {
                        enterBlock();
                    }
                    out.appendFrom(fromRow, (int) (frameStart - batchStarts.get(block)));
                }
                return out.build();
            }

            private long blockEnd() {
                return block + 1 < batchStarts.size() ? batchStarts.get(block + 1) : size;
            }

            private void enterBlock() {
                entered = block;
                fromRow = null;
                stateMemory.release(stateMemory.reserved() - kept);
                long held = kept;
                Batch blockRows = range.rows(batchStarts.get(block), blockEnd());
                ColumnVector[] inputs = function.inputs(WindowExec.evalAll(function.arguments(), blockRows));
                int n = blockRows.rowCount();
                ColumnVector[] values = new ColumnVector[n];
                GroupedAccumulator accumulator = function.newAccumulator();
                accumulator.merge(new int[1], 1, statesAfter[block]);
                for (int r = n - 1; r >= 0; r--) {
                    if (function.dependsOnInputOrder()) {
                        ColumnVector[] laterRows = accumulator.state(1);
                        accumulator = function.newAccumulator();
                        accumulator.update(new int[1], 1, row(inputs, r));
                        accumulator.merge(new int[1], 1, laterRows);
                    } else {
                        accumulator.update(new int[1], 1, row(inputs, r));
                    }
                    values[r] = accumulator.result(1);
                    held += values[r].retainedBytes();
                    reserve(stateMemory, held);
                }
                VectorBuilder column = VectorBuilder.create(function.dataType(), n);
                for (ColumnVector value : values) {
                    column.appendFrom(value, 0);
                }
                fromRow = column.build();
            }
        };
    }

    /** The state of the rows of {@code first} followed by those of {@code then}. */
    private static ColumnVector[] inOrder(AggregateFunction function, ColumnVector[] first, ColumnVector[] then) {
        GroupedAccumulator accumulator = function.newAccumulator();
        accumulator.merge(new int[1], 1, first);
        accumulator.merge(new int[1], 1, then);
        return accumulator.state(1);
    }

    private static ColumnVector[] row(ColumnVector[] columns, int r) {
        ColumnVector[] row = new ColumnVector[columns.length];
        for (int c = 0; c < columns.length; c++) {
            row[c] = columns[c].gather(new int[] {r}, 1);
        }
        return row;
    }

    private static long bytes(ColumnVector[] vectors) {
        long bytes = 0;
        for (ColumnVector vector : vectors) {
            bytes += vector.retainedBytes();
        }
        return bytes;
    }

    /** Memory for states that cannot be spilled: it is held until the partition is closed. */
    private MemoryConsumer newStateMemory() {
        MemoryConsumer consumer = new MemoryConsumer(memory, "WindowExec") {
            @Override
            public long spill(long needed) {
                return 0;
            }
        };
        stateMemory.add(consumer);
        return consumer;
    }

    /** Holds {@code bytes} in all for {@code stateMemory}, or fails the task: states cannot be spilled. */
    private static void reserve(MemoryConsumer stateMemory, long bytes) {
        if (!stateMemory.tryReserveUpTo(bytes)) {
            throw stateMemory.memory().outOfMemory(stateMemory, bytes);
        }
    }

    /** A frame between two bounds: the rows the batch's frames cover are read, and each row's frame rows form its group. */
    private Column sliding(AggregateFunction function, Bound lower, Bound upper) {
        RowRange range = new RowRange();
        return (batch, first) -> {
            int n = batch.rowCount();
            lower.begin(batch);
            upper.begin(batch);
            long[] starts = new long[n];
            long[] ends = new long[n];
            for (int r = 0; r < n; r++) {
                starts[r] = lower.at(first + r, r);
                ends[r] = upper.at(first + r, r);
            }
            long from = starts[0];
            Batch frameRows = range.rows(from, Math.max(from, ends[n - 1]));
            ColumnVector[] inputs = function.inputs(WindowExec.evalAll(function.arguments(), frameRows));
            int[] positions = new int[16];
            int[] groupIds = new int[16];
            int count = 0;
            for (int r = 0; r < n; r++) {
                for (long row = starts[r]; row < ends[r]; row++) {
                    if (count == positions.length) {
                        int grown = (int) Math.min(Integer.MAX_VALUE - 8, 2L * count);
                        positions = Arrays.copyOf(positions, grown);
                        groupIds = Arrays.copyOf(groupIds, grown);
                    }
                    positions[count] = (int) (row - from);
                    groupIds[count++] = r;
                }
            }
            ColumnVector[] gathered = new ColumnVector[inputs.length];
            for (int c = 0; c < inputs.length; c++) {
                gathered[c] = inputs[c].gather(positions, count);
            }
            GroupedAccumulator accumulator = function.newAccumulator();
            accumulator.update(groupIds, count, gathered);
            return accumulator.result(n);
        };
    }

    /** Releases the partition's file and memory. */
    void close() {
        stateMemory.forEach(MemoryConsumer::releaseAll);
        rows.close();
    }
}
