package dev.ember.rdd;

import dev.ember.rdd.function.Function;
import dev.ember.rdd.function.Function2;
import dev.ember.storage.SizeEstimator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Combiners by key, for {@code combineByKey} and the shuffles built on it: open addressing with
 * linear probing, each key beside its combiner in one array and its hash in another, so that
 * adding a value costs one probe sequence and no entry object (a {@code HashMap} lookup, then a
 * put, chase an entry, its key and the key's bytes through memory twice). Keys and combiners may be
 * {@code null}, as in Spark.
 */
final class CombineMap<K, C> {
    /** Stands for the {@code null} key, as an empty slot holds {@code null}. */
    private static final Object NULL_KEY = new Object();
    private static final int INITIAL_CAPACITY = 64;
    /** Entries measured per size sample. */
    private static final int SAMPLED_ENTRIES = 32;
    private static final double SAMPLE_GROWTH = 1.1;

    /** Key at {@code 2 * slot}, its combiner at {@code 2 * slot + 1}. */
    private Object[] entries = new Object[2 * INITIAL_CAPACITY];
    private int[] hashes = new int[INITIAL_CAPACITY];
    /**
     * Each slot's key inline when it is a short string ({@link #inlineCode}), else 0: most word-like
     * keys are then found and told apart without reading the stored key and its bytes.
     */
    private long[] codes = new long[INITIAL_CAPACITY];
    private int mask = INITIAL_CAPACITY - 1;
    private int size;

    private long updates;
    private long nextSample = 1;
    private long sampledBytes;
    private long sampledAtUpdate;
    private double bytesPerUpdate;

    /** Adds {@code value} to the combiner of {@code key}, made from the value when the key is new. */
    @SuppressWarnings("unchecked")
    <X> void merge(K key, X value, Function<X, C> create, Function2<C, X, C> mergeInto) {
        if (++updates >= nextSample) {
            sampleSizeAfter(key, value, create, mergeInto);
            return;
        }
        Object stored = key == null ? NULL_KEY : key;
        long code = inlineCode(stored);
        int hash = hash(stored, code);
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            if (code != 0) {
                long slotCode = codes[slot];
                if (slotCode == code) {
                    entries[2 * slot + 1] = Rdd.call(mergeInto, (C) entries[2 * slot + 1], value);
                    return;
                }
                if (slotCode != 0) {
                    continue; // another short key
                }
            }
            Object existing = entries[2 * slot];
            if (existing == null) {
                entries[2 * slot] = stored;
                entries[2 * slot + 1] = Iterators.call(create, value);
                hashes[slot] = hash;
                codes[slot] = code;
                if (++size > (mask + 1) / 2) {
                    grow();
                }
                return;
            }
            if (code == 0 && hashes[slot] == hash && (existing == stored || existing.equals(stored))) {
                entries[2 * slot + 1] = Rdd.call(mergeInto, (C) entries[2 * slot + 1], value);
                return;
            }
        }
    }

    /** The rare update that is followed by measuring the map (kept out of {@link #merge} to keep that small). */
    private <X> void sampleSizeAfter(K key, X value, Function<X, C> create, Function2<C, X, C> mergeInto) {
        nextSample = Long.MAX_VALUE;
        merge(key, value, create, mergeInto);
        updates--; // counted once, above
        long bytes = measure();
        if (updates > sampledAtUpdate) {
            bytesPerUpdate = Math.max(0, (double) (bytes - sampledBytes) / (updates - sampledAtUpdate));
        }
        sampledBytes = bytes;
        sampledAtUpdate = updates;
        nextSample = (long) Math.ceil(updates * SAMPLE_GROWTH);
    }

    /** The arrays plus the entries, from the mean size of entries spread over the table. */
    private long measure() {
        long arrays = 16 + 8L * entries.length + 16 + 4L * hashes.length + 16 + 8L * codes.length;
        if (size == 0) {
            return arrays;
        }
        int capacity = mask + 1;
        int step = Math.max(1, capacity / SAMPLED_ENTRIES);
        long sampledTotal = 0;
        int sampled = 0;
        for (int start = 0; start < capacity && sampled < SAMPLED_ENTRIES; start += step) {
            int slot = start;
            while (slot < capacity && entries[2 * slot] == null) {
                slot++;
            }
            if (slot < capacity) {
                Object key = entries[2 * slot];
                sampledTotal += (key == NULL_KEY ? 0 : SizeEstimator.estimate(key)) + SizeEstimator.estimate(entries[2 * slot + 1]);
                sampled++;
            }
        }
        return arrays + (long) ((double) sampledTotal / sampled * size);
    }

    /** About how many bytes the map takes on the heap: the last measure plus the growth per update since. */
    long estimatedBytes() {
        return sampledBytes + (long) (bytesPerUpdate * (updates - sampledAtUpdate));
    }

    int size() {
        return size;
    }

    /** The entries with their hashes, sorted by hash: how spill runs are written and merged. */
    @SuppressWarnings("unchecked")
    List<Hashed<K, C>> sortedByHash() {
        Hashed<K, C>[] sorted = new Hashed[size];
        int next = 0;
        for (int slot = 0; slot <= mask; slot++) {
            Object key = entries[2 * slot];
            if (key != null) {
                sorted[next++] = new Hashed<>(hashes[slot], key == NULL_KEY ? null : (K) key, (C) entries[2 * slot + 1]);
            }
        }
        Arrays.sort(sorted, Comparator.comparingInt(Hashed::hash));
        return Arrays.asList(sorted);
    }

    /** The hash this map gives {@code key}, as {@link #sortedByHash} orders by. */
    static int hashOf(Object key) {
        Object stored = key == null ? NULL_KEY : key;
        return hash(stored, inlineCode(stored));
    }

    /** A short key's hash comes from its code (no pass over a fresh string's bytes); others' from hashCode. */
    private static int hash(Object stored, long code) {
        return spread(code != 0 ? (int) (code ^ (code >>> 32)) : stored.hashCode());
    }

    /** A string of 1 to 8 characters, none zero or beyond Latin-1, packed into a long; 0 for every other key. */
    private static long inlineCode(Object key) {
        if (!(key instanceof String string) || string.isEmpty() || string.length() > 8) {
            return 0;
        }
        long code = 0;
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            if (c == 0 || c > 0xFF) {
                return 0;
            }
            code |= (long) c << (8 * i);
        }
        return code;
    }

    /** A key, its combiner and its hash, as spilled (the hash travels with it: a key's own hash may differ once deserialized). */
    record Hashed<K, C>(int hash, K key, C combiner) implements Serializable {
    }

    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<K, C> action) {
        for (int slot = 0; slot <= mask; slot++) {
            Object key = entries[2 * slot];
            if (key != null) {
                action.accept(key == NULL_KEY ? null : (K) key, (C) entries[2 * slot + 1]);
            }
        }
    }

    List<Pair<K, C>> pairs() {
        List<Pair<K, C>> pairs = new ArrayList<>(size);
        forEach((key, combiner) -> pairs.add(Pair.of(key, combiner)));
        return pairs;
    }

    private void grow() {
        Object[] oldEntries = entries;
        int[] oldHashes = hashes;
        long[] oldCodes = codes;
        int capacity = 2 * (mask + 1);
        entries = new Object[2 * capacity];
        hashes = new int[capacity];
        codes = new long[capacity];
        mask = capacity - 1;
        for (int old = 0; old < oldHashes.length; old++) {
            if (oldEntries[2 * old] != null) {
                int slot = oldHashes[old] & mask;
                while (entries[2 * slot] != null) {
                    slot = (slot + 1) & mask;
                }
                entries[2 * slot] = oldEntries[2 * old];
                entries[2 * slot + 1] = oldEntries[2 * old + 1];
                hashes[slot] = oldHashes[old];
                codes[slot] = oldCodes[old];
            }
        }
    }

    /** Spreads the key's hash over all bits: linear probing over the low bits needs them mixed. */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
