package dev.ember.planner;

import dev.ember.config.EmberConf;

/**
 * How partitions are counted and adaptive execution re-plans, with Spark's setting names
 * ({@code ember.sql.adaptive.*}, or {@code spark.sql.adaptive.*}) and Spark 4's defaults.
 *
 * @param shufflePartitions the user's {@code ember.sql.shuffle.partitions}, or 0 when not set: then
 *     partition counts follow the estimated input size and the task threads
 * @param parallelism the task threads: the fewest partitions a shuffle gets, and what coalescing
 *     keeps busy when {@code parallelismFirst}
 */
public record AdaptiveSettings(boolean enabled, int parallelism, int shufflePartitions, int maxInitialPartitions,
        long advisoryPartitionBytes, boolean coalescePartitions, boolean parallelismFirst, long minPartitionBytes,
        long broadcastThreshold, boolean skewJoin, double skewedPartitionFactor, long skewedPartitionThresholdBytes) {

    public static final String PREFIX = "ember.sql.adaptive.";
    public static final String ENABLED = PREFIX + "enabled";
    public static final String ADVISORY_PARTITION_SIZE = PREFIX + "advisoryPartitionSizeInBytes";
    public static final String COALESCE_ENABLED = PREFIX + "coalescePartitions.enabled";
    public static final String PARALLELISM_FIRST = PREFIX + "coalescePartitions.parallelismFirst";
    public static final String MIN_PARTITION_SIZE = PREFIX + "coalescePartitions.minPartitionSize";
    public static final String INITIAL_PARTITION_NUM = PREFIX + "coalescePartitions.initialPartitionNum";
    public static final String BROADCAST_THRESHOLD = PREFIX + "autoBroadcastJoinThreshold";
    public static final String SKEW_JOIN_ENABLED = PREFIX + "skewJoin.enabled";
    public static final String SKEWED_PARTITION_FACTOR = PREFIX + "skewJoin.skewedPartitionFactor";
    public static final String SKEWED_PARTITION_THRESHOLD = PREFIX + "skewJoin.skewedPartitionThresholdInBytes";
    /** Spark's default {@code spark.sql.shuffle.partitions}: the most partitions a size estimate alone asks for. */
    private static final int DEFAULT_MAX_INITIAL_PARTITIONS = 200;

    public static AdaptiveSettings of(EmberConf conf, int parallelism) {
        int shufflePartitions = conf.intValue(EmberConf.SHUFFLE_PARTITIONS, 0);
        long broadcast = conf.bytesValue(EmberConf.AUTO_BROADCAST_JOIN_THRESHOLD, EmberConf.DEFAULT_BROADCAST_THRESHOLD);
        return new AdaptiveSettings(
                conf.booleanValue(ENABLED, true),
                parallelism,
                Math.max(0, shufflePartitions),
                conf.intValue(INITIAL_PARTITION_NUM, shufflePartitions > 0 ? shufflePartitions : DEFAULT_MAX_INITIAL_PARTITIONS),
                Math.max(1, conf.bytesValue(ADVISORY_PARTITION_SIZE, 64L << 20)),
                conf.booleanValue(COALESCE_ENABLED, true),
                conf.booleanValue(PARALLELISM_FIRST, true),
                Math.max(1, conf.bytesValue(MIN_PARTITION_SIZE, 1L << 20)),
                conf.bytesValue(BROADCAST_THRESHOLD, broadcast),
                conf.booleanValue(SKEW_JOIN_ENABLED, true),
                conf.doubleValue(SKEWED_PARTITION_FACTOR, 5.0),
                conf.bytesValue(SKEWED_PARTITION_THRESHOLD, 256L << 20));
    }

    /** The same settings with another {@code autoBroadcastJoinThreshold} (lowered to what memory holds). */
    public AdaptiveSettings withBroadcastThreshold(long threshold) {
        return new AdaptiveSettings(enabled, parallelism, shufflePartitions, maxInitialPartitions, advisoryPartitionBytes,
                coalescePartitions, parallelismFirst, minPartitionBytes, threshold, skewJoin, skewedPartitionFactor,
                skewedPartitionThresholdBytes);
    }

    /**
     * The partitions of a shuffle of about {@code estimatedBytes}: the user's count when set (as in
     * Spark); else enough partitions of the advisory size, at least one per task thread, at most
     * {@code maxInitialPartitions}; an unknown size gets one per task thread. Adaptive execution
     * coalesces those that turn out small.
     */
    public int initialPartitions(long estimatedBytes) {
        if (shufflePartitions > 0) {
            return enabled ? maxInitialPartitions : shufflePartitions;
        }
        if (estimatedBytes >= SizeEstimates.UNKNOWN) {
            return parallelism;
        }
        long wanted = (estimatedBytes + advisoryPartitionBytes - 1) / advisoryPartitionBytes;
        return (int) Math.max(parallelism, Math.min(wanted, Math.max(parallelism, maxInitialPartitions)));
    }
}
