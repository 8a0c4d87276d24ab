package dev.ember.exec;

import dev.ember.expr.Alias;
import dev.ember.expr.AttributeReference;
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
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DoubleVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.VectorBuilder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Computes window expressions over a task's rows, which arrive sorted by the PARTITION BY keys and
 * then the ORDER BY keys (a sort below this node guarantees it, an exchange by the partition keys
 * below that puts each partition in one task). Rows are buffered until their partitions are
 * complete (within the task's memory), split into partitions and peer groups (equal ORDER BY
 * values), and each expression appends one column. A partition larger than the task's memory is
 * spilled and computed apart ({@link LargeWindowPartition}).
 */
public final class WindowExec extends UnaryExec {
    private static final long serialVersionUID = 1L;

    private final List<Expression> partitionBy;
    private final List<Expression> orderKeys;
    private final List<SortOrder> orderBy;
    private final List<WindowExpression> windows;
    private final List<AttributeReference> output;

    public WindowExec(List<Expression> windowExpressions, List<Expression> partitionBy, List<SortOrder> orderBy, PhysicalPlan child) {
        super(child);
        this.partitionBy = bindAll(partitionBy, child.output());
        this.orderKeys = bindAll(orderBy.stream().map(SortOrder::child).toList(), child.output());
        this.orderBy = List.copyOf(orderBy);
        this.windows = windowExpressions.stream()
                .map(e -> (WindowExpression) bind(((Alias) e).child(), child.output())).toList();
        List<AttributeReference> all = new ArrayList<>(child.output());
        windowExpressions.forEach(e -> all.add(((Alias) e).toAttribute()));
        this.output = List.copyOf(all);
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        Operator input = child.open(context, partition);
        WindowBuffer buffer = new WindowBuffer(context.memory());
        return new Operator() {
            private boolean inputDone;

            @Override
            public Batch next() {
                while (true) {
                    Batch ready = buffer.poll();
                    if (ready != null || inputDone) {
                        return ready;
                    }
                    Batch batch = input.next();
                    if (batch == null) {
                        inputDone = true;
                        buffer.finish();
                    } else {
                        buffer.add(batch);
                    }
                }
            }

            @Override
            public void close() {
                try {
                    buffer.close();
                } finally {
                    input.close();
                }
            }
        };
    }

    /** Batches with their window columns, ready to be passed on. */
    private interface Results {
        /** The next batch; {@code null} after the last. */
        Batch next();

        default void close() {
        }
    }

    /**
     * The rows of the window partitions not yet computed, held within the task's memory. Input
     * arrives sorted by the partition keys, so whenever a new partition begins, the ones before it
     * are complete and can be computed and passed on. A single partition larger than the memory a
     * task can have is written to a spill file as it arrives and computed from there once it is
     * complete ({@link LargeWindowPartition}).
     */
    private final class WindowBuffer extends MemoryConsumer {
        /** Complete partitions are computed once this many rows are buffered (or when memory is short). */
        private static final int COMPUTE_ROWS = 4 * Batch.TARGET_ROWS;
        /** Memory per buffered row beyond its values: group bounds and the window columns computed. */
        private static final int BYTES_PER_ROW = 32;

        private final List<DataType> types = child.output().stream().map(AttributeReference::dataType).toList();
        private final ArrayDeque<Results> ready = new ArrayDeque<>();
        private List<Batch> pending = new ArrayList<>();
        private int pendingRows;
        /** Whether the buffered rows hold more than one partition, so that some are complete. */
        private boolean complete;
        /** The partition keys of the last batch buffered, and its last row. */
        private ColumnVector[] lastKeys;
        private int lastRow;
        /** The rows of a partition too large for memory, while they arrive; {@code null} when there is none. */
        private SpilledBatches large;

        WindowBuffer(TaskMemory memory) {
            super(memory, "WindowExec");
        }

        /** The next batch computed, {@code null} when none is ready. */
        Batch poll() {
            for (Results results = ready.peek(); results != null; results = ready.peek()) {
                Batch batch = results.next();
                if (batch != null) {
                    return batch;
                }
                ready.poll().close();
            }
            return null;
        }

