package dev.ember.rdd;

import java.io.Serializable;

/** Which partition each key goes to in a shuffle, as Spark's {@code Partitioner}. */
public abstract class Partitioner implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract int numPartitions();

    public abstract int getPartition(Object key);
}
