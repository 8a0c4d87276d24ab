package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.scheduler.BlockFormat;
import dev.ember.scheduler.MapOutputWriter;
import dev.ember.scheduler.MapStatus;
import dev.ember.scheduler.ShuffleDependency;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stage boundary: the child's rows redistributed into {@code partitions} partitions by the hash
 * of the keys, or without keys round-robin (starting at the map partition's number, as a
 * deterministic stand-in for Spark's random start). The scheduler runs the child as
 * a map stage ({@link #writeMapOutput}) before any task opens this node. Adaptive execution may
 * read the finished output differently ({@link ShuffleReadExec}) unless the partition count is the
 * user's ({@code repartition(n)}): {@link #adaptive}.
 *
 * <p>An exchange equal to one computed earlier in the same query ({@link CanonicalPlan}) is a copy
 * {@link #reading} that one's shuffle ({@code ReusedExchange} in EXPLAIN): its map stage is found
 * done and skipped, and its child stays only as lineage, to recompute lost output. An exchange a
 * later plan of the query reads (a scalar subquery's, read again by the main query) is
 * {@link #kept}: no job frees its output, the session does once the query no longer needs it.
 */
public final class ShuffleExchangeExec extends UnaryExec implements ShuffleDependency {
    private static final long serialVersionUID = 1L;

    /**
     * Rows a map task takes in per reduce partition before it partitions them, so that many
     * partitions still get blocks of a useful size rather than a few rows of each input batch...
     */
    private static final int ROWS_PER_BLOCK = 1024;
    /** ...as long as the rows waiting take no more than this. */
    private static final long MAX_PENDING_BYTES = 8L << 20;

    private final int shuffleId;
    private final List<Expression> keys;
    private final int partitions;
    private final boolean adaptive;
    private final boolean reused;
    private final boolean kept;

    /** @param adaptive whether adaptive execution may coalesce or split the partitions when it reads them */
    public ShuffleExchangeExec(int shuffleId, List<Expression> keys, int partitions, boolean adaptive, PhysicalPlan child) {
        this(shuffleId, bindAll(keys, child.output()), partitions, adaptive, false, false, child);
    }

    private ShuffleExchangeExec(int shuffleId, List<Expression> boundKeys, int partitions, boolean adaptive, boolean reused, boolean kept,
            PhysicalPlan child) {
        super(child);
        this.shuffleId = shuffleId;
        this.keys = boundKeys;
        this.partitions = Math.max(1, partitions);
        this.adaptive = adaptive;
        this.reused = reused;
        this.kept = kept;
    }

    /** This exchange reading the output of {@code computed}, an equal exchange of the same query, instead of computing its own. */
    public ShuffleExchangeExec reading(ShuffleExchangeExec computed) {
        return new ShuffleExchangeExec(computed.shuffleId, keys, partitions, adaptive, true, kept, child);
    }

    /** This exchange with its output kept past the jobs that read it, for a later plan of the query. */
    public ShuffleExchangeExec kept() {
        return new ShuffleExchangeExec(shuffleId, keys, partitions, adaptive, reused, true, child);
    }

    /** Whether this exchange reads the output of an equal exchange computed elsewhere in the query. */
    public boolean reused() {
        return reused;
    }

    @Override
    public boolean outlivesJob() {
        return kept;
    }

    /** A reused exchange is shown as a leaf, as Spark shows it: its child never runs. */
    @Override
    public List<PhysicalPlan> shownChildren() {
        return reused ? List.of() : children();
    }

    /** The keys rows are hashed by, bound to the child's output (empty for round-robin and single partitions). */
    public List<Expression> keys() {
        return keys;
    }

    public boolean adaptive() {
        return adaptive;
    }

    @Override
    public int shuffleId() {
        return shuffleId;
    }

    @Override
    public int mapPartitions() {
        return child.partitionCount();
    }

    @Override
    public List<ShuffleDependency> parents() {
        return inputsOf(child);
    }

    /**
     * The shuffles a stage rooted at {@code node} reads: the nearest exchanges below it, and those of
     * scanned RDDs, then those key filters read that are not among them (a broadcast join's key
     * filter reads the shuffle the join reads, through a copy of its exchange made before adaptive
     * execution re-planned what is below it).
     */
    public static List<ShuffleDependency> inputsOf(PhysicalPlan node) {
        Map<Integer, ShuffleDependency> inputs = new LinkedHashMap<>();
        List<PhysicalPlan> readBeside = new ArrayList<>();
        collectInputs(node, inputs, readBeside);
        for (PhysicalPlan read : readBeside) {
            inputsOf(read).forEach(input -> inputs.putIfAbsent(input.shuffleId(), input));
        }
        return List.copyOf(inputs.values());
    }

    private static void collectInputs(PhysicalPlan node, Map<Integer, ShuffleDependency> inputs, List<PhysicalPlan> readBeside) {
        if (node instanceof ShuffleExchangeExec exchange) {
            inputs.putIfAbsent(exchange.shuffleId(), exchange);
            return;
        }
        if (node instanceof RddScanExec scan) {
            scan.stageInputs().forEach(input -> inputs.putIfAbsent(input.shuffleId(), input));
            return;
        }
        node.children().forEach(child -> collectInputs(child, inputs, readBeside));
        readBeside.addAll(node.readBesideChildren());
    }

    @Override
    public int partitionCount() {
        return partitions;
    }

    @Override
    public List<HashPartitioning> hashPartitionings() {
        return HashPartitioning.ofBound(keys, child.output(), partitions).stream().toList();
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public int reducePartitions() {
        return partitions;
    }

    @Override
    public BlockFormat blockFormat() {
        return BlockFormat.batches(child.output().stream().map(AttributeReference::dataType).toList());
    }

    /** Runs map task {@code mapPartition}: the child's rows of that partition, split by reduce partition. */
    @Override
    public void writeMapOutput(TaskContext context, int mapPartition, MapOutputWriter output) {
        context.operatorMetrics().run(this, () -> partitionInto(output, context, mapPartition));
    }

    @Override
    public void written(TaskContext context, MapStatus status) {
        OperatorMetrics metrics = context.operatorMetrics().of(this);
        for (int r = 0; r < status.bytes().length; r++) {
            metrics.add(OperatorMetric.SHUFFLE_BYTES_WRITTEN, status.bytes()[r]);
            metrics.add(OperatorMetric.SHUFFLE_RECORDS_WRITTEN, status.rows()[r]);
        }
    }

    private void partitionInto(MapOutputWriter output, TaskContext context, int mapPartition) {
        int[] nextRoundRobin = {mapPartition % partitions};
        List<Batch> pending = new ArrayList<>();
        long pendingRows = 0;
        long pendingBytes = 0;
        try (Operator input = child.open(context, mapPartition)) {
            for (Batch batch = input.next(); batch != null; batch = input.next()) {
                if (partitions == 1) {
                    output.add(0, batch);
                    continue;
                }
                pending.add(batch);
                pendingRows += batch.rowCount();
                pendingBytes += batch.retainedBytes();
                if (pendingRows >= (long) partitions * ROWS_PER_BLOCK || pendingBytes >= MAX_PENDING_BYTES) {
                    partition(pending, nextRoundRobin, output);
                    pending.clear();
                    pendingRows = 0;
                    pendingBytes = 0;
                }
            }
            if (!pending.isEmpty()) {
                partition(pending, nextRoundRobin, output);
            }
        }
    }

    /** Adds the rows of {@code batches} to the output, a block per reduce partition that gets any, each row copied once. */
    private void partition(List<Batch> batches, int[] nextRoundRobin, MapOutputWriter output) {
        // positions[p][b]: the rows of batch b that go to reduce partition p, in order.
        int[][][] positions = new int[partitions][batches.size()][];
        int[][] counts = new int[partitions][batches.size()];
        for (int b = 0; b < batches.size(); b++) {
            int[] target = targets(batches.get(b), nextRoundRobin);
            int[] count = new int[partitions];
            for (int p : target) {
                count[p]++;
            }
            int[][] rows = new int[partitions][];
            for (int p = 0; p < partitions; p++) {
                rows[p] = new int[count[p]];
                positions[p][b] = rows[p];
                counts[p][b] = count[p];
            }
            int[] filled = new int[partitions];
            for (int i = 0; i < target.length; i++) {
                int p = target[i];
                rows[p][filled[p]++] = i;
            }
        }
        List<DataType> types = child.output().stream().map(AttributeReference::dataType).toList();
        for (int p = 0; p < partitions; p++) {
            if (Arrays.stream(counts[p]).anyMatch(count -> count > 0)) {
                output.add(p, Batch.gather(batches, positions[p], counts[p], types));
            }
        }
    }

    /** The reduce partition of each row of {@code batch}. */
    private int[] targets(Batch batch, int[] nextRoundRobin) {
        int n = batch.rowCount();
        int[] target = new int[n];
        if (keys.isEmpty()) {
            for (int i = 0; i < n; i++) {
                target[i] = nextRoundRobin[0];
                nextRoundRobin[0] = (nextRoundRobin[0] + 1) % partitions;
            }
            return target;
        }
        ColumnVector[] keyColumns = new ColumnVector[keys.size()];
        for (int k = 0; k < keyColumns.length; k++) {
            keyColumns[k] = keys.get(k).eval(batch);
        }
        int[] hashes = KeyTable.hash(keyColumns, n);
        if (Integer.bitCount(partitions) == 1) {
            // floorMod by a power of two is a mask of the low bits, without a division per row.
            int mask = partitions - 1;
            for (int i = 0; i < n; i++) {
                target[i] = hashes[i] & mask;
            }
        } else {
            for (int i = 0; i < n; i++) {
                target[i] = Math.floorMod(hashes[i], partitions);
            }
        }
        return target;
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        Iterator<Batch> batches = context.shuffles().read(shuffleId, partition);
        return () -> batches.hasNext() ? batches.next() : null;
    }

    @Override
    public String nodeString() {
        String partitioning = keys.isEmpty() ? "RoundRobinPartitioning(" + partitions + ")" : "hashpartitioning(" + keys + ", " + partitions + ")";
        return (reused ? "ReusedExchange " + child.output().stream().map(AttributeReference::debugString).toList() + ", " : "")
                + "Exchange " + (partitions == 1 ? "SinglePartition" : partitioning)
                + " [shuffle " + shuffleId + "]";
    }
}
