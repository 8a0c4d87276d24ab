package dev.ember.rdd;

import dev.ember.exec.TaskContext;
import dev.ember.memory.MemoryConsumer;
import dev.ember.rdd.CombineMap.Hashed;
import dev.ember.storage.SizeEstimator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Combiners by key within the task's execution memory (Spark's external append-only map): values
 * go into a {@link CombineMap}, whose estimated size is reserved as it grows; when the task refuses
 * more, the combiners are written to a spill file sorted by key hash and the map starts again.
 * The output is the map itself when nothing was spilled, else a merge of the runs and the map by
 * hash, where keys of equal hash are told apart with {@code equals} and the combiners of equal keys
 * merged. Output still in memory can be spilled while it is read, for an operator downstream.
 */
final class ExternalCombiner<K, V, C> extends MemoryConsumer {
    /** Inserts between two looks at the map's estimated size. */
    private static final int CHECK_INTERVAL = 32;
    /** A merged combiner smaller than this is not reserved for: it is gone as soon as it is read. */
    private static final long GROUP_RESERVE_THRESHOLD = 64 << 10;
    private static final String PURPOSE = "rdd-combine";

    private final TaskContext task;
    private final Aggregator<V, C> aggregator;
    private CombineMap<K, C> map = new CombineMap<>();
    private final List<Path> runs = new ArrayList<>();
    private int sinceCheck;
    /** The output not yet read from memory, once reading has begun; {@code null} before. */
    private SpillableOutput<?> rest;

    /** {@code name} names the operator in errors ({@code RDD combineByKey}). */
    ExternalCombiner(TaskContext task, String name, Aggregator<V, C> aggregator) {
        super(task.memory(), name);
        this.task = task;
        this.aggregator = aggregator;
    }

    void insert(K key, V value) {
        map.merge(key, value, aggregator.createCombiner(), aggregator.mergeValue());
        if (++sinceCheck == CHECK_INTERVAL) {
            sinceCheck = 0;
            reserveOrSpill();
        }
    }

    void insertAll(Iterator<? extends Pair<K, V>> records) {
        while (records.hasNext()) {
            Pair<K, V> record = records.next();
            insert(record._1(), record._2());
        }
    }

    /** Reserves what the map grew to (twice that when granted, to ask less often), spilling it when refused. */
    private void reserveOrSpill() {
        long estimate = map.estimatedBytes();
        if (estimate <= reserved() || tryReserveUpTo(2 * estimate) || tryReserveUpTo(estimate)) {
            return;
        }
        if (map.size() <= 1) {
            throw memory().outOfMemory(this, estimate); // one key's combiner alone is more than the task may have
        }
        spillMap();
    }

    private void spillMap() {
        runs.add(SpillRuns.write(memory(), PURPOSE, map.sortedByHash().iterator(), map.estimatedBytes()));
        map = new CombineMap<>();
        releaseAll();
    }

    /** Called by the task when memory is short: spills the map while input comes, or the output not yet read. */
    @Override
    public long spill(long needed) {
        if (reservingGrowth()) {
            return 0; // the map's own growth: reserveOrSpill handles the refusal
        }
        long held = reserved();
        if (rest == null && map != null && map.size() > 0) {
            spillMap();
        } else if (rest != null) {
            rest.spill();
        }
        return held - reserved();
    }

    /** The combiners by key, once all values are in; call once. */
    Iterator<Pair<K, C>> iterator() {
        CombineMap<K, C> last = map;
        map = null;
        if (runs.isEmpty()) {
            SpillableOutput<Pair<K, C>> pairs = new SpillableOutput<>(this, task, PURPOSE, last.pairs(), reserved());
            rest = pairs;
            return pairs;
        }
        SpillableOutput<Hashed<K, C>> sorted = new SpillableOutput<>(this, task, PURPOSE, last.sortedByHash(), reserved());
        rest = sorted;
        List<Iterator<Hashed<K, C>>> sources = new ArrayList<>();
        for (Path run : runs) {
            sources.add(SpillRuns.read(task, run));
        }
        runs.clear();
        sources.add(sorted);
        return new HashMerge(sources);
    }

    /** Sources sorted by key hash merged into combiners by key: all entries of one hash are gathered, equal keys merged. */
    private final class HashMerge implements Iterator<Pair<K, C>> {
        /** By hash; equal hashes by source, so that combiners merge in input order (the runs, then memory). */
        private final PriorityQueue<Cursor> heads = new PriorityQueue<>(Comparator.<Cursor>comparingInt(cursor -> cursor.head.hash())
                .thenComparingInt(cursor -> cursor.ordinal));
        private final List<K> keys = new ArrayList<>();
        private final List<C> combiners = new ArrayList<>();
        private int emitted;

        HashMerge(List<Iterator<Hashed<K, C>>> sources) {
            for (int i = 0; i < sources.size(); i++) {
                Cursor cursor = new Cursor(sources.get(i), i);
                if (cursor.advance()) {
                    heads.add(cursor);
                }
            }
        }

        @Override
        public boolean hasNext() {
            if (emitted < keys.size()) {
                return true;
            }
            if (heads.isEmpty()) {
                releaseAll();
                return false;
            }
            gatherNextHash();
            return true;
        }

        @Override
        public Pair<K, C> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return Pair.of(keys.get(emitted), combiners.get(emitted++));
        }

        private void gatherNextHash() {
            keys.clear();
            combiners.clear();
            emitted = 0;
            boolean merged = false;
            int hash = heads.peek().head.hash();
            while (!heads.isEmpty() && heads.peek().head.hash() == hash) {
                Cursor cursor = heads.poll();
                do {
                    merged |= add(cursor.head);
                } while (cursor.advance() && cursor.head.hash() == hash);
                if (cursor.head != null) {
                    heads.add(cursor);
                }
            }
            if (merged) {
                reserveMerged();
            }
        }

        /** Adds an entry to the keys of the current hash; returns whether it merged into an equal key's combiner. */
        private boolean add(Hashed<K, C> entry) {
            for (int i = 0; i < keys.size(); i++) {
                if (Objects.equals(keys.get(i), entry.key())) {
                    combiners.set(i, Rdd.call(aggregator.mergeCombiners(), combiners.get(i), entry.combiner()));
                    return true;
                }
            }
            keys.add(entry.key());
            combiners.add(entry.combiner());
            return false;
        }

        /** A key's combiners merged from several runs may be larger than memory (one huge group): fail with the memory error, not the JVM's. */
        private void reserveMerged() {
            long bytes = 0;
            for (C combiner : combiners) {
                bytes += SizeEstimator.estimate(combiner);
            }
            release(reserved() - rest.bytes()); // the previous group has been read
            if (bytes < GROUP_RESERVE_THRESHOLD || tryReserveUpTo(rest.bytes() + bytes)) {
                return;
            }
            rest.spill();
            if (!tryReserveUpTo(bytes)) {
                throw memory().outOfMemory(ExternalCombiner.this, bytes);
            }
        }
    }

    /** A source's current entry ({@code null} at its end). */
    private final class Cursor {
        private final Iterator<Hashed<K, C>> source;
        final int ordinal;
        Hashed<K, C> head;

        Cursor(Iterator<Hashed<K, C>> source, int ordinal) {
            this.source = source;
            this.ordinal = ordinal;
        }

        boolean advance() {
            head = source.hasNext() ? source.next() : null;
            return head != null;
        }
    }
}
