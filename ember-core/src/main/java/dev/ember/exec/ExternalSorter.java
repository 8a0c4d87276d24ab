package dev.ember.exec;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.SortOrder;
import dev.ember.memory.MemoryConsumer;
import dev.ember.memory.TaskMemory;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BatchCodec;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.PositionSort;
import dev.ember.vector.StringVector;
import dev.ember.vector.VectorBuilder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Sorts a task's rows within its share of execution memory. Batches are buffered while the task's
 * {@link TaskMemory} grants room for them; when it refuses (or another consumer of the task needs
 * the memory), the buffer is sorted and written as a run to a spill file ({@link BatchCodec}), and
 * the memory given back. The output is the buffer sorted in memory when nothing was spilled, else
 * a k-way merge of the runs (and of what is still in memory). Even sorted output still in memory
 * can be spilled while it is read, so that an operator above (a window) can have the memory.
 *
 * <p>The sort is stable: rows with equal keys keep their input order, in memory (a stable sort)
 * and across runs (ties go to the earlier run). With a limit it keeps only the first rows: the
 * buffer is cut back to them as it grows, and runs hold at most that many rows.
 *
 * <p>Spill files live in the task's spill directory, which is deleted when the task ends however
 * it ends; runs are also deleted as soon as they have been read.
 */
final class ExternalSorter extends MemoryConsumer implements AutoCloseable {
    /** With a limit, the buffer is cut back to the best rows whenever it holds more than this (or twice the limit). */
    private static final int COMPACT_ROWS = 1 << 16;
    /** The most runs merged at once; more are first merged into fewer runs. */
    private static final int MAX_MERGE_WIDTH = 64;
    /** Memory per buffered row beyond its values: the positions sorted and the sort's merge buffer. */
    private static final int BYTES_PER_ROW_TO_SORT = 16;
    private static final int STREAM_BUFFER = 1 << 16;

    private final List<SortOrder> order;
    private final List<DataType> types;
    private final int limit;

    private List<Batch> buffered = new ArrayList<>();
    private long bufferedRows;
    private final List<Path> runs = new ArrayList<>();
    /** The sorted output, once all input is in; {@code null} before. */
    private SortedRows output;
    /** The part of the output read from memory, which can still be spilled; {@code null} when there is none. */
    private InMemoryRows inMemory;
    private final List<AutoCloseable> open = new ArrayList<>();

    /** {@code limit} is the number of rows to keep, or -1 for all. */
    ExternalSorter(TaskMemory memory, List<SortOrder> order, List<DataType> types, int limit) {
        super(memory, "SortExec");
        this.order = order;
        this.types = types;
        this.limit = limit;
    }

    /** Takes one more input batch. */
    void add(Batch batch) {
        if (batch.rowCount() == 0) {
            return;
        }
        long bytes = bytesToBuffer(batch);
        if (!tryReserve(bytes)) {
            spillBuffer();
            if (!tryReserve(bytes)) {
                // Even alone it does not fit: it is in memory already, so sort it and write it out at once.
                writeRun(new InMemoryRows(List.of(batch)));
                return;
            }
        }
        buffered.add(batch);
        bufferedRows += batch.rowCount();
        if (limit >= 0 && bufferedRows > Math.max(2L * limit, COMPACT_ROWS)) {
            compact();
        }
    }

    /** The next batch of sorted output (the input is complete), or {@code null} at the end. */
    Batch next() {
        if (output == null) {
            output = finish();
        }
        try {
            Batch batch = output.next();
            if (batch == null) {
                close(); // the memory is not needed any more
            }
            return batch;
        } catch (IOException e) {
            throw spillError("Reading sorted runs", e);
        }
    }

    private static long bytesToBuffer(Batch batch) {
        return batch.retainedBytes() + (long) BYTES_PER_ROW_TO_SORT * batch.rowCount();
    }

    private SortedRows finish() {
        InMemoryRows rest = buffered.isEmpty() ? null : new InMemoryRows(buffered);
        buffered = List.of();
        if (runs.isEmpty()) {
            inMemory = rest;
            return rest == null ? () -> null : limited(rest);
        }
        try {
            while (runs.size() > MAX_MERGE_WIDTH) {
                // Merge the earliest runs into one that takes their place, which keeps ties in input order.
                List<Path> first = new ArrayList<>(runs.subList(0, MAX_MERGE_WIDTH));
                runs.subList(0, MAX_MERGE_WIDTH).clear();
                List<SortedRows> sources = new ArrayList<>();
                for (Path run : first) {
                    sources.add(openRun(run));
                }
                runs.add(0, write(new Merge(sources)));
            }
            List<SortedRows> sources = new ArrayList<>();
            for (Path run : runs) {
                sources.add(openRun(run));
            }
            runs.clear();
            if (rest != null) {
                inMemory = rest;
                sources.add(rest);
            }
            return limited(new Merge(sources));
        } catch (IOException e) {
            throw spillError("Merging sorted runs", e);
        }
    }