        /** Takes a batch; what can be output is queued. */
        void add(Batch batch) {
            if (batch.rowCount() == 0) {
                return;
            }
            if (large != null) {
                addToLarge(batch);
                return;
            }
            ColumnVector[] keys = evalAll(partitionBy, batch);
            int last = batch.rowCount() - 1;
            // Sorted input: the batch begins a partition exactly when its last row's keys differ from those before.
            boolean beginsPartition = lastKeys != null && !sameValues(keys, last, lastKeys, lastRow) || !sameValues(keys, 0, keys, last);
            long bytes = bytesOf(batch);
            boolean computed = false;
            if (!tryReserve(bytes)) {
                computed = computeComplete();
                if (!tryReserve(bytes)) {
                    startLarge(batch);
                    return;
                }
            }
            pending.add(batch);
            pendingRows += batch.rowCount();
            complete |= beginsPartition;
            lastKeys = keys;
            lastRow = last;
            if (pendingRows >= COMPUTE_ROWS && complete && !computed) {
                computeComplete();
            }
        }

        /** The rows buffered (all of one partition) do not fit with the next batch: they and the rest of their partition go to disk. */
        private void startLarge(Batch batch) {
            large = new SpilledBatches(memory(), types);
            pending.forEach(large::add);
            if (pending.isEmpty()) {
                lastKeys = evalAll(partitionBy, batch);
                lastRow = 0;
            }
            pending = new ArrayList<>();
            pendingRows = 0;
            releaseAll();
            addToLarge(batch);
        }

        /** Appends the batch's rows of the large partition; once it ends, queues it and buffers the rows after it. */
        private void addToLarge(Batch batch) {
            ColumnVector[] keys = evalAll(partitionBy, batch);
            int n = batch.rowCount();
            int end = 0;
            if (sameValues(keys, n - 1, lastKeys, lastRow)) {
                end = n;
            } else {
                while (sameValues(keys, end, lastKeys, lastRow)) {
                    end++;
                }
            }
            large.add(end == n ? batch : batch.slice(0, end));
            if (end == n) {
                lastKeys = keys;
                lastRow = n - 1;
                return;
            }
            finishLarge();
            lastKeys = null;
            add(batch.slice(end, n - end));
        }

        private void finishLarge() {
            LargeWindowPartition partition = new LargeWindowPartition(memory(), large, types, windows, orderKeys, orderBy);
            large = null;
            ready.add(new Results() {
                @Override
                public Batch next() {
                    return partition.next();
                }

                @Override
                public void close() {
                    partition.close();
                }
            });
        }

        /** The window columns of all rows buffered: the input is over. */
        void finish() {
            if (large != null) {
                finishLarge();
                return;
            }
            if (pendingRows > 0) {
                queue(compute(Batch.concat(pending, types, pendingRows)));
            }
            pending = List.of();
            releaseAll();
        }

        private void queue(List<Batch> batches) {
            Iterator<Batch> iterator = batches.iterator();
            ready.add(() -> iterator.hasNext() ? iterator.next() : null);
        }

        /** Computes and queues the complete partitions and keeps the last one, which may go on in the next batch; whether there were any. */
        private boolean computeComplete() {
            if (!complete || pending.isEmpty()) {
                return false;
            }
            Batch rows = Batch.concat(pending, types, pendingRows);
            ColumnVector[] keys = evalAll(partitionBy, rows);
            int lastStart = rows.rowCount() - 1;
            while (lastStart > 0 && sameValues(keys, lastStart - 1, keys, rows.rowCount() - 1)) {
                lastStart--;
            }
            Batch rest = rows.slice(lastStart, rows.rowCount() - lastStart);
            queue(compute(rows.slice(0, lastStart)));
            releaseAll();
            pending = new ArrayList<>(List.of(rest));
            pendingRows = rest.rowCount();
            complete = false;
            lastKeys = evalAll(partitionBy, rest);
            lastRow = rest.rowCount() - 1;
            if (!tryReserve(bytesOf(rest))) {
                throw memory().outOfMemory(this, bytesOf(rest));
            }
            return true;
        }

        private static long bytesOf(Batch batch) {
            return batch.retainedBytes() + (long) BYTES_PER_ROW * batch.rowCount();
        }

        /** Window state is not written out when others need memory: it is passed on as soon as a partition is complete. */
        @Override
        public long spill(long needed) {
            return 0;
        }

        void close() {
            try {
                // Each closed even when one before it fails, so that no spill file is left; the first failure is thrown.
                RuntimeException failure = null;
                List<Runnable> closers = new ArrayList<>();
                ready.forEach(results -> closers.add(results::close));
                if (large != null) {
                    closers.add(large::close);
                }
                for (Runnable closer : closers) {
                    try {
                        closer.run();
                    } catch (RuntimeException e) {
                        failure = failure == null ? e : failure;
                    }
                }
                if (failure != null) {
                    throw failure;
                }
            } finally {
                ready.clear();
                large = null;
                releaseAll();
            }
        }
    }

