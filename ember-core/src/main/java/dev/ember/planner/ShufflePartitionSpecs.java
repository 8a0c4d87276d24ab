package dev.ember.planner;

import dev.ember.exec.ShuffleReadExec.Spec;
import dev.ember.scheduler.MapOutputStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How finished shuffles are read, from their real sizes: adjacent reduce partitions coalesced up
 * to a target size (the same ranges for every side of a join, so that keys still meet), and in a
 * join the skewed partitions of a side that may be split read as ranges of map outputs, each
 * paired with the whole matching partition of the other side.
 */
final class ShufflePartitionSpecs {
    /** A split smaller than this share of the target joins its neighbour (as Spark merges small tails). */
    private static final double SMALL_SPLIT_FACTOR = 0.2;

    private ShufflePartitionSpecs() {
    }

    /** How each side is read: {@code specs.get(side)}, all of the same length. */
    record Reads(List<List<Spec>> specs, boolean skewed) {
        boolean changes(int partitions) {
            return skewed || specs.get(0).size() != partitions;
        }
    }

    /**
     * The target size of a coalesced partition: the advisory size, or when parallelism comes first
     * what spreads the data evenly over rounds of every task thread (partitions of at most the
     * advisory size), but not under the minimum partition size.
     */
    static long targetSize(AdaptiveSettings settings, long totalBytes) {
        if (!settings.parallelismFirst()) {
            return settings.advisoryPartitionBytes();
        }
        long groups = EvenGroups.count(totalBytes, settings.advisoryPartitionBytes(), settings.parallelism());
        return Math.max(settings.minPartitionBytes(), EvenGroups.ceilDiv(totalBytes, groups));
    }

    /** Coalesced reads of co-partitioned shuffles (one, or the sides of a join). */
    static Reads coalesce(List<MapOutputStatistics> sides, AdaptiveSettings settings) {
        return plan(sides, new boolean[sides.size()], settings);
    }

    /**
     * Reads of a join's two sides: skewed partitions of the sides in {@code splittable} split by
     * map ranges, the others coalesced (when coalescing is on).
     */
    static Reads plan(List<MapOutputStatistics> sides, boolean[] splittable, AdaptiveSettings settings) {
        int partitions = sides.get(0).reducePartitions();
        long[][] sizes = sides.stream().map(MapOutputStatistics::partitionBytes).toArray(long[][]::new);
        long[] combined = new long[partitions];
        for (long[] side : sizes) {
            for (int r = 0; r < partitions; r++) {
                combined[r] += side[r];
            }
        }
        long target = settings.coalescePartitions() ? targetSize(settings, Arrays.stream(combined).sum()) : -1;
        boolean[][] skewed = new boolean[sides.size()][];
        long[] splitTarget = new long[sides.size()];
        for (int s = 0; s < sides.size(); s++) {
            skewed[s] = splittable[s] ? skewedPartitions(sizes[s], settings) : new boolean[partitions];
            splitTarget[s] = Math.max(settings.advisoryPartitionBytes(), averageOfOthers(sizes[s], skewed[s]));
        }
        List<List<Spec>> specs = new ArrayList<>();
        sides.forEach(side -> specs.add(new ArrayList<>()));
        boolean anySkew = false;
        int groupStart = 0;
        EvenGroups groups = new EvenGroups(target);
        for (int r = 0; r < partitions; r++) {
            List<List<Spec>> splits = new ArrayList<>();
            boolean split = false;
            for (int s = 0; s < sides.size(); s++) {
                List<Spec> parts = skewed[s][r] ? splitByMaps(sides.get(s), r, splitTarget[s]) : List.of(Spec.coalesced(r, r + 1));
                split |= parts.size() > 1;
                splits.add(parts);
            }
            if (!split) {
                if (groups.startsGroup(combined[r]) && r > groupStart) {
                    addToAll(specs, Spec.coalesced(groupStart, r));
                    groupStart = r;
                }
                continue;
            }
            if (r > groupStart) {
                addToAll(specs, Spec.coalesced(groupStart, r));
            }
            anySkew = true;
            addPairs(specs, splits);
            groupStart = r + 1;
            groups = new EvenGroups(target);
        }
        if (partitions > groupStart) {
            addToAll(specs, Spec.coalesced(groupStart, partitions));
        }
        return new Reads(specs, anySkew);
    }

    /** Spark's test: larger than the factor times the median partition, and than the threshold. */
    static boolean[] skewedPartitions(long[] sizes, AdaptiveSettings settings) {
        long[] sorted = sizes.clone();
        Arrays.sort(sorted);
        long median = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
        boolean[] skewed = new boolean[sizes.length];
        for (int r = 0; r < sizes.length; r++) {
            skewed[r] = sizes[r] > settings.skewedPartitionFactor() * median && sizes[r] > settings.skewedPartitionThresholdBytes();
        }
        return skewed;
    }

    private static long averageOfOthers(long[] sizes, boolean[] skewed) {
        long total = 0;
        int count = 0;
        for (int r = 0; r < sizes.length; r++) {
            if (!skewed[r]) {
                total += sizes[r];
                count++;
            }
        }
        return count == 0 ? 0 : total / count;
    }

    /** Reduce partition {@code r} cut into consecutive map ranges of about {@code target} bytes. */
    static List<Spec> splitByMaps(MapOutputStatistics side, int r, long target) {
        List<int[]> ranges = new ArrayList<>();
        List<Long> rangeBytes = new ArrayList<>();
        int start = 0;
        long bytes = 0;
        for (int map = 0; map < side.mapPartitions(); map++) {
            long size = side.bytes()[map][r];
            if (map > start && bytes + size > target) {
                ranges.add(new int[] {start, map});
                rangeBytes.add(bytes);
                start = map;
                bytes = 0;
            }
            bytes += size;
        }
        ranges.add(new int[] {start, side.mapPartitions()});
        rangeBytes.add(bytes);
        // A small last range joins the one before it.
        int last = ranges.size() - 1;
        if (last > 0 && rangeBytes.get(last) < SMALL_SPLIT_FACTOR * target) {
            ranges.get(last - 1)[1] = ranges.get(last)[1];
            ranges.remove(last);
        }
        if (ranges.size() == 1) {
            return List.of(Spec.coalesced(r, r + 1));
        }
        return ranges.stream().map(range -> Spec.partial(r, range[0], range[1])).toList();
    }

    private static void addToAll(List<List<Spec>> specs, Spec spec) {
        specs.forEach(side -> side.add(spec));
    }

    /** Every combination of the sides' parts of one partition (a part of each side meets each part of the other). */
    private static void addPairs(List<List<Spec>> specs, List<List<Spec>> splits) {
        List<Spec> left = splits.get(0);
        List<Spec> right = splits.get(1);
        for (Spec l : left) {
            for (Spec r : right) {
                specs.get(0).add(l);
                specs.get(1).add(r);
            }
        }
    }
}
