package dev.ember.exec;

import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
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
    /** Set in a slot's entry when its key has no {@link KeyCode} (NULL, a long string). */
    private static final long NOT_CODED = 1L << 31;
    private static final long ID_BITS = NOT_CODED - 1;
    /** Rows whose slots {@link #touch} reads ahead at a time: their cache lines fit the first-level cache. */
    private static final int TOUCHED_AHEAD = 64;

    private final List<DataType> keyTypes;
    private final List<ColumnVector[]> chunks = new ArrayList<>();
    /** Where each id's key is: chunk in the high 32 bits, row in the low. */
    private long[] groupLocation = new long[64];
    private int[] groupHash = new int[64];
    private int size;
    /** Rows {@link #findOrInsert} found an existing key for by probing (not by the previous row's key). */
    private long probeHits;
    /** Bytes of the stored key chunks, kept as they are added so that {@link #retainedBytes} is cheap. */
    private long keyBytes;
    /**
     * Each slot holds its key's hash in the high 32 bits, a flag ({@link #NOT_CODED}) and its id + 1
     * in the low (0: empty), so that a probe compares hashes without reaching for the key. Tables
     * whose key fits in 64 bits for most rows (one short string, one integer, two 32-bit integers)
     * give each slot a second long, the key's {@link KeyCode}, so that most probes never read the
     * stored key: a probe with a code compares codes, one without compares the stored key.
     */
    private long[] slots;
    private final KeyCode keyCode;
    /** 1 when slots carry key codes (two longs a slot), else 0. */
    private final int slotShift;
    private int mask = 127;
    /**
     * Bits indexed by a hash's low bits (8 bits per slot, so at least 16 per key), two set for the
     * hash of each key in the table ({@link #addToFilter}): {@link #findPresent} skips rows whose
     * bits are not both set. Only
     * tables that are probed keep one ({@link #filterProbes}): grouping would pay a cache miss per
     * new key for it.
     */
    private long[] filter;
    private int filterMask;
    /** What {@link #touch} read, kept so that its reads are not optimized away. */
    private long touched;

    public KeyTable(List<DataType> keyTypes) {
        this.keyTypes = List.copyOf(keyTypes);
        this.keyCode = KeyCode.of(keyTypes);
        this.slotShift = keyCode == null ? 0 : 1;
        this.slots = new long[(mask + 1) << slotShift];
    }

    /** Keeps, from now on, the bit filter of the keys that probes ({@link #findPresent}) check first. */
    public void filterProbes() {
        buildFilter();
    }

    public int size() {
        return size;
    }

    /** How many rows {@link #findOrInsert} found an existing key for by probing the table: what holding the keys saved. */
    public long probeHits() {
        return probeHits;
    }

    /** Counts {@code rows} found in a table kept in front of this one ({@link DictionaryGroups}) as {@link #probeHits}. */
    void addProbeHits(int rows) {
        probeHits += rows;
    }

    /** The id of each row's key, adding keys not seen before. */
    public int[] findOrInsert(ColumnVector[] keys, int rowCount) {
        return findOrInsert(keys, rowCount, hash(keys, rowCount));
    }

    /**
     * {@link #findOrInsert} into an empty table that is sized first for the keys the rows are
     * estimated to hold ({@link #distinctEstimate}): a join's build side, all its rows at once, is
     * then not rehashed again and again as it grows.
     */
    public int[] insertAll(ColumnVector[] keys, int rowCount) {
        if (size > 0) {
            throw new IllegalStateException("insertAll into a table of " + size + " keys");
        }
        int[] hashes = hash(keys, rowCount);
        int expected = distinctEstimate(hashes, rowCount);
        mask = Math.max(mask, Integer.highestOneBit(Math.max(2 * expected - 1, 1)) * 2 - 1);
        slots = new long[(mask + 1) << slotShift];
        groupLocation = new long[Math.max(expected, groupLocation.length)];
        groupHash = new int[groupLocation.length];
        return findOrInsert(keys, rowCount, hashes);
    }

    private int[] findOrInsert(ColumnVector[] keys, int rowCount, int[] hashes) {
        boolean[] coded = keyCode == null ? null : new boolean[rowCount];
        long[] codes = keyCode == null ? null : keyCode.codes(keys, rowCount, coded);
        int chunk = chunks.size();
        chunks.add(keys);
        int firstNew = size;
        int[] ids = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            if (i % TOUCHED_AHEAD == 0) {
                touch(hashes, null, i, Math.min(rowCount, i + TOUCHED_AHEAD));
            }
            int hash = hashes[i];
            boolean hasCode = coded != null && coded[i];
            long code = hasCode ? codes[i] : 0;
            if (hasCode && sameAsPrevious(i, code, coded, codes)) {
                ids[i] = ids[i - 1];
                continue;
            }
            int slot = hash & mask;
            while (true) {
                long entry = slots[slot << slotShift];
                if (entry == 0) {
                    int id = add(chunk, i, hash);
                    slots[slot << slotShift] = slotEntry(hash, id, hasCode);
                    if (slotShift == 1) {
                        slots[(slot << 1) + 1] = code;
                    }
                    ids[i] = id;
                    if (size * 2 > mask + 1) {
                        rehash();
                    }
                    break;
                }
                if ((int) (entry >>> 32) == hash && matches(entry, slot, hasCode, code, keys, i)) {
                    ids[i] = id(entry);
                    probeHits++;
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
            ColumnVector[] stored = gather(keys, positions, added);
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
        Found found = findPresent(keys, rowCount);
        int[] ids = new int[rowCount];
        Arrays.fill(ids, -1);
        for (int f = 0; f < found.count(); f++) {
            ids[found.rows()[f]] = found.ids()[f];
        }
        return ids;
    }

    /** Rows of a probe batch whose key is in the table, ascending, and their keys' ids. */
    public record Found(int[] rows, int[] ids, int count) {
    }

    /**
     * The rows whose key is in the table, with their ids. Rows whose hash the {@link #filter} (when
     * kept) rules out are left out first, in a loop without branches, and only the others are probed
     * (their keys gathered first when they are few), so that a probe side most of whose rows miss (a
     * join with a filtered dimension) neither walks the slots nor computes key codes for them.
     */
    public Found findPresent(ColumnVector[] keys, int rowCount) {
        int[] hashes = hash(keys, rowCount);
        int[] rows = new int[rowCount];
        int candidates = 0;
        if (filter == null) {
            Arrays.setAll(rows, i -> i);
            candidates = rowCount;
        } else {
            for (int i = 0; i < rowCount; i++) {
                rows[candidates] = i;
                candidates += filtered(hashes[i]);
            }
        }
        // Few candidates: probe their keys gathered (key position c for candidate c), else in place.
        boolean gathered = candidates <= rowCount / 2;
        ColumnVector[] probed = gathered ? gather(keys, rows, candidates) : keys;
        int probedCount = gathered ? candidates : rowCount;
        boolean[] coded = keyCode == null ? null : new boolean[probedCount];
        long[] codes = keyCode == null ? null : keyCode.codes(probed, probedCount, coded);
        int[] ids = new int[candidates];
        int count = 0;
        int previousKey = -1;
        int previousId = -1;
        for (int c = 0; c < candidates; c++) {
            if (c % TOUCHED_AHEAD == 0) {
                touch(hashes, rows, c, Math.min(candidates, c + TOUCHED_AHEAD));
            }
            int row = rows[c];
            int key = gathered ? c : row;
            boolean hasCode = coded != null && coded[key];
            long code = hasCode ? codes[key] : 0;
            int id;
            if (hasCode && previousKey >= 0 && coded[previousKey] && codes[previousKey] == code) {
                id = previousId;
            } else {
                id = probe(hashes[row], hasCode, code, probed, key);
                previousKey = key;
                previousId = id;
            }
            if (id >= 0) {
                rows[count] = row;
                ids[count++] = id;
            }
        }
        return new Found(rows, ids, count);
    }

    /**
     * Reads the first slot of the rows {@code [from, to)} (of {@code rows}, or rows themselves when
     * {@code null}) ahead of probing for them: reads that do not depend on each other are in flight
     * together, so that a table larger than the caches has its cache misses paid in parallel rather
     * than one after another as each probe's comparisons wait for its slot.
     */
    private void touch(int[] hashes, int[] rows, int from, int to) {
        long read = 0;
        for (int i = from; i < to; i++) {
            read |= slots[(hashes[rows == null ? i : rows[i]] & mask) << slotShift];
        }
        // Kept only so that the reads are not optimized away. Tasks share a broadcast build table, so
        // a write on every call would bounce its cache line between cores: an OR of slots is never
        // exactly the sign bit (a used slot's low bits hold its id + 1), so the write never happens.
        if (read == Long.MIN_VALUE) {
            touched = read;
        }
    }

    /** The id of the key at position {@code key} of {@code keys}, or -1 when it is not in the table. */
    private int probe(int hash, boolean hasCode, long code, ColumnVector[] keys, int key) {
        int slot = hash & mask;
        while (true) {
            long entry = slots[slot << slotShift];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == hash && matches(entry, slot, hasCode, code, keys, key)) {
                return id(entry);
            }
            slot = (slot + 1) & mask;
        }
    }

    private static ColumnVector[] gather(ColumnVector[] keys, int[] positions, int count) {
        ColumnVector[] gathered = new ColumnVector[keys.length];
        for (int c = 0; c < keys.length; c++) {
            gathered[c] = keys[c].gather(positions, count);
        }
        return gathered;
    }

    /**
     * Whether coded row {@code i} has the key of the row before: then it has its id without a probe,
     * which on input clustered by the key (lineitem by l_orderkey) saves most probes of a large table.
     */
    private static boolean sameAsPrevious(int i, long code, boolean[] coded, long[] codes) {
        return i > 0 && coded[i - 1] && codes[i - 1] == code;
    }

    /**
     * The keys of ids {@code [0, size)}, one vector per key column: the chunks concatenated, so that
     * strings of dictionaries stay ids ({@link Batch#concat}).
     */
    public ColumnVector[] keys() {
        List<Batch> parts = new ArrayList<>();
        for (ColumnVector[] chunk : chunks) {
            parts.add(new Batch(Arrays.asList(chunk), chunk[0].size()));
        }
        Batch all = Batch.concat(parts, keyTypes, size);
        return all.columns().toArray(new ColumnVector[0]);
    }

    public long retainedBytes() {
        return 8L * slots.length + (filter == null ? 0 : 8L * filter.length) + 12L * groupLocation.length + keyBytes;
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
        if (filter != null) {
            addToFilter(hash);
        }
        return size++;
    }

    /**
     * Whether the key in {@code slot} (of the given entry, hashes equal) is row {@code row}'s. Two
     * coded keys are equal exactly when their codes are; a coded key never equals one without a code.
     */
    private boolean matches(long entry, int slot, boolean hasCode, long code, ColumnVector[] keys, int row) {
        boolean storedHasCode = (entry & NOT_CODED) == 0;
        if (hasCode) {
            return storedHasCode && slots[(slot << 1) + 1] == code;
        }
        return !storedHasCode && keysEqual(id(entry), keys, row);
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
        long[] old = slots;
        int stride = 1 << slotShift;
        mask = 2 * (mask + 1) - 1;
        slots = new long[(mask + 1) << slotShift];
        if (filter != null) {
            buildFilter();
        }
        for (int at = 0; at < old.length; at += stride) {
            long entry = old[at];
            if (entry != 0) {
                int slot = (int) (entry >>> 32) & mask;
                while (slots[slot << slotShift] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot << slotShift] = entry;
                if (slotShift == 1) {
                    slots[(slot << 1) + 1] = old[at + 1];
                }
            }
        }
    }

    private void buildFilter() {
        filter = new long[(mask + 1) / 8];
        filterMask = (mask + 1) * 8 - 1;
        for (int id = 0; id < size; id++) {
            addToFilter(groupHash[id]);
        }
    }

    /**
     * Sets the two bits of {@code hash} in the {@link #filter}, both in one word: the low six bits
     * of the hash place one, the top six the other, so that a probe reads one word and a key not
     * in the table passes about a quarter as often as with one bit (some 1.5% of misses at 16 bits
     * a key, not 6%).
     */
    private void addToFilter(int hash) {
        filter[(hash & filterMask) >>> 6] |= 1L << hash | 1L << (hash >>> 26);
    }

    /** 1 when both {@link #addToFilter} bits of {@code hash} are set (its key may be in the table), else 0. */
    int filtered(int hash) {
        long word = filter[(hash & filterMask) >>> 6];
        return (int) (word >>> hash & word >>> (hash >>> 26)) & 1;
    }

    private static long slotEntry(int hash, int id, boolean hasCode) {
        return ((long) hash << 32) | (hasCode ? 0 : NOT_CODED) | (id + 1L);
    }

    private static int id(long entry) {
        return (int) (entry & ID_BITS) - 1;
    }

    private static long location(int chunk, int row) {
        return ((long) chunk << 32) | row;
    }

    /**
     * About how many distinct values the first {@code count} hashes hold: linear counting (from the
     * share of a bitmap's bits left clear) over the hashes whose top bits are zero, a sample of the
     * hash space that leaves at most about 8K of the rows, scaled back up.
     */
    static int distinctEstimate(int[] hashes, int count) {
        int sampleBits = Math.max(0, 32 - Integer.numberOfLeadingZeros(count) - 13);
        long[] bitmap = new long[1 << 10];
        for (int i = 0; i < count; i++) {
            int hash = hashes[i];
            if ((hash & 0xFFFFFFFFL) >>> (32 - sampleBits) == 0) {
                bitmap[(hash >>> 6) & (bitmap.length - 1)] |= 1L << hash;
            }
        }
        int bits = 64 * bitmap.length;
        int clear = bits;
        for (long word : bitmap) {
            clear -= Long.bitCount(word);
        }
        double sampled = -bits * Math.log(Math.max(clear, 1) / (double) bits);
        return (int) Math.min(count, Math.round(sampled) << sampleBits);
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