    /** The input rows (sorted, whole partitions) with the window columns appended, a batch at a time. */
    private List<Batch> compute(Batch rows) {
        int total = rows.rowCount();
        if (total == 0) {
            return List.of();
        }
        Groups groups = new Groups(rows);
        List<ColumnVector> columns = new ArrayList<>(rows.columns());
        for (WindowExpression window : windows) {
            columns.add(evaluate(window, rows, groups));
        }
        Batch result = new Batch(columns, total);
        List<Batch> slices = new ArrayList<>();
        for (int from = 0; from < total; from += Batch.TARGET_ROWS) {
            slices.add(result.slice(from, Math.min(Batch.TARGET_ROWS, total - from)));
        }
        return slices;
    }

    /** Where each row's partition and peer group start and end (exclusive), over the sorted rows. */
    private final class Groups {
        final int[] partitionStart;
        final int[] partitionEnd;
        final int[] peerStart;
        final int[] peerEnd;

        Groups(Batch rows) {
            int n = rows.rowCount();
            ColumnVector[] partitionColumns = evalAll(partitionBy, rows);
            ColumnVector[] orderColumns = evalAll(orderKeys, rows);
            partitionStart = new int[n];
            peerStart = new int[n];
            for (int i = 0; i < n; i++) {
                boolean newPartition = i == 0 || !sameValues(partitionColumns, i, i - 1);
                partitionStart[i] = newPartition ? i : partitionStart[i - 1];
                peerStart[i] = newPartition || !sameValues(orderColumns, i, i - 1) ? i : peerStart[i - 1];
            }
            partitionEnd = ends(partitionStart);
            peerEnd = ends(peerStart);
        }

        private static int[] ends(int[] starts) {
            int n = starts.length;
            int[] ends = new int[n];
            for (int i = n - 1; i >= 0; i--) {
                ends[i] = i == n - 1 || starts[i + 1] != starts[i] ? i + 1 : ends[i + 1];
            }
            return ends;
        }

        /** Where each row's frame starts and ends in the rows of a window expression. */
        FrameRows frameRows(WindowExpression window, Batch rows) {
            WindowFrame frame = window.frame();
            ValueBound lower = ValueBound.of(window.lowerBound(), rows);
            ValueBound upper = ValueBound.of(window.upperBound(), rows);
            return new FrameRows() {
                @Override
                public int first(int i) {
                    if (frame.unboundedPreceding()) {
                        return partitionStart[i];
                    }
                    if (lower != null) {
                        return lower.firstNotBefore(i, partitionStart[i], partitionEnd[i], orderBy.get(0));
                    }
                    if (frame.type() == WindowFrame.Type.RANGE) {
                        return peerStart[i];
                    }
                    return (int) Math.max(partitionStart[i], Math.min(partitionEnd[i], i + frame.lower()));
                }

                @Override
                public int last(int i) {
                    if (frame.unboundedFollowing()) {
                        return partitionEnd[i] - 1;
                    }
                    if (upper != null) {
                        return upper.firstAfter(i, partitionStart[i], partitionEnd[i], orderBy.get(0)) - 1;
                    }
                    if (frame.type() == WindowFrame.Type.RANGE) {
                        return peerEnd[i] - 1;
                    }
                    return (int) Math.min(partitionEnd[i] - 1, Math.max(partitionStart[i] - 1, i + frame.upper()));
                }
            };
        }
    }

    /** The first and last (inclusive) row of each row's frame; last &lt; first when the frame is empty. */
    private interface FrameRows {
        int first(int i);

        int last(int i);
    }

    /**
     * A RANGE bound at a distance in the ORDER BY key's values: the keys (in the compared type) and
     * each row's bound value. The rows of a partition are sorted by the key, so the frame's ends
     * are found by binary search. A NULL key's bound is NULL, which matches only NULL keys, and NULL
     * keys sort where the window's order puts them.
     */
    private record ValueBound(ColumnVector keys, ColumnVector bounds) {
        static ValueBound of(RangeBound bound, Batch rows) {
            return bound == null ? null : new ValueBound(bound.key().eval(rows), bound.bound().eval(rows));
        }

        /** The first row of [from, to) whose key is not before row i's bound in the window's order. */
        int firstNotBefore(int i, int from, int to, SortOrder order) {
            return search(i, from, to, order, 0);
        }

        /** The first row of [from, to) whose key is after row i's bound in the window's order. */
        int firstAfter(int i, int from, int to, SortOrder order) {
            return search(i, from, to, order, 1);
        }

        private int search(int i, int from, int to, SortOrder order, int atLeast) {
            int low = from;
            int high = to;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (compare(middle, i, order) < atLeast) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        private int compare(int r, int i, SortOrder order) {
            return compareToBound(keys, r, bounds, i, order);
        }
    }

