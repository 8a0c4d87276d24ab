package dev.ember.rdd;

import dev.ember.exec.TaskContext;
import dev.ember.memory.MemoryConsumer;
import dev.ember.storage.SizeEstimator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Records sorted within the task's execution memory: buffered while the task grants room for them
 * (their size estimated from a sample of records, taken after 10% more records each time), sorted
 * and written as a run to a spill file when it refuses; the output is the buffer sorted in memory
 * when nothing was spilled, else a k-way merge of the runs and the sorted buffer. Equal records
 * keep their input order (a stable sort, ties to the earlier run).
 */
final class ExternalRecordSorter<T> extends MemoryConsumer {
    private static final int CHECK_INTERVAL = 32;
    /** The most runs merged at once; more are first merged into fewer runs. */
    private static final int MAX_MERGE_WIDTH = 64;
    private static final int REFERENCE = 8;
    private static final double SAMPLE_GROWTH = 1.1;
    private static final String PURPOSE = "rdd-sort";

    private final TaskContext task;
    private final Comparator<? super T> order;
    private List<T> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private long inserted;
    private long nextSample = 1;
    private long sampledBytes;
    private long sampled;
    private int sinceCheck;
    /** The sorted buffer not yet read, once reading has begun; {@code null} before. */
    private SpillableOutput<T> rest;

    ExternalRecordSorter(TaskContext task, String name, Comparator<? super T> order) {
        super(task.memory(), name);
        this.task = task;
        this.order = order;
    }

    void insert(T record) {
        buffer.add(record);
        if (++inserted >= nextSample) {
            sampledBytes += SizeEstimator.estimate(record);
            sampled++;
            nextSample = (long) Math.ceil(inserted * SAMPLE_GROWTH);
        }
        if (++sinceCheck == CHECK_INTERVAL) {
            sinceCheck = 0;
            reserveOrSpill();
        }
    }

    void insertAll(Iterator<? extends T> records) {
        while (records.hasNext()) {
            insert(records.next());
        }
    }

    private long estimatedBytes() {
        return 16 + (long) (buffer.size() * ((double) sampledBytes / Math.max(1, sampled) + REFERENCE));
    }

    private void reserveOrSpill() {
        long estimate = estimatedBytes();
        if (estimate <= reserved() || tryReserveUpTo(2 * estimate) || tryReserveUpTo(estimate)) {
            return;
        }
        if (buffer.size() <= 1) {
            throw memory().outOfMemory(this, estimate); // one record alone is more than the task may have
        }
        spillBuffer();
    }

    private void spillBuffer() {
        buffer.sort(order);
        runs.add(SpillRuns.write(memory(), PURPOSE, buffer.iterator(), estimatedBytes()));
        buffer = new ArrayList<>();
        releaseAll();
    }

    /** Called by the task when memory is short: spills the buffer while input comes, or the sorted output not yet read. */
    @Override
    public long spill(long needed) {
        if (reservingGrowth()) {
            return 0; // the buffer's own growth: reserveOrSpill handles the refusal
        }
        long held = reserved();
        if (rest == null && !buffer.isEmpty()) {
            spillBuffer();
        } else if (rest != null) {
            rest.spill();
        }
        return held - reserved();
    }

    /** The records sorted, once all are in; call once. */
    Iterator<T> iterator() {
        buffer.sort(order);
        rest = new SpillableOutput<>(this, task, PURPOSE, buffer, reserved());
        buffer = null;
        if (runs.isEmpty()) {
            return rest;
        }
        while (runs.size() > MAX_MERGE_WIDTH) {
            // The earliest runs merged into one that takes their place, which keeps ties in input order.
            List<Iterator<T>> first = new ArrayList<>();
            for (Path run : runs.subList(0, MAX_MERGE_WIDTH)) {
                first.add(SpillRuns.read(task, run));
            }
            runs.subList(0, MAX_MERGE_WIDTH).clear();
            runs.add(0, SpillRuns.write(memory(), PURPOSE, new Merge(first), 0));
        }
        List<Iterator<T>> sources = new ArrayList<>();
        for (Path run : runs) {
            sources.add(SpillRuns.read(task, run));
        }
        runs.clear();
        sources.add(rest);
        return new Merge(sources);
    }

    /** The k-way merge of sorted sources; ties go to the earlier source. */
    private final class Merge implements Iterator<T> {
        private final PriorityQueue<Cursor> heads = new PriorityQueue<>((a, b) -> {
            int result = order.compare(a.head, b.head);
            return result != 0 ? result : Integer.compare(a.ordinal, b.ordinal);
        });

        Merge(List<Iterator<T>> sources) {
            for (int i = 0; i < sources.size(); i++) {
                Cursor cursor = new Cursor(sources.get(i), i);
                if (cursor.advance()) {
                    heads.add(cursor);
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public T next() {
            Cursor cursor = heads.poll();
            if (cursor == null) {
                throw new NoSuchElementException();
            }
            T record = cursor.head;
            if (cursor.advance()) {
                heads.add(cursor);
            }
            return record;
        }
    }

    /** A source's current record. */
    private final class Cursor {
        private final Iterator<T> source;
        final int ordinal;
        T head;

        Cursor(Iterator<T> source, int ordinal) {
            this.source = source;
            this.ordinal = ordinal;
        }

        boolean advance() {
            if (!source.hasNext()) {
                return false;
            }
            head = source.next();
            return true;
        }
    }
}
