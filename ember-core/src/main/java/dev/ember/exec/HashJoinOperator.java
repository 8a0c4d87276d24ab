package dev.ember.exec;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.exec.HashJoinExec.BuildSide;
import dev.ember.exec.HashJoinExec.Pairs;
import dev.ember.expr.Expression;
import dev.ember.memory.MemoryConsumer;
import dev.ember.memory.TaskMemory;
import dev.ember.plan.logical.JoinType;
import dev.ember.scheduler.SharedShuffleValues;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BatchCodec;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * One task's hash join within its share of execution memory. The build (right) side is buffered
 * while the task grants memory for it, then indexed and probed by the streaming left side, as
 * {@link HashJoinExec} describes.
 *
 * <p>A broadcast join's build side is the same for every task: the tasks of a process share one
 * table, built by the first of them in storage memory of the process ({@link SharedShuffleValues}).
 * When that memory is refused, each task builds its own as below.
 *
 * <p>When memory is refused — while building, or while probing because another operator of the
 * task needs it — the join becomes a grace hash join: the build rows (with what they matched so
 * far) and the probe rows not yet probed are written by hash bits of their keys to
 * {@value #FANOUT} spill files each ({@link BatchCodec}), and the partitions are joined one by one,
 * each with the in-memory code. A partition whose build side still does not fit is partitioned
 * again by other hash bits; one that cannot be split (a skewed key, or a join without keys) is
 * joined as a block nested loop: the build rows a block at a time, each block against all the
 * partition's probe rows, which probe rows matched kept in a bit set, so that every join type
 * stays exact. Rows with equal keys always land in the same partition, so partitioning changes
 * nothing but the order of the output.
 *
 * <p>Hash partitioning was chosen over a fall-back to sort-merge because the partition joins are
 * the in-memory join itself: one implementation of every join type's semantics, no sort when the
 * build side fits, and only the part that does not fit goes to disk again.
 */
final class HashJoinOperator extends MemoryConsumer implements Operator {
    private static final int FANOUT = 16;
    private static final int BITS_PER_LEVEL = 4;
    /** Partitioning deeper than this (16^4 partitions) is left to the block nested loop. */
    private static final int MAX_LEVEL = 3;
    /** Memory per build row beyond its values: the key table, the rows by key, the match flags and key hashes. */
    private static final int BYTES_PER_BUILD_ROW = 40;
    private static final int STREAM_BUFFER = 1 << 14;

    private enum State { BUILDING, PROBING, PARTITIONED }

    private final HashJoinExec join;
    private final Operator probeInput;
    private final Operator buildInput;
    private final OperatorMetrics metrics;
    private final JoinType type;
    private final boolean keyed;
    private final List<DataType> leftTypes;
    /** The build side's columns and a last boolean column: whether the row has matched (spill files carry it). */
    private final List<DataType> buildFileTypes;
    private final List<AutoCloseable> open = new ArrayList<>();
    /** Where the tasks of this process share the build side; {@code null} when they cannot. */
    private final SharedShuffleValues shared;
    /** Build batches read before this task had to build its own table (the shared build declined). */
    private final Deque<Batch> readAhead = new ArrayDeque<>();
    /** Whether the table probed is the process's shared one: this task holds no memory for it, nor can spill it. */
    private boolean probesSharedTable;

    private State state;
    private List<Batch> buffered = new ArrayList<>();
    private long bufferedBytes;
    private int bufferedRows;
    /** The join in memory, while probing from the input. */
    private Probing probing;
    private SpillPartitions buildFiles;
    private SpillPartitions probeFiles;
    /** The output of the spilled partitions, once every input row is in a file. */
    private Batches spilledOutput;

    HashJoinOperator(HashJoinExec join, TaskMemory memory, OperatorMetrics metrics, Operator probeInput, Operator buildInput,
            SharedShuffleValues shared) {
        super(memory, "HashJoinExec");
        this.join = join;
        this.shared = shared;
        this.metrics = metrics;
        this.probeInput = probeInput;
        this.buildInput = buildInput;
        this.type = join.joinType();
        this.keyed = !join.leftKeys().isEmpty();
        this.leftTypes = join.leftTypes();
        List<DataType> types = new ArrayList<>(join.rightTypes());
        types.add(AtomicType.BOOLEAN);
        this.buildFileTypes = List.copyOf(types);
    }

    @Override
    public Batch next() {
        try {
            if (state == null) {
                state = State.BUILDING;
                build();
            }
            if (state == State.PROBING) {
                Batch batch = probing.next();
                if (batch != null) {
                    return batch;
                }
                if (state == State.PROBING) {
                    probing = null;
                    releaseAll();
                    return null;
                }
            }
            if (spilledOutput == null) {
                spilledOutput = joinSpilled();
            }
            return spilledOutput.next();
        } catch (IOException e) {
            throw spillError(e);
        }
    }

    // ---- building and probing in memory

    private void build() throws IOException {
        BuildSide sharedTable = shared == null ? null : shared.get(join.broadcastShuffleId(), join.buildPurpose(), this::buildShared);
        if (sharedTable != null) {
            state = State.PROBING;
            probing = new Probing(sharedTable, probeInput::next, null);
            probesSharedTable = true;
            return;
        }
        for (Batch batch = nextBuildBatch(); batch != null; batch = nextBuildBatch()) {
            long bytes = bytesToBuild(batch);
            if (buildFiles == null && tryReserve(bytes)) {
                if (buildFiles == null) {
                    buffered.add(batch);
                    bufferedBytes += batch.retainedBytes();
                    bufferedRows += batch.rowCount();
                    continue;
                }
                release(bytes); // granted only after this join's own buffer was spilled
            }
            spillBuffered();
            buildFiles.write(withMatched(batch, null));
        }
        if (buildFiles == null) {
            // Concatenating the batches copies them: room for the copy, given back once made.
            long copy = buffered.size() > 1 ? bufferedBytes : 0;
            if (tryReserve(copy) && buildFiles == null) {
                Batch rows = Batch.concat(buffered, join.rightTypes(), bufferedRows);
                buffered = new ArrayList<>();
                BuildSide table = join.new BuildSide(rows, null);
                release(copy);
                long extra = table.indexBytes() - (long) BYTES_PER_BUILD_ROW * rows.rowCount();
                state = State.PROBING;
                probing = new Probing(table, probeInput::next, null);
                if (extra <= 0 || tryReserve(extra)) {
                    return;
                }
                spill(extra); // the index turned out larger than reckoned and does not fit
                return;
            }
            spillBuffered();
        }
        state = State.PARTITIONED;
    }

    /**
     * The table every task of the process probes, its memory reserved in storage memory through
     * {@code reservation}; {@code null} when refused, the batches read left for this task's own build.
     */
    private BuildSide buildShared(SharedShuffleValues.Reservation reservation) {
        List<Batch> batches = new ArrayList<>();
        long bytes = 0;
        int rows = 0;
        for (Batch batch = nextBuildBatch(); batch != null; batch = nextBuildBatch()) {
            batches.add(batch);
            if (!reservation.tryReserve(bytesToBuild(batch))) {
                readAhead.addAll(batches);
                return null;
            }
            bytes += batch.retainedBytes();
            rows += batch.rowCount();
        }
        // Concatenating the batches copies them: room for the copy, given back once made.
        long copy = batches.size() > 1 ? bytes : 0;
        if (!reservation.tryReserve(copy)) {
            readAhead.addAll(batches);
            return null;
        }
        Batch all = Batch.concat(batches, join.rightTypes(), rows);
        reservation.release(copy);
        BuildSide table = join.new BuildSide(all, null);
        long extra = table.indexBytes() - (long) BYTES_PER_BUILD_ROW * rows;
        if (extra < 0) {
            reservation.release(-extra);
        } else if (!reservation.tryReserve(extra)) {
            readAhead.add(all);
            return null;
        }
        return table;
    }

    /** The next non-empty build batch: those read ahead first, then the input's. */
    private Batch nextBuildBatch() {
        if (!readAhead.isEmpty()) {
            return readAhead.poll();
        }
        for (Batch batch = buildInput.next(); batch != null; batch = buildInput.next()) {
            if (batch.rowCount() > 0) {
                metrics.add(OperatorMetric.BUILD_ROWS, batch.rowCount());
                return batch;
            }
        }
        return null;
    }

    private static long bytesToBuild(Batch batch) {
        return batch.retainedBytes() + (long) BYTES_PER_BUILD_ROW * batch.rowCount();
    }

    /** Writes the buffered build rows to the partition files and gives their memory back (the files are opened if need be). */
    private void spillBuffered() throws IOException {
        if (buildFiles == null) {
            buildFiles = new SpillPartitions("join-build", buildFileTypes, join.rightKeys(), 0, keyed ? FANOUT : 1);
        }
        for (Batch batch : buffered) {
            buildFiles.write(withMatched(batch, null));
        }
        buffered = new ArrayList<>();
        bufferedBytes = 0;
        bufferedRows = 0;
        releaseAll();
    }

    /**
     * Called by the task when memory is short: while building, writes out what is buffered; while
     * probing from the input, writes the build rows (with what they matched) to partition files,
     * and the probe rows not yet probed follow them. Nothing can be spilled once probing has read
     * all its input, or while spilled partitions are joined.
     */
    @Override
    public long spill(long needed) {
        long held = reserved();
        try {
            if (state == State.BUILDING && !buffered.isEmpty()) {
                spillBuffered();
            } else if (state == State.PROBING && !probing.inputDone && !probesSharedTable) {
                BuildSide table = probing.table;
                probing.table = null;
                buildFiles = new SpillPartitions("join-build", buildFileTypes, join.rightKeys(), 0, keyed ? FANOUT : 1);
                for (int from = 0; from < table.rows.rowCount(); from += Batch.TARGET_ROWS) {
                    int count = Math.min(Batch.TARGET_ROWS, table.rows.rowCount() - from);
                    boolean[] matched = table.matched == null ? null : Arrays.copyOfRange(table.matched, from, from + count);
                    buildFiles.write(withMatched(table.rows.slice(from, count), matched));
                }
                state = State.PARTITIONED;
                releaseAll();
            }
        } catch (IOException e) {
            throw spillError(e);
        }
        return held - reserved();
    }

    // ---- joining spilled partitions

    /** Every probe row not yet probed into files, then the output of the partitions. */
    private Batches joinSpilled() throws IOException {
        probeFiles = new SpillPartitions("join-probe", leftTypes, join.leftKeys(), 0, buildFiles.files.length);
        if (probing != null) {
            // Probing was interrupted: the rest of the batch in hand, then the input, go to the files.
            Batch rest = probing.rest();
            if (rest != null) {
                probeFiles.write(rest);
            }
            probing = null;
        }
        for (Batch batch = probeInput.next(); batch != null; batch = probeInput.next()) {
            probeFiles.write(batch);
        }
        buildFiles.finish();
        probeFiles.finish();
        return partitions(buildFiles, probeFiles, -1);
    }

    /** The joins of each pair of partitions in turn; {@code parentRows}: the build rows they were split from, -1 at the top. */
    private Batches partitions(SpillPartitions build, SpillPartitions probe, long parentRows) {
        int count = build.files.length;
        return new Concat(new Parts() {
            private int next;

            @Override
            public Batches nextPart() throws IOException {
                return next < count ? partition(build, probe, next++, parentRows) : null;
            }
        });
    }

    private Batches partition(SpillPartitions build, SpillPartitions probe, int i, long parentRows) throws IOException {
        // Build rows may have matched before they were spilled: a right semi join outputs them even without probe rows.
        boolean outputsBuildRows = join.tracksBuildMatches();
        boolean needsProbeRows = build.rows[i] > 0 || type == JoinType.LEFT_OUTER || type == JoinType.FULL_OUTER
                || type == JoinType.LEFT_ANTI || type == JoinType.EXISTENCE;
        if (!(outputsBuildRows && build.rows[i] > 0) && !(needsProbeRows && probe.rows[i] > 0)) {
            build.delete(i);
            probe.delete(i);
            return Batches.EMPTY;
        }
        long bytes = 2 * build.memoryBytes[i] + BYTES_PER_BUILD_ROW * build.rows[i];
        if (tryReserve(bytes)) {
            BuildSide table = load(build.read(i), build.rows[i]);
            build.delete(i);
            return andThen(new Probing(table, probe.read(i), null), () -> {
                releaseAll();
                probe.delete(i);
            });
        }
        // Splitting again helps unless one key holds most of the rows (the parent's split left this one nearly whole).
        boolean splittable = keyed && build.level < MAX_LEVEL && (parentRows < 0 || build.rows[i] * 10 < parentRows * 9);
        if (splittable) {
            SpillPartitions subBuild = new SpillPartitions("join-build", buildFileTypes, join.rightKeys(), build.level + 1, FANOUT);
            copy(build.read(i), subBuild);
            build.delete(i);
            SpillPartitions subProbe = new SpillPartitions("join-probe", leftTypes, join.leftKeys(), build.level + 1, FANOUT);
            copy(probe.read(i), subProbe);
            probe.delete(i);
            return partitions(subBuild, subProbe, build.rows[i]);
        }
        return blockNestedLoop(build, probe, i);
    }

    private static void copy(Batches from, SpillPartitions to) throws IOException {
        for (Batch batch = from.next(); batch != null; batch = from.next()) {
            to.write(batch);
        }
        to.finish();
    }

    /** A build side from spilled batches (the last column: whether each row matched), its memory reserved. */
    private BuildSide load(Batches batches, long rowCount) throws IOException {
        List<Batch> list = new ArrayList<>();
        for (Batch batch = batches.next(); batch != null; batch = batches.next()) {
            list.add(batch);
        }
        Batch all = Batch.concat(list, buildFileTypes, (int) rowCount);
        int last = buildFileTypes.size() - 1;
        BooleanVector flags = (BooleanVector) all.column(last);
        boolean[] matched = new boolean[all.rowCount()];
        for (int row = 0; row < matched.length; row++) {
            matched[row] = flags.get(row);
        }
        return join.new BuildSide(new Batch(all.columns().subList(0, last), all.rowCount()), matched);
    }

    /**
     * Partition {@code i} joined a block of build rows at a time (as many as memory grants), each
     * block against all its probe rows; which probe rows matched is kept across blocks, and the
     * probe rows are read once more at the end for what depends on it.
     */
    private Batches blockNestedLoop(SpillPartitions build, SpillPartitions probe, int i) throws IOException {
        long[] probeMatched = new long[(int) ((probe.rows[i] + 63) >>> 6)];
        Batches buildRows = build.read(i);
        Batch first = buildRows.next();
        Batches blocks = new Concat(new Parts() {
            private Batch pending = first;

            @Override
            public Batches nextPart() throws IOException {
                if (pending == null) {
                    return null;
                }
                List<Batch> block = new ArrayList<>();
                int rows = 0;
                while (pending != null) {
                    long bytes = 2 * pending.retainedBytes() + (long) BYTES_PER_BUILD_ROW * pending.rowCount();
                    if (!tryReserve(bytes)) {
                        if (block.isEmpty()) {
                            throw memory().outOfMemory(HashJoinOperator.this, bytes);
                        }
                        break;
                    }
                    block.add(pending);
                    rows += pending.rowCount();
                    pending = buildRows.next();
                }
                BuildSide table = load(listed(block), rows);
                return andThen(new Probing(table, probe.read(i), probeMatched), HashJoinOperator.this::releaseAll);
            }
        });
        return new Concat(new Parts() {
            private int step;

            @Override
            public Batches nextPart() throws IOException {
                switch (step++) {
                    case 0:
                        return blocks;
                    case 1:
                        build.delete(i);
                        return andThen(unmatchedProbeRows(probe.read(i), probeMatched), () -> probe.delete(i));
                    default:
                        return null;
                }
            }
        });
    }

    /** After all blocks: the probe rows by whether they matched (outer, anti and existence joins). */
    private Batches unmatchedProbeRows(Batches probeRows, long[] probeMatched) {
        if (type != JoinType.LEFT_OUTER && type != JoinType.FULL_OUTER && type != JoinType.LEFT_ANTI && type != JoinType.EXISTENCE) {
            return Batches.EMPTY;
        }
        return new Batches() {
            private long ordinal;

            @Override
            public Batch next() throws IOException {
                for (Batch batch = probeRows.next(); batch != null; batch = probeRows.next()) {
                    boolean[] matched = new boolean[batch.rowCount()];
                    for (int r = 0; r < matched.length; r++) {
                        long at = ordinal + r;
                        matched[r] = (probeMatched[(int) (at >>> 6)] & (1L << at)) != 0;
                    }
                    ordinal += matched.length;
                    Batch out = switch (type) {
                        case EXISTENCE -> HashJoinExec.withMark(batch, matched);
                        case LEFT_ANTI -> HashJoinExec.rowsWhere(batch, matched, false);
                        default -> join.unmatchedLeftRows(batch, matched);
                    };
                    if (out.rowCount() > 0) {
                        return out;
                    }
                }
                return null;
            }
        };
    }

    /**
     * Probe batches streamed through an in-memory build side, then what the build side adds after
     * them ({@link BuildSide#afterProbing}: right and full outer joins' unmatched rows, right semi
     * and anti joins' output). With {@code probeMatched} the build side is one block of
     * several: left rows are only paired here, and which matched is recorded for after the last
     * block (a semi join emits a row the first time it matches).
     */
    private final class Probing implements Batches {
        /** {@code null} once spilled (the rows went to files). */
        BuildSide table;
        private final Batches input;
        private final long[] probeMatched;
        boolean inputDone;
        private boolean afterProbingDone;
        private Batch batch;
        private int at;
        private long ordinal;

        Probing(BuildSide table, Batches input, long[] probeMatched) {
            this.table = table;
            this.input = input;
            this.probeMatched = probeMatched;
        }

        @Override
        public Batch next() throws IOException {
            while (!inputDone) {
                if (batch == null || at == batch.rowCount()) {
                    ordinal += batch == null ? 0 : batch.rowCount();
                    batch = input.next();
                    at = 0;
                    if (table == null) {
                        return null; // spilled while the input was read: the rest goes to files
                    }
                    if (batch == null) {
                        inputDone = true;
                        break;
                    }
                }
                if (table == null) {
                    return null;
                }
                int rows = Math.min(batch.rowCount() - at, join.probeRowsAtOnce(table));
                Batch slice = rows == batch.rowCount() ? batch : batch.slice(at, rows);
                long sliceOrdinal = ordinal + at;
                at += rows;
                Pairs found = join.pairs(table, slice);
                Batch out = probeMatched == null ? join.joined(table, slice, found) : blockOutput(slice, found, sliceOrdinal);
                if (out != null && out.rowCount() > 0) {
                    return out;
                }
            }
            if (!afterProbingDone) {
                afterProbingDone = true;
                Batch after = table.afterProbing();
                if (after != null && after.rowCount() > 0) {
                    return after;
                }
            }
            return null;
        }

        /** The probe rows of the batch in hand not yet probed, or {@code null}. */
        Batch rest() {
            return batch == null || at == batch.rowCount() ? null : batch.slice(at, batch.rowCount() - at);
        }

        private Batch blockOutput(Batch slice, Pairs found, long sliceOrdinal) {
            boolean[] matched = found.leftMatched();
            boolean[] firstMatch = type == JoinType.LEFT_SEMI ? new boolean[matched.length] : null;
            for (int r = 0; r < matched.length; r++) {
                if (matched[r]) {
                    long row = sliceOrdinal + r;
                    int word = (int) (row >>> 6);
                    if (firstMatch != null) {
                        firstMatch[r] = (probeMatched[word] & (1L << row)) == 0;
                    }
                    probeMatched[word] |= 1L << row;
                }
            }
            return switch (type) {
                case LEFT_SEMI -> HashJoinExec.rowsWhere(slice, firstMatch, true);
                case LEFT_ANTI, EXISTENCE, RIGHT_SEMI, RIGHT_ANTI -> null;
                default -> join.matchedPairs(table, slice, found);
            };
        }
    }

    // ---- spill files

    /** Rows written to {@code files.length} spill files by bits of their key hash (one file without keys). */
    private final class SpillPartitions {
        final int level;
        final Path[] files;
        final long[] rows;
        final long[] memoryBytes;
        private final List<Expression> keys;
        private final BatchCodec codec;
        private final String source;
        private OutputStream[] outs;
        private long diskBytes;

        SpillPartitions(String purpose, List<DataType> types, List<Expression> keys, int level, int count) throws IOException {
            this.level = level;
            this.keys = keys;
            this.codec = new BatchCodec(types);
            this.source = purpose;
            files = new Path[count];
            rows = new long[count];
            memoryBytes = new long[count];
            outs = new OutputStream[count];
            for (int i = 0; i < count; i++) {
                files[i] = memory().spills().newFile(purpose);
                outs[i] = new BufferedOutputStream(Files.newOutputStream(files[i]), STREAM_BUFFER);
                open.add(outs[i]);
            }
        }

        void write(Batch batch) throws IOException {
            int n = batch.rowCount();
            if (n == 0) {
                return;
            }
            if (files.length == 1) {
                append(0, batch);
                return;
            }
            int[] hashes = KeyTable.hash(HashJoinExec.evalKeys(keys, batch), n);
            int shift = 32 - BITS_PER_LEVEL * (level + 1);
            int[] counts = new int[files.length];
            int[] partitionOf = new int[n];
            for (int r = 0; r < n; r++) {
                partitionOf[r] = (hashes[r] >>> shift) & (FANOUT - 1);
                counts[partitionOf[r]]++;
            }
            for (int p = 0; p < files.length; p++) {
                if (counts[p] == 0) {
                    continue;
                }
                if (counts[p] == n) {
                    append(p, batch);
                    return;
                }
                int[] positions = new int[counts[p]];
                int k = 0;
                for (int r = 0; r < n; r++) {
                    if (partitionOf[r] == p) {
                        positions[k++] = r;
                    }
                }
                append(p, batch.gather(positions, k));
            }
        }

        private void append(int p, Batch batch) throws IOException {
            rows[p] += batch.rowCount();
            long bytes = batch.retainedBytes();
            memoryBytes[p] += bytes;
            diskBytes += codec.write(batch, outs[p]);
        }

        /** Closes the files: they are complete. */
        void finish() throws IOException {
            if (outs == null) {
                return;
            }
            for (OutputStream out : outs) {
                out.close();
                open.remove(out);
            }
            outs = null;
            memory().recordSpill(Arrays.stream(memoryBytes).sum(), diskBytes);
        }

        Batches read(int p) throws IOException {
            InputStream in = new BufferedInputStream(Files.newInputStream(files[p]), STREAM_BUFFER);
            open.add(in);
            String name = files[p].toString();
            return new Batches() {
                private boolean done;

                @Override
                public Batch next() throws IOException {
                    Batch batch = done ? null : codec.read(in, name);
                    if (batch == null && !done) {
                        done = true;
                        in.close();
                        open.remove(in);
                    }
                    return batch;
                }
            };
        }

        void delete(int p) throws IOException {
            Files.deleteIfExists(files[p]);
        }

        @Override
        public String toString() {
            return source + " level " + level;
        }
    }

    /** The build batch with its match flags as a last column ({@code null}: none matched yet). */
    private static Batch withMatched(Batch batch, boolean[] matched) {
        List<ColumnVector> columns = new ArrayList<>(batch.columns());
        columns.add(new BooleanVector(batch.rowCount(), matched != null ? matched : new boolean[batch.rowCount()], null));
        return new Batch(columns, batch.rowCount());
    }

    private static EmberException spillError(IOException e) {
        return EmberException.of(ErrorClass.IO_ERROR, "operation", "Spilling a hash join", "path", "the task's spill directory",
                "detail", String.valueOf(e.getMessage())).withCause(e);
    }

    @Override
    public void close() {
        try {
            for (AutoCloseable resource : List.copyOf(open)) {
                try {
                    resource.close();
                } catch (Exception e) {
                    // Closing only releases the file; the task's spill directory is deleted anyway.
                }
            }
            open.clear();
            buffered = List.of();
            probing = null;
            releaseAll();
        } finally {
            try {
                probeInput.close();
            } finally {
                buildInput.close();
            }
        }
    }

    // ---- lazily chained batch sources

    /** Batches, one at a time ({@code null} at the end). */
    private interface Batches {
        Batches EMPTY = () -> null;

        Batch next() throws IOException;
    }

    /** The parts of a concatenation, made when reached ({@code null} after the last). */
    private interface Parts {
        Batches nextPart() throws IOException;
    }

    private static final class Concat implements Batches {
        private final Parts parts;
        private Batches current;
        private boolean done;

        Concat(Parts parts) {
            this.parts = parts;
        }

        @Override
        public Batch next() throws IOException {
            while (!done) {
                if (current == null) {
                    current = parts.nextPart();
                    if (current == null) {
                        done = true;
                        break;
                    }
                }
                Batch batch = current.next();
                if (batch != null) {
                    return batch;
                }
                current = null;
            }
            return null;
        }
    }

    /** {@code batches}, then {@code after} runs once they are exhausted. */
    private static Batches andThen(Batches batches, IoAction after) {
        return new Batches() {
            private boolean done;

            @Override
            public Batch next() throws IOException {
                Batch batch = done ? null : batches.next();
                if (batch == null && !done) {
                    done = true;
                    after.run();
                }
                return batch;
            }
        };
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static Batches listed(List<Batch> batches) {
        return new Batches() {
            private int next;

            @Override
            public Batch next() {
                return next < batches.size() ? batches.get(next++) : null;
            }
        };
    }
}