    /** Row r's key against row i's bound (of another batch, maybe), in the window's order. */
    static int compareToBound(ColumnVector keys, int r, ColumnVector bounds, int i, SortOrder order) {
        boolean keyNull = keys.isNull(r);
        boolean boundNull = bounds.isNull(i);
        if (keyNull || boundNull) {
            return keyNull == boundNull ? 0 : keyNull == order.nullsFirst() ? -1 : 1;
        }
        int c = keys.compareAt(r, bounds, i);
        return order.ascending() ? c : -c;
    }

    static ColumnVector[] evalAll(List<Expression> expressions, Batch rows) {
        ColumnVector[] columns = new ColumnVector[expressions.size()];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = expressions.get(k).eval(rows);
        }
        return columns;
    }

    /** Whether rows a and b hold the same values, NULL matching NULL. */
    private static boolean sameValues(ColumnVector[] columns, int a, int b) {
        return sameValues(columns, a, columns, b);
    }

    /** Whether row a of some columns holds the same values as row b of others of the same types, NULL matching NULL. */
    static boolean sameValues(ColumnVector[] columns, int a, ColumnVector[] others, int b) {
        for (int c = 0; c < columns.length; c++) {
            boolean nullA = columns[c].isNull(a);
            if (nullA != others[c].isNull(b) || !nullA && !columns[c].equalsAt(a, others[c], b)) {
                return false;
            }
        }
        return true;
    }

    private static ColumnVector evaluate(WindowExpression window, Batch rows, Groups groups) {
        Expression function = window.function();
        if (function instanceof Ranking ranking) {
            return rank(ranking, rows, groups);
        }
        if (function instanceof Offset offset) {
            return offset(offset, rows, groups);
        }
        return aggregate((AggregateFunction) function, window.frame(), groups.frameRows(window, rows), rows, groups);
    }

    private static ColumnVector rank(Ranking ranking, Batch rows, Groups groups) {
        int n = rows.rowCount();
        int[] ints = new int[n];
        double[] doubles = new double[n];
        int denseRank = 0;
        int buckets = ranking.kind() == Ranking.Kind.NTILE ? ((Number) ranking.children().get(0).eval(rows).getObject(0)).intValue() : 0;
        for (int i = 0; i < n; i++) {
            int start = groups.partitionStart[i];
            int size = groups.partitionEnd[i] - start;
            int position = i - start;
            int rank = groups.peerStart[i] - start + 1;
            denseRank = i == start ? 1 : groups.peerStart[i] == i ? denseRank + 1 : denseRank;
            switch (ranking.kind()) {
                case ROW_NUMBER -> ints[i] = position + 1;
                case RANK -> ints[i] = rank;
                case DENSE_RANK -> ints[i] = denseRank;
                case PERCENT_RANK -> doubles[i] = size == 1 ? 0 : (rank - 1) / (double) (size - 1);
                case CUME_DIST -> doubles[i] = (groups.peerEnd[i] - start) / (double) size;
                case NTILE -> ints[i] = ntile(position, size, buckets);
            }
        }
        return ranking.dataType() == dev.ember.sql.types.AtomicType.DOUBLE
                ? new DoubleVector(n, doubles, null) : new IntVector(dev.ember.sql.types.AtomicType.INT, n, ints, null);
    }

    /** The bucket (1-based) of a row: the first {@code size % buckets} buckets hold one row more. */
    static int ntile(int position, int size, int buckets) {
        int small = size / buckets;
        int larger = size % buckets;
        int inLarger = larger * (small + 1);
        return position < inLarger ? position / (small + 1) + 1 : larger + (position - inLarger) / Math.max(1, small) + 1;
    }

    private static ColumnVector offset(Offset offset, Batch rows, Groups groups) {
        ColumnVector values = offset.value().eval(rows);
        ColumnVector defaults = offset.defaultValue().eval(rows);
        int n = rows.rowCount();
        VectorBuilder out = VectorBuilder.create(offset.dataType(), n);
        for (int i = 0; i < n; i++) {
            int source = i + offset.rowOffset();
            if (source >= groups.partitionStart[i] && source < groups.partitionEnd[i]) {
                out.appendFrom(values, source);
            } else {
                out.appendFrom(defaults, i);
            }
        }
        return out.build();
    }

