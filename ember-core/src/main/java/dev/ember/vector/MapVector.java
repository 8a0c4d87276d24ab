package dev.ember.vector;

import dev.ember.error.EmberException;
import dev.ember.sql.types.MapType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps, laid out as {@link ArrayVector} with two element vectors: map {@code i} holds the entries
 * {@code keys[offsets[i] .. offsets[i + 1])} with the values at the same positions, in insertion
 * order. Keys are never NULL and distinct within a map (the functions that build maps see to it).
 */
public final class MapVector extends ColumnVector {
    private final int[] offsets;
    private final ColumnVector keys;
    private final ColumnVector values;

    public MapVector(MapType type, int size, int[] offsets, ColumnVector keys, ColumnVector values, boolean[] nulls) {
        super(type, size, nulls);
        if (offsets.length < size + 1) {
            throw new IllegalArgumentException(offsets.length + " offsets for " + size + " maps");
        }
        this.offsets = offsets;
        this.keys = keys;
        this.values = values;
    }

    public MapType mapType() {
        return (MapType) type;
    }

    public ColumnVector keys() {
        return keys;
    }

    public ColumnVector values() {
        return values;
    }

    public int start(int position) {
        return offsets[position];
    }

    public int length(int position) {
        return offsets[position + 1] - offsets[position];
    }

    /** The map at {@code position} as an insertion-ordered {@link Map}, as Spark's Java API returns a map's entries. */
    @Override
    public Object getObject(int position) {
        if (isNull(position)) {
            return null;
        }
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int e = offsets[position]; e < offsets[position + 1]; e++) {
            map.put(keys.getObject(e), values.getObject(e));
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public ColumnVector gather(int[] positions, int count) {
        EntryOffsets.Gathered gathered = EntryOffsets.gather(offsets, positions, count);
        return new MapVector(mapType(), count, gathered.offsets(), keys.gather(gathered.entries(), gathered.entries().length),
                values.gather(gathered.entries(), gathered.entries().length), gatherNulls(positions, count));
    }

    /**
     * Same entries in any order, as Spark 4 groups maps (GROUP BY, DISTINCT); keys are distinct
     * within a map, so equal sizes and each entry found in the other suffice.
     */
    @Override
    public boolean equalsAt(int position, ColumnVector other, int otherPosition) {
        MapVector that = (MapVector) other;
        if (length(position) != that.length(otherPosition)) {
            return false;
        }
        for (int mine = offsets[position]; mine < offsets[position + 1]; mine++) {
            int theirs = that.find(keys, mine, otherPosition);
            if (theirs < 0) {
                return false;
            }
            boolean mineNull = values.isNull(mine);
            if (mineNull != that.values.isNull(theirs) || (!mineNull && !values.equalsAt(mine, that.values, theirs))) {
                return false;
            }
        }
        return true;
    }

    /** The entry of map {@code position} whose key equals {@code key[keyPosition]}, or -1. */
    public int find(ColumnVector key, int keyPosition, int position) {
        for (int e = offsets[position]; e < offsets[position + 1]; e++) {
            if (keys.equalsAt(e, key, keyPosition)) {
                return e;
            }
        }
        return -1;
    }

    /** Maps have no order in Spark; the analyzer rejects sorting and comparing them before this is reached. */
    @Override
    public int compareAt(int position, ColumnVector other, int otherPosition) {
        throw EmberException.internal("maps are not orderable", null);
    }

    @Override
    public void hashInto(int[] hashes) {
        for (int i = 0; i < size; i++) {
            if (isNull(i)) {
                hashes[i] = mix(hashes[i], NULL_HASH);
                continue;
            }
            int length = length(i);
            int[] positions = new int[length];
            for (int e = 0; e < length; e++) {
                positions[e] = offsets[i] + e;
            }
            int[] entryHashes = new int[length];
            java.util.Arrays.fill(entryHashes, 1);
            keys.gather(positions, length).hashInto(entryHashes);
            values.gather(positions, length).hashInto(entryHashes);
            int hash = 1;
            for (int entryHash : entryHashes) {
                hash += entryHash; // the entries' order does not matter
            }
            hashes[i] = mix(hashes[i], hash);
        }
    }

    @Override
    public long retainedBytes() {
        return 4L * offsets.length + keys.retainedBytes() + values.retainedBytes() + (nulls == null ? 0 : nulls.length);
    }
}
