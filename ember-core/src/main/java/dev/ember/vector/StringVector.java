package dev.ember.vector;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings as UTF-8 bytes in one array with {@code size + 1} offsets; value {@code i} is
 * {@code bytes[offsets[i] .. offsets[i + 1])}. Ordering is by unsigned bytes, which for UTF-8 is
 * code-point order, Spark's default collation. Also holds {@code binary}.
 *
 * <p>A vector read from dictionary-encoded data may instead keep that dictionary, shared by many
 * batches and never copied: {@code bytes} and {@code offsets} then hold its entries, and value
 * {@code i} is entry {@code ids[i]}. Callers see no difference as long as they reach the bytes of a
 * value through {@link #start} and {@link #length}, never through the offsets of neighbours.
 */
public final class StringVector extends ColumnVector {
    private final byte[] bytes;
    private final int[] offsets;
    /** Per position, its dictionary entry; {@code null} when the values are stored in position order. */
    private final int[] ids;

    public StringVector(DataType type, int size, byte[] bytes, int[] offsets, boolean[] nulls) {
        this(type, size, bytes, offsets, null, nulls);
        if (offsets.length < size + 1) {
            throw new IllegalArgumentException(offsets.length + " offsets for " + size + " strings");
        }
    }

    private StringVector(DataType type, int size, byte[] bytes, int[] offsets, int[] ids, boolean[] nulls) {
        super(type, size, nulls);
        if (type != AtomicType.STRING && type != AtomicType.BINARY) {
            throw new IllegalArgumentException("StringVector cannot hold " + type);
        }
        this.bytes = bytes;
        this.offsets = offsets;
        this.ids = ids;
    }

    /**
     * Values as entries of a dictionary whose entry {@code e} is {@code bytes[offsets[e] .. offsets[e + 1])}:
     * the value at position {@code i} is entry {@code ids[i]}, which must exist even where the value is null.
     */
    public static StringVector dictionaryEncoded(DataType type, int size, byte[] bytes, int[] offsets, int[] ids, boolean[] nulls) {
        if (ids.length < size) {
            throw new IllegalArgumentException(ids.length + " dictionary ids for " + size + " strings");
        }
        return new StringVector(type, size, bytes, offsets, ids, nulls);
    }

    /** Whether the values are entries of a shared dictionary (see the class comment). */
    public boolean isDictionaryEncoded() {
        return ids != null;
    }

    public static StringVector of(String... values) {
        VectorBuilder builder = VectorBuilder.create(AtomicType.STRING, values.length);
        for (String value : values) {
            builder.appendObject(value);
        }
        return (StringVector) builder.build();
    }

    public String getString(int position) {
        return new String(bytes, start(position), length(position), StandardCharsets.UTF_8);
    }

    public byte[] getBytes(int position) {
        int start = start(position);
        return Arrays.copyOfRange(bytes, start, start + length(position));
    }

    /** Where the value at {@code position} starts in {@link #bytes()}. */
    public int start(int position) {
        return offsets[ids == null ? position : ids[position]];
    }

    public int length(int position) {
        int entry = ids == null ? position : ids[position];
        return offsets[entry + 1] - offsets[entry];
    }

    /**
     * The value packed into a long when it has 1 to 8 bytes and none is zero (its length is then
     * where the zero padding starts); 0 for other values and NULL. Two such values are equal exactly
     * when their codes are, so hash tables compare short keys without reading their bytes.
     */
    public long inlineCode(int position) {
        if (isNull(position)) {
            return 0;
        }
        int entry = ids == null ? position : ids[position];
        int start = offsets[entry];
        int length = offsets[entry + 1] - start;
        if (length > 8) {
            return 0;
        }
        long code = 0;
        for (int b = 0; b < length; b++) {
            long value = bytes[start + b] & 0xFFL;
            if (value == 0) {
                return 0;
            }
            code |= value << (8 * b);
        }
        return code;
    }

    /**
     * {@link #inlineCode} of positions {@code [0, count)}; a dictionary no larger than that is coded
     * entry by entry, once.
     */
    public long[] inlineCodes(int count) {
        long[] codes = new long[count];
        if (usesSmallDictionary(count)) {
            long[] entryCodes = dictionary().inlineCodes(offsets.length - 1);
            for (int i = 0; i < count; i++) {
                codes[i] = isNull(i) ? 0 : entryCodes[ids[i]];
            }
        } else {
            for (int i = 0; i < count; i++) {
                codes[i] = inlineCode(i);
            }
        }
        return codes;
    }

    /** Whether this vector is dictionary-encoded with at most {@code count} entries: worth working on entries. */
    private boolean usesSmallDictionary(int count) {
        return ids != null && offsets.length - 1 <= count;
    }

    /**
     * Values that order as these do (equal values equal ints) when this vector uses a dictionary no
     * larger than itself: each position's entry's rank among the entries, sorted once; {@code null}
     * otherwise. A sort then compares ints rather than bytes.
     */
    public IntVector ranks() {
        if (!usesSmallDictionary(size)) {
            return null;
        }
        StringVector entries = dictionary();
        int[] sorted = new int[entries.size()];
        Arrays.setAll(sorted, e -> e);
        PositionSort.sort(sorted, sorted.length, (a, b) -> entries.compareAt(a, entries, b));
        int[] entryRanks = new int[sorted.length];
        for (int r = 1; r < sorted.length; r++) {
            boolean same = entries.compareAt(sorted[r - 1], entries, sorted[r]) == 0;
            entryRanks[sorted[r]] = entryRanks[sorted[r - 1]] + (same ? 0 : 1);
        }
        int[] ranks = new int[size];
        for (int i = 0; i < size; i++) {
            ranks[i] = entryRanks[ids[i]];
        }
        return new IntVector(AtomicType.INT, size, ranks, nulls);
    }

    private int end(int position) {
        return offsets[(ids == null ? position : ids[position]) + 1];
    }

    /** The same values as {@code type}, STRING or BINARY, sharing this vector's arrays. */
    public StringVector retype(DataType type) {
        return new StringVector(type, size, bytes, offsets, ids, nulls);
    }

    /** The offsets into {@link #bytes()}: of positions, or of dictionary entries when dictionary-encoded. */
    int[] offsets() {
        return offsets;
    }

    /** Each position's dictionary entry, or {@code null} when not dictionary-encoded. Callers must not modify it. */
    public int[] ids() {
        return ids;
    }

    /** Whether both vectors are dictionary-encoded with the one dictionary, so that equal entries (ids) are equal values. */
    public boolean sharesDictionaryWith(StringVector other) {
        return ids != null && other.ids != null && bytes == other.bytes && offsets == other.offsets;
    }

    /** The entries of the dictionary as a vector of their own, entry {@code e} at position {@code e}; only when dictionary-encoded. */
    public StringVector dictionary() {
        return new StringVector(type, offsets.length - 1, bytes, offsets, null);
    }

    /** The shared byte array; callers must not modify it. */
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public Object getObject(int position) {
        if (isNull(position)) {
            return null;
        }
        return type == AtomicType.BINARY ? getBytes(position) : getString(position);
    }

    @Override
    ColumnVector withNulls(boolean[] nulls) {
        return new StringVector(type, size, bytes, offsets, ids, nulls);
    }

    @Override
    public ColumnVector gather(int[] positions, int count) {
        if (ids != null) {
            // The dictionary is shared, so only the ids move.
            int[] gathered = new int[count];
            for (int i = 0; i < count; i++) {
                gathered[i] = ids[positions[i]];
            }
            return new StringVector(type, count, bytes, offsets, gathered, gatherNulls(positions, count));
        }
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += length(positions[i]);
        }
        byte[] result = new byte[total];
        int[] resultOffsets = new int[count + 1];
        int at = 0;
        for (int i = 0; i < count; i++) {
            int position = positions[i];
            int length = length(position);
            System.arraycopy(bytes, start(position), result, at, length);
            at += length;
            resultOffsets[i + 1] = at;
        }
        return new StringVector(type, count, result, resultOffsets, gatherNulls(positions, count));
    }

    @Override
    public boolean equalsAt(int position, ColumnVector other, int otherPosition) {
        StringVector that = (StringVector) other;
        if (sharesDictionaryWith(that) && ids[position] == that.ids[otherPosition]) {
            return true; // one entry (a dictionary may repeat a value, so other ids are compared by bytes)
        }
        return Arrays.equals(bytes, start(position), end(position), that.bytes, that.start(otherPosition), that.end(otherPosition));
    }

    @Override
    public int compareAt(int position, ColumnVector other, int otherPosition) {
        StringVector that = (StringVector) other;
        return Arrays.compareUnsigned(bytes, start(position), end(position), that.bytes, that.start(otherPosition), that.end(otherPosition));
    }

    @Override
    public void hashInto(int[] hashes) {
        if (usesSmallDictionary(size)) {
            int[] entryHashes = new int[offsets.length - 1];
            for (int e = 0; e < entryHashes.length; e++) {
                entryHashes[e] = hashBytes(offsets[e], offsets[e + 1]);
            }
            for (int i = 0; i < size; i++) {
                hashes[i] = mix(hashes[i], isNull(i) ? NULL_HASH : entryHashes[ids[i]]);
            }
            return;
        }
        for (int i = 0; i < size; i++) {
            hashes[i] = mix(hashes[i], isNull(i) ? NULL_HASH : hashBytes(start(i), end(i)));
        }
    }

    private int hashBytes(int from, int to) {
        int hash = 1;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + bytes[i];
        }
        return hash;
    }

    @Override
    public long retainedBytes() {
        // A dictionary counts whole in each vector that holds it: what keeping this one alone keeps.
        return bytes.length + 4L * offsets.length + (ids == null ? 0 : 4L * ids.length) + (nulls == null ? 0 : nulls.length);
    }
}