    private static ColumnVector aggregate(AggregateFunction function, WindowFrame frame, FrameRows frameRows, Batch rows, Groups groups) {
        ColumnVector[] arguments = new ColumnVector[function.arguments().size()];
        for (int a = 0; a < arguments.length; a++) {
            arguments[a] = function.arguments().get(a).eval(rows);
        }
        ColumnVector[] input = function.inputs(arguments);
        int n = rows.rowCount();
        if (frame.unboundedPreceding() && frame.unboundedFollowing()) {
            // One group per partition: a single vectorized pass.
            int[] partitionIds = new int[n];
            int partitions = 0;
            for (int i = 0; i < n; i++) {
                partitionIds[i] = i == 0 || groups.partitionStart[i] == i ? partitions++ : partitions - 1;
            }
            GroupedAccumulator accumulator = function.newAccumulator();
            accumulator.update(partitionIds, n, input);
            return accumulator.result(partitions).gather(partitionIds, n);
        }
        if (frame.unboundedPreceding()) {
            return growing(function, frameRows, input, groups, n);
        }
        if (frame.unboundedFollowing()) {
            return shrinking(function, frameRows, input, groups, n);
        }
        // A sliding frame between two offsets: each row's frame rows form that row's group.
        int[] positions = new int[16];
        int[] groupIds = new int[16];
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int row = frameRows.first(i), last = frameRows.last(i); row <= last; row++) {
                if (count == positions.length) {
                    positions = Arrays.copyOf(positions, count * 2);
                    groupIds = Arrays.copyOf(groupIds, count * 2);
                }
                positions[count] = row;
                groupIds[count++] = i;
            }
        }
        GroupedAccumulator accumulator = function.newAccumulator();
        accumulator.update(groupIds, count, gather(input, positions, count));
        return accumulator.result(n);
    }

    private static ColumnVector[] gather(ColumnVector[] columns, int[] positions, int count) {
        ColumnVector[] gathered = new ColumnVector[columns.length];
        for (int c = 0; c < columns.length; c++) {
            gathered[c] = columns[c].gather(positions, count);
        }
        return gathered;
    }

    /** A frame from the partition's start: rows are folded in once each, the value read at each frame end. */
    private static ColumnVector growing(AggregateFunction function, FrameRows frameRows, ColumnVector[] input, Groups groups, int n) {
        VectorBuilder out = VectorBuilder.create(function.dataType(), n);
        ColumnVector empty = function.newAccumulator().result(1);
        GroupedAccumulator accumulator = null;
        int folded = 0;
        ColumnVector current = empty;
        for (int i = 0; i < n; i++) {
            if (groups.partitionStart[i] == i) {
                accumulator = function.newAccumulator();
                folded = i;
                current = empty;
            }
            int last = frameRows.last(i);
            if (last >= folded) {
                fold(accumulator, input, folded, last + 1);
                folded = last + 1;
                current = accumulator.result(1);
            }
            out.appendFrom(current, 0);
        }
        return out.build();
    }

    /**
     * A frame to the partition's end: the growing case read backwards, from the partition's last
     * row. Functions that depend on row order fold the rows entering the frame first and merge the
     * state of the rows after them, so that each row is folded once (not once per frame, as Spark).
     */
    private static ColumnVector shrinking(AggregateFunction function, FrameRows frameRows, ColumnVector[] inputs, Groups groups, int n) {
        ColumnVector empty = function.newAccumulator().result(1);
        ColumnVector[] values = new ColumnVector[n];
        GroupedAccumulator accumulator = null;
        int folded = 0;
        ColumnVector current = empty;
        for (int i = n - 1; i >= 0; i--) {
            if (groups.partitionEnd[i] == i + 1) {
                accumulator = function.newAccumulator();
                folded = i + 1;
                current = empty;
            }
            int first = frameRows.first(i);
            if (first < folded) {
                if (function.dependsOnInputOrder()) {
                    GroupedAccumulator before = function.newAccumulator();
                    fold(before, inputs, first, folded);
                    before.merge(new int[1], 1, accumulator.state(1));
                    accumulator = before;
                } else {
                    fold(accumulator, inputs, first, folded);
                }
                folded = first;
                current = accumulator.result(1);
            }
            values[i] = current;
        }
        VectorBuilder out = VectorBuilder.create(function.dataType(), n);
        for (ColumnVector value : values) {
            out.appendFrom(value, 0);
        }
        return out.build();
    }

    /** Folds rows {@code [from, to)} into group 0 of the accumulator. */
    private static void fold(GroupedAccumulator accumulator, ColumnVector[] inputs, int from, int to) {
        int count = to - from;
        int[] positions = new int[count];
        for (int k = 0; k < count; k++) {
            positions[k] = from + k;
        }
        accumulator.update(new int[count], count, gather(inputs, positions, count));
    }

    @Override
    public String nodeString() {
        return "Window " + windows + ", partition by " + partitionBy + ", order by " + orderKeys;
    }
}
