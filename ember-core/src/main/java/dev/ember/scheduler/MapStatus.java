package dev.ember.scheduler;

import java.io.Serializable;

/** What a map task published: the bytes and rows it wrote for each reduce partition (as {@link MapOutputStatistics} counts them). */
public record MapStatus(int shuffleId, int mapPartition, long[] bytes, long[] rows) implements Serializable {
}
