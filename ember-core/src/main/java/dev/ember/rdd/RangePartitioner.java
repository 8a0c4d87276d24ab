package dev.ember.rdd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Keys into sorted ranges of roughly equal size, as Spark's {@code RangePartitioner} (what
 * {@code sortByKey} partitions by): the bounds come from a sample of the keys, taken by a job when
 * the partitioner is made — up to {@code 3 * 20 * partitions / inputPartitions} keys of each input
 * partition by reservoir sampling, re-sampled where a partition holds many more keys than
 * average — and are chosen so that the sampled keys' weights (one over their sampling rate) split
 * evenly. Partition {@code i} holds the keys above bound {@code i-1} up to bound {@code i}, in
 * reverse for a descending sort. Inputs smaller than the sample get the same bounds as in Spark;
 * larger ones may differ (the seeds derive from RDD ids) though the result is sorted all the same.
 */
public final class RangePartitioner<K> extends Partitioner {
    private static final long serialVersionUID = 1L;
    private static final int SAMPLE_POINTS_PER_PARTITION = 20;

    private final List<K> bounds;
    private final Comparator<? super K> ordering;
    private final boolean ascending;

    /** Ranges of the natural order of the keys (they must be {@link Comparable}). */
    public RangePartitioner(int partitions, Rdd<? extends Pair<K, ?>> rdd, boolean ascending) {
        this(partitions, rdd, ascending, naturalOrder());
    }

    public RangePartitioner(int partitions, Rdd<? extends Pair<K, ?>> rdd, boolean ascending, Comparator<? super K> ordering) {
        if (partitions < 0) {
            throw new IllegalArgumentException("requirement failed: Number of partitions cannot be negative but found " + partitions + ".");
        }
        this.ordering = Closures.checked(ordering, "RangePartitioner");
        this.ascending = ascending;
        this.bounds = partitions <= 1 ? List.of() : sampleBounds(partitions, rdd);
    }

    @SuppressWarnings("unchecked")
    private static <K> Comparator<? super K> naturalOrder() {
        return (Comparator<? super K>) Comparator.naturalOrder();
    }

    private List<K> sampleBounds(int partitions, Rdd<? extends Pair<K, ?>> rdd) {
        double sampleSize = Math.min((double) SAMPLE_POINTS_PER_PARTITION * partitions, 1e6);
        int perPartition = (int) Math.ceil(3.0 * sampleSize / rdd.getNumPartitions());
        Rdd<K> keys = rdd.map(Pair::_1);
        int shift = keys.id();
        List<Sampling.Reservoir<K>> sketches = keys.context().runJob(keys, (input, task) ->
                Sampling.reservoir(input, perPartition, XorShiftRandom.byteswap32(task.partitionId() ^ (shift << 16))));
        long total = sketches.stream().mapToLong(Sampling.Reservoir::count).sum();
        if (total == 0) {
            return List.of();
        }
        double fraction = Math.min(sampleSize / Math.max(total, 1L), 1.0);
        List<Weighted<K>> candidates = new ArrayList<>();
        List<Integer> imbalanced = new ArrayList<>();
        for (int p = 0; p < sketches.size(); p++) {
            Sampling.Reservoir<K> sketch = sketches.get(p);
            if (fraction * sketch.count() > perPartition) {
                imbalanced.add(p);
            } else {
                float weight = (float) ((double) sketch.count() / sketch.sample().size());
                sketch.sample().forEach(key -> candidates.add(new Weighted<>(key, weight)));
            }
        }
        if (!imbalanced.isEmpty()) {
            // Those partitions sampled at the overall rate instead, as Spark re-samples them.
            Random seeds = new Random(XorShiftRandom.byteswap32(-rdd.id() - 1));
            long[] partitionSeeds = imbalanced.stream().mapToLong(p -> seeds.nextLong()).toArray();
            int[] which = imbalanced.stream().mapToInt(Integer::intValue).toArray();
            float weight = (float) (1.0 / fraction);
            List<List<K>> resampled = keys.context().runJob(keys, which, (input, task) ->
                    Rdd.drain(Sampling.bernoulli(input, fraction, partitionSeeds[imbalanced.indexOf(task.partitionId())]), task));
            resampled.forEach(sample -> sample.forEach(key -> candidates.add(new Weighted<>(key, weight))));
        }
        return determineBounds(candidates, Math.min(partitions, candidates.size()));
    }

    private record Weighted<K>(K key, float weight) {
    }

    /** Walks the sorted candidates and cuts where the running weight passes each multiple of total / partitions. */
    private List<K> determineBounds(List<Weighted<K>> candidates, int partitions) {
        List<Weighted<K>> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparing(Weighted::key, ordering));
        double totalWeight = 0;
        for (Weighted<K> candidate : sorted) {
            totalWeight += candidate.weight();
        }
        double step = totalWeight / partitions;
        double cumulative = 0;
        double target = step;
        List<K> cuts = new ArrayList<>();
        for (int i = 0; i < sorted.size() && cuts.size() < partitions - 1; i++) {
            Weighted<K> candidate = sorted.get(i);
            cumulative += candidate.weight();
            if (cumulative >= target && (cuts.isEmpty() || ordering.compare(candidate.key(), cuts.get(cuts.size() - 1)) > 0)) {
                cuts.add(candidate.key());
                target += step;
            }
        }
        return List.copyOf(cuts);
    }

    @Override
    public int numPartitions() {
        return bounds.size() + 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public int getPartition(Object key) {
        K k = (K) key;
        int low = 0;
        int high = bounds.size();
        while (low < high) { // the number of bounds below the key
            int middle = (low + high) >>> 1;
            if (ordering.compare(bounds.get(middle), k) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return ascending ? low : bounds.size() - low;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RangePartitioner<?> that && that.ascending == ascending && that.bounds.equals(bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {bounds, ascending});
    }

    @Override
    public String toString() {
        return "RangePartitioner" + bounds + (ascending ? "" : " descending");
    }
}