    /** The first {@code limit} rows of {@code rows}, or all of them without a limit. */
    private SortedRows limited(SortedRows rows) {
        if (limit < 0) {
            return rows;
        }
        return new SortedRows() {
            private long left = limit;

            @Override
            public Batch next() throws IOException {
                Batch batch = left > 0 ? rows.next() : null;
                if (batch == null) {
                    return null;
                }
                batch = batch.rowCount() > left ? batch.slice(0, (int) left) : batch;
                left -= batch.rowCount();
                return batch;
            }
        };
    }

    /** Keeps only the best {@code limit} buffered rows. */
    private void compact() {
        InMemoryRows sorted = new InMemoryRows(buffered);
        Batch best = sorted.rows(0, (int) Math.min(limit, sorted.total));
        releaseAll();
        buffered = new ArrayList<>();
        bufferedRows = 0;
        if (best.rowCount() == 0) {
            return;
        }
        if (tryReserve(bytesToBuffer(best))) {
            buffered.add(best);
            bufferedRows = best.rowCount();
        } else {
            writeRun(new InMemoryRows(List.of(best)));
        }
    }

    /**
     * Called by the task when memory is short: writes the buffer out as a run while input is
     * still coming, or the sorted rows not yet read from memory once output has begun.
     */
    @Override
    public long spill(long needed) {
        long held = reserved();
        if (output == null && !buffered.isEmpty()) {
            spillBuffer();
        } else if (inMemory != null && !inMemory.spilled()) {
            try {
                inMemory.spillRest();
            } catch (IOException e) {
                throw spillError("Writing a spill file", e);
            }
            releaseAll();
        }
        return held - reserved();
    }

    private void spillBuffer() {
        if (buffered.isEmpty()) {
            return;
        }
        List<Batch> batches = buffered;
        buffered = new ArrayList<>();
        bufferedRows = 0;
        writeRun(new InMemoryRows(batches));
        releaseAll();
    }

    private void writeRun(SortedRows rows) {
        try {
            runs.add(write(limited(rows)));
        } catch (IOException e) {
            throw spillError("Writing a spill file", e);
        }
    }

