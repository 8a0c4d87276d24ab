package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.BoundReference;
import dev.ember.expr.Expression;
import dev.ember.expr.aggregate.AggregateFunction;
import dev.ember.memory.MemoryConsumer;
import dev.ember.memory.TaskMemory;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Hash aggregation in one of four modes. PARTIAL folds raw rows into states (keys, then the
 * state columns of each function); FINAL merges such states and emits keys and results; MERGE
 * merges them and emits the merged states (the distinct step of DISTINCT aggregates); COMPLETE
 * folds raw rows straight into results. No function is DISTINCT: the planner rewrites those into
 * an aggregation by their arguments first. With no grouping keys a FINAL or COMPLETE aggregate
 * emits exactly one row, even for empty input. A FINAL or MERGE aggregate's input is laid out as
 * the partial output: the keys, then each function's state columns.
 */
public final class HashAggregateExec extends UnaryExec {
    private static final long serialVersionUID = 1L;

    public enum Mode { PARTIAL, FINAL, MERGE, COMPLETE }

    private final Mode mode;
    private final List<Expression> keys;
    private final List<AggregateFunction> functions;
    private final List<AttributeReference> output;

    /**
     * @param keys grouping expressions over the child (PARTIAL, COMPLETE) or the key columns of partial output (FINAL, MERGE)
     * @param functions the aggregates; their arguments are bound to the child for PARTIAL and COMPLETE
     * @param output the attributes of the keys followed by one per state column (PARTIAL, MERGE) or per result (otherwise)
     */
    public HashAggregateExec(Mode mode, List<Expression> keys, List<AggregateFunction> functions, List<AttributeReference> output,
            PhysicalPlan child) {
        super(child);
        if (functions.stream().anyMatch(AggregateFunction::distinct)) {
            throw new IllegalArgumentException("DISTINCT aggregates are planned as aggregations by their arguments: " + functions);
        }
        this.mode = mode;
        this.keys = bindAll(keys, child.output());
        this.functions = !foldsRawRows(mode) ? List.copyOf(functions)
                : functions.stream().map(f -> (AggregateFunction) bind(f, child.output())).toList();
        this.output = List.copyOf(output);
    }

    public Mode mode() {
        return mode;
    }

