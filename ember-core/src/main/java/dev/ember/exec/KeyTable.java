package dev.ember.exec;

import dev.ember.sql.types.DataType;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An open-addressing hash table from key tuples to dense ids {@code 0, 1, 2, ...} in order of first
 * appearance, for grouping and hash joins. NULL keys are equal to each other here (grouping
 * semantics); joins drop rows with NULL keys before they reach the table.
 *
 * <p>Keys are stored columnar: the new keys of each inserted batch are gathered into one chunk of
 * vectors, and an id points at (chunk, row). Used by one thread.
 */
public final class KeyTable {
    private final List<DataType> keyTypes;
    private final List<ColumnVector[]> chunks = new ArrayList<>();
    /** Where each id's key is: chunk in the high 32 bits, row in the low. */
    private long[] groupLocation = new long[64];
    private int[] groupHash = new int[64];
    private int size;
    /** Bytes of the stored key chunks, kept as they are added so that {@link #retainedBytes} is cheap. */
    private long keyBytes;
    /**
     * Each slot holds its key's hash in the high 32 bits and its id + 1 in the low (0: empty), so
     * that a probe compares hashes without reaching for the key.
     */
    private long[] slots = new long[128];
    private int mask = 127;

    public KeyTable(List<DataType> keyTypes) {
        this.keyTypes = List.copyOf(keyTypes);
    }

    public int size() {
        return size;
    }

    /** The id of each row's key, adding keys not seen before. */
    public int[] findOrInsert(ColumnVector[] keys, int rowCount) {
        int[] hashes = hash(keys, rowCount);
        int chunk = chunks.size();
        chunks.add(keys);
        int firstNew = size;
        int[] ids = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            int hash = hashes[i];
            int slot = hash & mask;
            while (true) {
                long entry = slots[slot];
                if (entry == 0) {
                    int id = add(chunk, i, hash);
                    slots[slot] = slotEntry(hash, id);
                    ids[i] = id;
                    if (size * 2 > slots.length) {
                        rehash();
                    }
                    break;
                }
                if ((int) (entry >>> 32) == hash && keysEqual((int) entry - 1, keys, i)) {
                    ids[i] = (int) entry - 1;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        int added = size - firstNew;
        if (added == 0) {
            chunks.remove(chunk);
        } else {
            int[] positions = new int[added];
            for (int id = firstNew; id < size; id++) {
                positions[id - firstNew] = (int) groupLocation[id];
            }
            ColumnVector[] stored = new ColumnVector[keys.length];
            for (int c = 0; c < keys.length; c++) {
                stored[c] = keys[c].gather(positions, added);
            }
            chunks.set(chunk, stored);
            for (ColumnVector column : stored) {
                keyBytes += column.retainedBytes();
            }
            for (int id = firstNew; id < size; id++) {
                groupLocation[id] = location(chunk, id - firstNew);
            }
        }
        return ids;
    }

    /** The id of each row's key, or -1 where the key is not in the table. */
    public int[] find(ColumnVector[] keys, int rowCount) {
        int[] hashes = hash(keys, rowCount);
        int[] ids = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            int hash = hashes[i];
            int slot = hash & mask;
            ids[i] = -1;
            while (true) {
                long entry = slots[slot];
                if (entry == 0) {
                    break;
                }
                if ((int) (entry >>> 32) == hash && keysEqual((int) entry - 1, keys, i)) {
                    ids[i] = (int) entry - 1;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return ids;
    }

    /** The keys of ids {@code [0, size)}, one vector per key column. */
    public ColumnVector[] keys() {
        ColumnVector[] result = new ColumnVector[keyTypes.size()];
        for (int c = 0; c < result.length; c++) {
            VectorBuilder builder = VectorBuilder.create(keyTypes.get(c), size);
            for (ColumnVector[] chunk : chunks) {
                ColumnVector column = chunk[c];
                for (int row = 0; row < column.size(); row++) {
                    builder.appendFrom(column, row);
                }
            }
            result[c] = builder.build();
        }
        return result;
    }

    public long retainedBytes() {
        return 8L * slots.length + 12L * groupLocation.length + keyBytes;
    }

    /** The hash ({@link #hash}) of the key of each id {@code [0, size)}. */
    public int[] hashes() {
        return Arrays.copyOf(groupHash, size);
    }

    private int add(int chunk, int row, int hash) {
        if (size == groupLocation.length) {
            int capacity = size * 2;
            groupLocation = Arrays.copyOf(groupLocation, capacity);
            groupHash = Arrays.copyOf(groupHash, capacity);
        }
        groupLocation[size] = location(chunk, row);
        groupHash[size] = hash;
        return size++;
    }

    private boolean keysEqual(int id, ColumnVector[] keys, int row) {
        long location = groupLocation[id];
        ColumnVector[] stored = chunks.get((int) (location >>> 32));
        int storedRow = (int) location;
        for (int c = 0; c < keys.length; c++) {
            boolean storedNull = stored[c].isNull(storedRow);
            boolean rowNull = keys[c].isNull(row);
            if (storedNull || rowNull) {
                if (storedNull != rowNull) {
                    return false;
                }
            } else if (!stored[c].equalsAt(storedRow, keys[c], row)) {
                return false;
            }
        }
        return true;
    }

    private void rehash() {
        slots = new long[slots.length * 2];
        mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = groupHash[id] & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = slotEntry(groupHash[id], id);
        }
    }

    private static long slotEntry(int hash, int id) {
        return ((long) hash << 32) | (id + 1L);
    }

    private static long location(int chunk, int row) {
        return ((long) chunk << 32) | row;
    }

    /** Hashes of each row's key tuple, spread so that the low bits are usable as a slot index. */
    public static int[] hash(ColumnVector[] keys, int rowCount) {
        int[] hashes = new int[rowCount];
        for (ColumnVector key : keys) {
            key.hashInto(hashes);
        }
        for (int i = 0; i < rowCount; i++) {
            int h = hashes[i] * 0x9E3779B1;
            hashes[i] = h ^ (h >>> 15);
        }
        return hashes;
    }
}
