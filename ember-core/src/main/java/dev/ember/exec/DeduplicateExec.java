package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.memory.MemoryConsumer;
import dev.ember.memory.TaskMemory;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps the first row of each key within a partition. Run before an exchange by the keys it
 * shrinks the data; after it, every key is in one partition and the result has one row per key.
 */
public final class DeduplicateExec extends UnaryExec {
    private static final long serialVersionUID = 1L;

    private final List<Expression> keys;
    /** Before the exchange: may let duplicates through when memory is short. */
    private final boolean local;

    public DeduplicateExec(List<? extends Expression> keys, boolean local, PhysicalPlan child) {
        super(child);
        this.keys = bindAll(keys, child.output());
        this.local = local;
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        return new Deduplication(context.memory(), child.open(context, partition));
    }

    /**
     * The keys seen so far, within the task's share of execution memory (growth is reserved after
     * each batch). When memory is refused, a local deduplication forgets the keys (duplicates it
     * lets through are removed after the exchange). A final one writes the keys it has emitted
     * to disk split by key hash ({@link SpillPartitions}), and from then on writes rows with keys
     * new to its (again empty) table to the same partitions instead of emitting them; at the end
     * each partition is deduplicated alone, starting from the keys already emitted, and split again
     * by further hash bits if it still does not fit. The first row of each key stays first: rows
     * are written and read back in input order.
     */
    private final class Deduplication extends MemoryConsumer implements Operator {
        private final Operator input;
        private final List<DataType> keyTypes = keys.stream().map(Expression::dataType).toList();
        private final Deque<Work> work = new ArrayDeque<>();
        private final List<SpillPartitions> spills = new ArrayList<>();
        private Work current;
        private KeyTable seen;
        /** After a spill: {@link #seen} holds the keys of rows written to {@link #rows}, none of them emitted. */
        private boolean writing;
        private SpillPartitions emittedKeys;
        private SpillPartitions rows;

        Deduplication(TaskMemory memory, Operator input) {
            super(memory, "DeduplicateExec");
            this.input = input;
            work.push(new Work(null, input::next, 0));
        }

        @Override
        public Batch next() {
            while (current != null || !work.isEmpty()) {
                if (current == null) {
                    start(work.pop());
                }
                Batch batch = current.rows.next();
                if (batch == null) {
                    finishWork();
                    continue;
                }
                Batch out = deduplicate(batch);
                if (out != null) {
                    return out;
                }
            }
            return null;
        }

        /** Starts on a partition: the keys already emitted are known before its rows are read. */
        private void start(Work item) {
            current = item;
            seen = new KeyTable(keyTypes);
            writing = false;
            emittedKeys = null;
            rows = null;
            if (item.emittedKeys == null) {
                return;
            }
            for (Batch batch = item.emittedKeys.next(); batch != null; batch = item.emittedKeys.next()) {
                ColumnVector[] keyColumns = batch.columns().toArray(new ColumnVector[0]);
                if (writing) {
                    emittedKeys.write(batch, KeyTable.hash(keyColumns, batch.rowCount()));
                    continue;
                }
                seen.findOrInsert(keyColumns, batch.rowCount());
                if (!tryReserveUpTo(seen.retainedBytes())) {
                    spillSeen();
                }
            }
        }

        private Batch deduplicate(Batch batch) {
            int n = batch.rowCount();
            ColumnVector[] keyColumns = new ColumnVector[keys.size()];
            for (int k = 0; k < keyColumns.length; k++) {
                keyColumns[k] = keys.get(k).eval(batch);
            }
            int firstNew = seen.size();
            int[] ids = seen.findOrInsert(keyColumns, n);
            // New keys get consecutive ids in order of first appearance: the row with the next new id is a first.
            int[] firsts = new int[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (ids[i] == firstNew + count) {
                    firsts[count++] = i;
                }
            }
            Batch fresh = count == n ? batch : count == 0 ? null : batch.gather(firsts, count);
            if (writing && fresh != null) {
                int[] hashes = KeyTable.hash(keyColumns, n);
                int[] freshHashes = new int[count];
                for (int i = 0; i < count; i++) {
                    freshHashes[i] = hashes[firsts[i]];
                }
                rows.write(fresh, freshHashes);
                fresh = null;
            }
            if (!tryReserveUpTo(seen.retainedBytes())) {
                if (local || writing) {
                    forget();
                } else {
                    spillSeen();
                }
            }
            return fresh;
        }

        /** Drops the keys: only right where duplicates may pass (a local step, or rows written to be deduplicated later). */
        private void forget() {
            seen = new KeyTable(keyTypes);
            releaseAll();
        }

        /** Writes the emitted keys out; rows with keys new to the table are written out from now on. */
        private void spillSeen() {
            int level = current.level;
            if (level >= SpillPartitions.MAX_LEVEL) {
                throw memory().outOfMemory(this, seen.retainedBytes());
            }
            emittedKeys = new SpillPartitions(memory(), "distinct-keys", keyTypes, level);
            rows = new SpillPartitions(memory(), "distinct-rows", child.output().stream().map(a -> a.dataType()).toList(), level);
            spills.add(emittedKeys);
            spills.add(rows);
            if (seen.size() > 0) {
                emittedKeys.write(new Batch(List.of(seen.keys()), seen.size()), seen.hashes());
            }
            writing = true;
            forget();
        }

        private void finishWork() {
            if (writing) {
                emittedKeys.finishWriting();
                rows.finishWriting();
                for (int p = SpillPartitions.FAN_OUT - 1; p >= 0; p--) {
                    if (rows.has(p)) {
                        work.push(new Work(emittedKeys.has(p) ? emittedKeys.read(p) : null, rows.read(p), current.level + 1));
                    }
                }
            }
            current = null;
            seen = null;
            releaseAll();
        }

        /** Another consumer of the task needs memory. */
        @Override
        public long spill(long needed) {
            if (reservingGrowth() || seen == null || seen.size() == 0 || !local && !writing && current.level >= SpillPartitions.MAX_LEVEL) {
                return 0;
            }
            long held = reserved();
            if (local || writing) {
                forget();
            } else {
                spillSeen();
            }
            return held - reserved();
        }

        @Override
        public void close() {
            try {
                input.close();
            } finally {
                spills.forEach(SpillPartitions::close);
                spills.clear();
                work.clear();
                seen = null;
                releaseAll();
            }
        }
    }

    /** Rows to deduplicate, after the keys already emitted ({@code null} for none). */
    private record Work(SpillPartitions.BatchSource emittedKeys, SpillPartitions.BatchSource rows, int level) {
    }

    @Override
    public String nodeString() {
        return "Deduplicate " + (local ? "(local) " : "") + keys.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
