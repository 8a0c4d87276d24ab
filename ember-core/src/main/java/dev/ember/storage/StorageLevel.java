package dev.ember.storage;

import java.io.Serializable;

/**
 * Where and how cached partitions are kept, as Spark's {@code StorageLevel}: in memory as objects
 * or as serialized bytes, on local disk, or in memory with disk as the place evicted blocks go.
 */
public final class StorageLevel implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final StorageLevel NONE = new StorageLevel("NONE", false, false, false);
    public static final StorageLevel DISK_ONLY = new StorageLevel("DISK_ONLY", true, false, false);
    public static final StorageLevel MEMORY_ONLY = new StorageLevel("MEMORY_ONLY", false, true, true);
    public static final StorageLevel MEMORY_ONLY_SER = new StorageLevel("MEMORY_ONLY_SER", false, true, false);
    public static final StorageLevel MEMORY_AND_DISK = new StorageLevel("MEMORY_AND_DISK", true, true, true);
    public static final StorageLevel MEMORY_AND_DISK_SER = new StorageLevel("MEMORY_AND_DISK_SER", true, true, false);
    private static final StorageLevel[] ALL = {NONE, DISK_ONLY, MEMORY_ONLY, MEMORY_ONLY_SER, MEMORY_AND_DISK, MEMORY_AND_DISK_SER};

    private final String name;
    private final boolean useDisk;
    private final boolean useMemory;
    private final boolean deserialized;

    private StorageLevel(String name, boolean useDisk, boolean useMemory, boolean deserialized) {
        this.name = name;
        this.useDisk = useDisk;
        this.useMemory = useMemory;
        this.deserialized = deserialized;
    }

    /** Spark's {@code StorageLevel.fromString}: one of the constants by name. */
    public static StorageLevel fromString(String name) {
        for (StorageLevel level : ALL) {
            if (level.name.equals(name)) {
                return level;
            }
        }
        throw new IllegalArgumentException("Invalid StorageLevel: " + name);
    }

    public boolean useDisk() {
        return useDisk;
    }

    public boolean useMemory() {
        return useMemory;
    }

    public boolean deserialized() {
        return deserialized;
    }

    public int replication() {
        return 1;
    }

    public boolean isValid() {
        return useMemory || useDisk;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StorageLevel level
                && level.useDisk == useDisk && level.useMemory == useMemory && level.deserialized == deserialized;
    }

    @Override
    public int hashCode() {
        return (useDisk ? 4 : 0) + (useMemory ? 2 : 0) + (deserialized ? 1 : 0);
    }

    /** As Spark prints it: {@code StorageLevel(disk, memory, deserialized, 1 replicas)}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("StorageLevel(");
        if (useDisk) {
            text.append("disk, ");
        }
        if (useMemory) {
            text.append("memory, ");
        }
        if (deserialized) {
            text.append("deserialized, ");
        }
        return text.append(replication()).append(" replicas)").toString();
    }

    /** Keeps the constants unique, so that levels compare by identity too. */
    private Object readResolve() {
        return fromString(name);
    }
}
