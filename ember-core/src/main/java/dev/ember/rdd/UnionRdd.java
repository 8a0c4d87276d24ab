package dev.ember.rdd;

import dev.ember.exec.TaskContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Each partition the concatenation of some partitions of its parents, read in their own tasks (no
 * shuffle): a union (each parent's partitions one after the other, or side by side when all parents
 * have the same partitioner, keeping it, as Spark's {@code PartitionerAwareUnionRDD}) and a
 * coalesce without shuffle (consecutive ranges of one parent's partitions, as Spark cuts them when
 * no partition prefers a host).
 */
final class UnionRdd<T> extends Rdd<T> {
    private static final long serialVersionUID = 1L;

    /** Partition {@code partition} of parent {@code parent}. */
    private record Source(int parent, int partition) implements java.io.Serializable {
    }

    private final List<Rdd<T>> parents;
    private final List<List<Source>> partitions;
    private final Partitioner partitioner;

    private UnionRdd(List<Rdd<T>> parents, List<List<Source>> partitions, Partitioner partitioner) {
        super(parents.get(0).context());
        this.parents = List.copyOf(parents);
        this.partitions = partitions;
        this.partitioner = partitioner;
    }

    static <T> UnionRdd<T> union(List<Rdd<T>> parents) {
        List<List<Source>> partitions = new ArrayList<>();
        Partitioner shared = parents.get(0).partitioner().orElse(null);
        boolean samePartitioner = shared != null && parents.stream().allMatch(p -> shared.equals(p.partitioner().orElse(null)));
        if (samePartitioner) {
            for (int partition = 0; partition < shared.numPartitions(); partition++) {
                List<Source> sources = new ArrayList<>();
                for (int parent = 0; parent < parents.size(); parent++) {
                    sources.add(new Source(parent, partition));
                }
                partitions.add(sources);
            }
            return new UnionRdd<>(parents, partitions, shared);
        }
        for (int parent = 0; parent < parents.size(); parent++) {
            for (int partition = 0; partition < parents.get(parent).getNumPartitions(); partition++) {
                partitions.add(List.of(new Source(parent, partition)));
            }
        }
        return new UnionRdd<>(parents, partitions, null);
    }

    /** At most {@code count} partitions, each a consecutive range of the parent's. */
    static <T> UnionRdd<T> coalesce(Rdd<T> parent, int count) {
        int parentPartitions = parent.getNumPartitions();
        int target = Math.min(count, parentPartitions);
        List<List<Source>> partitions = new ArrayList<>();
        for (int i = 0; i < target; i++) {
            List<Source> sources = new ArrayList<>();
            int start = (int) ((long) i * parentPartitions / target);
            int end = (int) ((long) (i + 1) * parentPartitions / target);
            for (int p = start; p < end; p++) {
                sources.add(new Source(0, p));
            }
            partitions.add(sources);
        }
        return new UnionRdd<>(List.of(parent), partitions, null);
    }

    @Override
    public int getNumPartitions() {
        return partitions.size();
    }

    @Override
    protected Iterator<T> compute(int partition, TaskContext task) {
        List<Source> sources = partitions.get(partition);
        if (sources.size() == 1) {
            Source only = sources.get(0);
            return parents.get(only.parent()).iterator(only.partition(), task);
        }
        return Iterators.flatMap(sources.iterator(), source -> parents.get(source.parent()).iterator(source.partition(), task));
    }

    @Override
    protected List<Rdd<?>> narrowParents() {
        return Collections.unmodifiableList(parents);
    }

    @Override
    public Optional<Partitioner> partitioner() {
        return Optional.ofNullable(partitioner);
    }
}