    /** Writes {@code rows} to a new spill file, recording what was spilled. */
    private Path write(SortedRows rows) throws IOException {
        Path file = memory().spills().newFile("sort");
        BatchCodec codec = new BatchCodec(types);
        long memoryBytes = 0;
        long diskBytes = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), STREAM_BUFFER)) {
            for (Batch batch = rows.next(); batch != null; batch = rows.next()) {
                memoryBytes += batch.retainedBytes();
                diskBytes += codec.write(batch, out);
            }
        }
        memory().recordSpill(memoryBytes, diskBytes);
        return file;
    }

    /** The batches of a run, deleting its file once read to the end. */
    private SortedRows openRun(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), STREAM_BUFFER);
        open.add(in);
        BatchCodec codec = new BatchCodec(types);
        String source = file.toString();
        return new SortedRows() {
            private boolean done;

            @Override
            public Batch next() throws IOException {
                Batch batch = done ? null : codec.read(in, source);
                if (batch == null && !done) {
                    done = true;
                    in.close();
                    open.remove(in);
                    Files.deleteIfExists(file);
                }
                return batch;
            }
        };
    }

    private static EmberException spillError(String operation, IOException e) {
        return EmberException.of(ErrorClass.IO_ERROR, "operation", operation, "path", "the task's spill directory",
                "detail", String.valueOf(e.getMessage())).withCause(e);
    }

    @Override
    public void close() {
        for (AutoCloseable resource : open) {
            try {
                resource.close();
            } catch (Exception e) {
                // Closing only releases the file; the task's spill directory is deleted anyway.
            }
        }
        open.clear();
        buffered = List.of();
        inMemory = null;
        output = () -> null;
        releaseAll();
    }

    /** Sorted rows, a batch at a time ({@code null} at the end). */
    private interface SortedRows {
        Batch next() throws IOException;
    }

    /** Orders row {@code a} of one batch's keys against row {@code b} of another's. */
    private int compare(ColumnVector[] aKeys, int a, ColumnVector[] bKeys, int b) {
        for (int k = 0; k < aKeys.length; k++) {
            SortOrder key = order.get(k);
            boolean aNull = aKeys[k].isNull(a);
            boolean bNull = bKeys[k].isNull(b);
            if (aNull || bNull) {
                if (aNull == bNull) {
                    continue;
                }
                return aNull == key.nullsFirst() ? -1 : 1;
            }
            int result = aKeys[k].compareAt(a, bKeys[k], b);
            if (result != 0) {
                return key.ascending() ? result : -result;
            }
        }
        return 0;
    }

    /** Sort keys to compare: strings of a small dictionary as their entries' ranks ({@link StringVector#ranks}). */
    private static ColumnVector[] comparable(ColumnVector[] keys) {
        ColumnVector[] comparable = keys.clone();
        for (int k = 0; k < keys.length; k++) {
            IntVector ranks = keys[k] instanceof StringVector strings ? strings.ranks() : null;
            if (ranks != null) {
                comparable[k] = ranks;
            }
        }
        return comparable;
    }

    private ColumnVector[] keys(Batch batch) {
        ColumnVector[] keys = new ColumnVector[order.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = order.get(k).child().eval(batch);
        }
        return keys;
    }

    /**
     * Buffered batches sorted in memory, read a batch at a time; {@link #spillRest} writes the
     * rows not yet read to a run and reads on from there, freeing the rows.
     */
    private final class InMemoryRows implements SortedRows {
        /** The batches as one (sorting positions of one batch is cache-friendly and keeps comparisons monomorphic). */
        private Batch rows;
        private int[] positions;
        final int total;
        private int next;
        private SortedRows spilledRest;

        InMemoryRows(List<Batch> batches) {
            int count = 0;
            for (Batch batch : batches) {
                count += batch.rowCount();
            }
            total = count;
            rows = Batch.concat(batches, types, total);
            ColumnVector[] keys = comparable(keys(rows));
            positions = new int[total];
            for (int i = 0; i < total; i++) {
                positions[i] = i;
            }
            PositionSort.sort(positions, total, (a, b) -> compare(keys, a, keys, b));
        }

        boolean spilled() {
            return rows == null;
        }

        @Override
        public Batch next() throws IOException {
            if (spilledRest != null) {
                return spilledRest.next();
            }
            if (rows == null || next >= total) {
                return null;
            }
            int count = Math.min(Batch.TARGET_ROWS, total - next);
            Batch batch = rows(next, count);
            next += count;
            return batch;
        }

        /** The sorted rows {@code [from, from + count)} as one batch. */
        Batch rows(int from, int count) {
            return rows.gather(from == 0 ? positions : Arrays.copyOfRange(positions, from, from + count), count);
        }

        /** Writes the rows not yet read to a run, frees the rows and reads on from the run. */
        void spillRest() throws IOException {
            Path file = write(this::next);
            rows = null;
            positions = null;
            spilledRest = openRun(file);
        }
    }

    /** The k-way merge of sorted sources; ties go to the earlier source. */
    private final class Merge implements SortedRows {
        private final PriorityQueue<Cursor> heads = new PriorityQueue<>((a, b) -> {
            int result = compare(a.keys, a.row, b.keys, b.row);
            return result != 0 ? result : Integer.compare(a.ordinal, b.ordinal);
        });

        Merge(List<SortedRows> sources) throws IOException {
            for (int i = 0; i < sources.size(); i++) {
                Cursor cursor = new Cursor(sources.get(i), i);
                if (cursor.advanceBatch()) {
                    heads.add(cursor);
                }
            }
        }

        @Override
        public Batch next() throws IOException {
            if (heads.isEmpty()) {
                return null;
            }
            List<VectorBuilder> builders = new ArrayList<>(types.size());
            for (DataType type : types) {
                builders.add(VectorBuilder.create(type, Batch.TARGET_ROWS));
            }
            int count = 0;
            while (count < Batch.TARGET_ROWS && !heads.isEmpty()) {
                Cursor head = heads.poll();
                for (int c = 0; c < builders.size(); c++) {
                    builders.get(c).appendFrom(head.batch.column(c), head.row);
                }
                count++;
                if (head.advance()) {
                    heads.add(head);
                }
            }
            return new Batch(builders.stream().map(VectorBuilder::build).toList(), count);
        }
    }

    /** A source's current batch and row, with the batch's sort keys. */
    private final class Cursor {
        final SortedRows source;
        final int ordinal;
        Batch batch;
        ColumnVector[] keys;
        int row;

        Cursor(SortedRows source, int ordinal) {
            this.source = source;
            this.ordinal = ordinal;
        }

        /** Moves to the next row; false when the source is exhausted. */
        boolean advance() throws IOException {
            return ++row < batch.rowCount() || advanceBatch();
        }

        boolean advanceBatch() throws IOException {
            do {
                batch = source.next();
            } while (batch != null && batch.rowCount() == 0);
            row = 0;
            keys = batch == null ? null : keys(batch);
            return batch != null;
        }
    }
}