    /** Whether the input is raw rows rather than keys and states. */
    private static boolean foldsRawRows(Mode mode) {
        return mode == Mode.PARTIAL || mode == Mode.COMPLETE;
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    /** The keys, then each function's state columns: what PARTIAL and MERGE aggregations emit. */
    public static List<AttributeReference> stateLayout(List<AttributeReference> keyAttributes, List<AggregateFunction> functions) {
        List<AttributeReference> layout = new ArrayList<>(keyAttributes);
        for (AggregateFunction function : functions) {
            for (DataType stateType : function.stateTypes()) {
                layout.add(AttributeReference.create(function + "_state", stateType, true));
            }
        }
        return layout;
    }

    /** Whether all the rows of each group are in one partition of the input: it is hashed by columns among the keys, as COMPLETE needs. */
    public boolean inputClustered() {
        List<AttributeReference> columns = keys.stream().filter(key -> key instanceof BoundReference)
                .map(key -> child.output().get(((BoundReference) key).ordinal())).toList();
        return child.hashPartitionings().stream().anyMatch(p -> p.clusters(columns));
    }

    /**
     * This aggregation (COMPLETE) in two phases: PARTIAL, an exchange by the keys (shuffle
     * {@code shuffleId}, {@code partitions} partitions, adaptive), FINAL; of the same output.
     */
    public HashAggregateExec inTwoPhases(int shuffleId, int partitions) {
        List<AttributeReference> keyAttributes = output.subList(0, keys.size());
        HashAggregateExec partial = new HashAggregateExec(Mode.PARTIAL, keys, functions, stateLayout(keyAttributes, functions), child);
        ShuffleExchangeExec exchanged = new ShuffleExchangeExec(shuffleId, new ArrayList<>(keyAttributes), partitions, true, partial);
        return new HashAggregateExec(Mode.FINAL, new ArrayList<>(keyAttributes), functions, output, exchanged);
    }

    @Override
    public List<HashPartitioning> hashPartitionings() {
        return keptFrom(child);
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        return new Aggregation(context.memory(), child.open(context, partition));
    }

    /**
     * One task's aggregation within its share of execution memory. The table's growth is reserved
     * after each input batch (so it may run ahead of its reservation by one batch). When memory is
     * refused, a PARTIAL aggregation emits its groups as they are and starts a fresh table (the
     * final aggregation merges them anyway); asked by another consumer of its task, it spills them
     * and emits them from disk. FINAL, MERGE and COMPLETE write the table out as spill rows
     * split by key hash ({@link SpillPartitions}) and start afresh; at the end of the input each
     * partition is aggregated alone, split again by further hash bits if it still does not fit. A
     * single group that does not fit fails with {@code EXECUTION_MEMORY_EXCEEDED}.
     *
     * <p>Partitioning rather than sorting the spilled groups: the states merge as the exchange
     * already merges them, keys need no order (maps and arrays group too), and each partition's
     * result is emitted as soon as it is complete.
     */
    private final class Aggregation extends MemoryConsumer implements Operator {
        private final Operator input;
        private final List<DataType> keyTypes = keys.stream().map(Expression::dataType).toList();
        private final List<DataType> spillTypes = GroupTable.spillTypes(keyTypes, functions);
        /** The functions' arguments over raw rows, evaluated with their common subexpressions once a batch. */
        private final SharedArguments arguments = SharedArguments.of(foldsRawRows(mode) ? functions : List.of(), child.output().size());
        /** What is still to aggregate, first the input, then spilled partitions: the next is first. */
        private final Deque<Work> work = new ArrayDeque<>();
        private final List<SpillPartitions> spills = new ArrayList<>();
        private GroupTable table;
        /** Where the groups of the work in progress are spilled; created by the first spill. */
        private SpillPartitions spill;
        private int level;

        Aggregation(TaskMemory memory, Operator input) {
            super(memory, "HashAggregateExec");
            this.input = input;
            work.push(new Work(input::next, foldsRawRows(mode), 0));
        }

        @Override
        public Batch next() {
            while (!work.isEmpty()) {
                Work item = work.peek();
                Batch out = mode == Mode.PARTIAL ? partial(item) : aggregate(item);
                if (out != null) {
                    return out;
                }
            }
            return null;
        }

        /**
         * The next groups of a partial aggregation: when memory runs short, or keeping them gains
         * little, those so far; before the input goes on, the groups written out while another
         * consumer below needed memory ({@link #spill}), passed on as they are.
         */
        private Batch partial(Work item) {
            if (!item.raw) {
                Batch spilled = item.source.next();
                if (spilled == null) {
                    work.pop();
                }
                return spilled;
            }
            table = table == null ? new GroupTable(keyTypes, functions) : table;
            for (Batch batch = item.source.next(); batch != null; batch = item.source.next()) {
                fold(batch, true);
                Batch flushed = null;
                if (table.rarelyRevisited() || !tryReserveUpTo(table.retainedBytes())) {
                    flushed = table.output(true);
                    table = new GroupTable(keyTypes, functions);
                    releaseAll();
                }
                if (flushed != null || spill != null) {
                    queueSpilled(0);
                    return flushed;
                }
            }
            work.pop();
            queueSpilled(0);
            return finish(true);
        }

        /** Aggregates one work item: its groups, or {@code null} when they were spilled (the partitions are then queued). */
        private Batch aggregate(Work item) {
            work.pop();
            table = new GroupTable(keyTypes, functions);
            level = item.level;
            for (Batch batch = item.source.next(); batch != null; batch = item.source.next()) {
                fold(batch, item.raw);
                if (!tryReserveUpTo(table.retainedBytes())) {
                    if (!table.hasKeys() || table.size() <= 1 || level >= SpillPartitions.MAX_LEVEL) {
                        throw memory().outOfMemory(this, table.retainedBytes());
                    }
                    spillTable();
                }
            }
            if (spill == null) {
                return finish(mode == Mode.MERGE);
            }
            spillTable();
            table = null;
            queueSpilled(level + 1);
            return null;
        }

        /** Puts the spilled partitions, if any, first in the work to do, as state rows of {@code nextLevel}. */
        private void queueSpilled(int nextLevel) {
            if (spill == null) {
                return;
            }
            spill.finishWriting();
            for (int p = SpillPartitions.FAN_OUT - 1; p >= 0; p--) {
                if (spill.has(p)) {
                    work.push(new Work(spill.read(p), false, nextLevel));
                }
            }
            spill = null;
        }

        private Batch finish(boolean partialResult) {
            Batch out = table.output(partialResult);
            table = null;
            releaseAll();
            return out;
        }

        private void spillTable() {
            if (table.size() == 0) {
                return;
            }
            if (spill == null) {
                spill = new SpillPartitions(memory(), "aggregate", spillTypes, level);
                spills.add(spill);
            }
            spill.write(table.spillRows(), table.hashes());
            table = new GroupTable(keyTypes, functions);
            releaseAll();
        }

        /**
         * Another consumer of the task needs memory (often one below this aggregation, inside its
         * input's {@code next}): the table is spilled while it is filling. A PARTIAL aggregation
         * passes what it spilled on at its next batch boundary; the others merge it at the end.
         */
        @Override
        public long spill(long needed) {
            if (reservingGrowth() || table == null || !table.hasKeys() || table.size() == 0
                    || level >= SpillPartitions.MAX_LEVEL) {
                return 0;
            }
            long held = reserved();
            spillTable();
            return held - reserved();
        }

        /** Folds one batch into the table: raw rows, or state rows laid out as spill rows (keys, then states). */
        private void fold(Batch batch, boolean raw) {
            if (!raw) {
                table.mergeSpilled(batch);
                return;
            }
            ColumnVector[] keyColumns = new ColumnVector[keys.size()];
            for (int k = 0; k < keyColumns.length; k++) {
                keyColumns[k] = keys.get(k).eval(batch);
            }
            table.fold(keyColumns, arguments.eval(batch), batch.rowCount());
        }

        @Override
        public void close() {
            try {
                input.close();
            } finally {
                spills.forEach(SpillPartitions::close);
                spills.clear();
                work.clear();
                table = null;
                releaseAll();
            }
        }
    }

    /** Rows still to aggregate: raw input rows, or state rows (keys then states, as the partial output and spills are). */
    private record Work(SpillPartitions.BatchSource source, boolean raw, int level) {
    }

    @Override
    public String nodeString() {
        return "HashAggregate(" + mode.name().toLowerCase(java.util.Locale.ROOT) + ", keys=" + keys + ", functions=" + functions + ")";
    }
}
