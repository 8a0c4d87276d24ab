package dev.ember.io.parquet;

import java.util.Arrays;

/**
 * The byte strings of one batch being decoded: value {@code i} is {@code bytes[offsets[i] .. offsets[i + 1])},
 * the layout of {@link dev.ember.vector.StringVector}. Values are set in position order.
 */
final class BinaryColumn {
    byte[] bytes;
    final int[] offsets;
    int byteCount;

    BinaryColumn(int rows, int expectedBytes) {
        this.bytes = new byte[Math.max(16, expectedBytes)];
        this.offsets = new int[rows + 1];
    }

    /** Makes room for {@code more} bytes beyond those set. */
    void reserve(int more) {
        if (byteCount + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(byteCount + more, bytes.length + (bytes.length >> 1)));
        }
    }

    /** Sets value {@code position}, the next one, to {@code source[from .. from + length)}. */
    void set(int position, byte[] source, int from, int length) {
        reserve(length);
        System.arraycopy(source, from, bytes, byteCount, length);
        byteCount += length;
        offsets[position + 1] = byteCount;
    }

    /**
     * Moves the {@code present} values read densely at {@code at} to the non-null positions among
     * {@code at .. at + count}, leaving the nulls empty. Walks backwards so that nothing is overwritten
     * before it is read.
     */
    void spread(boolean[] nulls, int at, int count, int present) {
        int dense = present;
        for (int i = count - 1; i >= 0; i--) {
            offsets[at + i + 1] = offsets[at + dense];
            if (!nulls[at + i]) {
                dense--;
            }
        }
    }
}
