package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.vector.Batch;
import java.util.Iterator;
import java.util.List;

/**
 * A finished exchange read other than one reduce partition per task (Spark's
 * {@code AQEShuffleReadExec}): each of this node's partitions is a {@link Spec}, a range of reduce
 * partitions (small ones coalesced) or part of one reduce partition written by a range of map
 * tasks (a skewed partition split). Adaptive execution puts it over an exchange once the exchange's
 * map stage has run.
 */
public final class ShuffleReadExec extends UnaryExec {
    private static final long serialVersionUID = 1L;

    private final List<Spec> specs;
    private final String description;

    /**
     * Reduce partitions {@code [startReduce, endReduce)} as written by map tasks {@code [startMap,
     * endMap)}; whole partitions read every map task's output ({@code endMap} is then {@link Integer#MAX_VALUE}).
     */
    public record Spec(int startReduce, int endReduce, int startMap, int endMap) implements java.io.Serializable {
        public static Spec coalesced(int startReduce, int endReduce) {
            return new Spec(startReduce, endReduce, 0, Integer.MAX_VALUE);
        }

        public static Spec partial(int reduce, int startMap, int endMap) {
            return new Spec(reduce, reduce + 1, startMap, endMap);
        }

        public boolean whole() {
            return startMap == 0 && endMap == Integer.MAX_VALUE;
        }
    }

    /** @param description what the read does, as EXPLAIN shows it: {@code coalesced}, {@code skewed}, {@code local} */
    public ShuffleReadExec(ShuffleExchangeExec exchange, List<Spec> specs, String description) {
        super(exchange);
        this.specs = List.copyOf(specs);
        this.description = description;
    }

    public ShuffleExchangeExec exchange() {
        return (ShuffleExchangeExec) child;
    }

    public List<Spec> specs() {
        return specs;
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    /**
     * The exchange's partitioning, into this read's partitions, when each reads whole reduce
     * partitions (coalesced): a split partition's rows with one key end in several of them.
     */
    @Override
    public List<HashPartitioning> hashPartitionings() {
        return specs.stream().allMatch(Spec::whole)
                ? child.hashPartitionings().stream().map(p -> new HashPartitioning(p.keys(), specs.size())).toList()
                : List.of();
    }

    @Override
    public int partitionCount() {
        return specs.size();
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        Spec spec = specs.get(partition);
        Iterator<Batch> batches = context.shuffles().read(exchange().shuffleId(), spec.startReduce(), spec.endReduce(),
                spec.startMap(), spec.endMap());
        return () -> batches.hasNext() ? batches.next() : null;
    }

    @Override
    public String nodeString() {
        return "AQEShuffleRead " + description + " (" + specs.size() + " of " + exchange().partitionCount() + " partitions)";
    }
}
