package dev.ember.rdd;

import dev.ember.rdd.function.Function;
import dev.ember.rdd.function.Function2;
import java.util.ArrayList;
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

    /** Key at {@code 2 * slot}, its combiner at {@code 2 * slot + 1}. */
    private Object[] entries = new Object[2 * INITIAL_CAPACITY];
    private int[] hashes = new int[INITIAL_CAPACITY];
    private int mask = INITIAL_CAPACITY - 1;
    private int size;

    /** Adds {@code value} to the combiner of {@code key}, made from the value when the key is new. */
    @SuppressWarnings("unchecked")
    <X> void merge(K key, X value, Function<X, C> create, Function2<C, X, C> mergeInto) {
        Object stored = key == null ? NULL_KEY : key;
        int hash = spread(stored.hashCode());
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            Object existing = entries[2 * slot];
            if (existing == null) {
                entries[2 * slot] = stored;
                entries[2 * slot + 1] = Iterators.call(create, value);
                hashes[slot] = hash;
                if (++size > (mask + 1) / 2) {
                    grow();
                }
                return;
            }
            if (hashes[slot] == hash && (existing == stored || existing.equals(stored))) {
                entries[2 * slot + 1] = Rdd.call(mergeInto, (C) entries[2 * slot + 1], value);
                return;
            }
        }
    }

    int size() {
        return size;
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
        int capacity = 2 * (mask + 1);
        entries = new Object[2 * capacity];
        hashes = new int[capacity];
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
            }
        }
    }

    /** Spreads the key's hash over all bits: linear probing over the low bits needs them mixed. */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
