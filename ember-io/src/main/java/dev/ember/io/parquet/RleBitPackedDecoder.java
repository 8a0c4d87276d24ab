package dev.ember.io.parquet;

import java.util.Arrays;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;

/**
 * Parquet's RLE / bit-packing hybrid encoding (definition levels, dictionary ids), decoded in bulk:
 * each run header (a ULEB128 varint) starts either a repeated value, filled with
 * {@link Arrays#fill}, or groups of eight bit-packed values, unpacked by parquet-java's
 * {@link BytePacker} kernels.
 */
final class RleBitPackedDecoder implements DefinitionLevels {
    private final byte[] data;
    private final int end;
    private final int bitWidth;
    private final BytePacker packer;
    private int position;
    /** Values left in the current repeated run, and its value. */
    private int repeatLeft;
    private int repeatValue;
    /** The unpacked values of the current bit-packed run, and where the next one is. */
    private int[] unpacked = new int[64];
    private int unpackedNext;
    private int unpackedEnd;

    RleBitPackedDecoder(byte[] data, int from, int to, int bitWidth) {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new IllegalArgumentException("bit width " + bitWidth + " is not between 0 and 32");
        }
        if (from < 0 || to > data.length || from > to) {
            throw new IllegalArgumentException("encoded levels or ids overrun their page");
        }
        this.data = data;
        this.position = from;
        this.end = to;
        this.bitWidth = bitWidth;
        this.packer = Packer.LITTLE_ENDIAN.newBytePacker(bitWidth);
    }

    /** Reads the next {@code count} values into {@code out[at ..)}. */
    void read(int[] out, int at, int count) {
        int done = 0;
        while (done < count) {
            if (repeatLeft > 0) {
                int n = Math.min(repeatLeft, count - done);
                Arrays.fill(out, at + done, at + done + n, repeatValue);
                repeatLeft -= n;
                done += n;
            } else if (unpackedNext < unpackedEnd) {
                int n = Math.min(unpackedEnd - unpackedNext, count - done);
                System.arraycopy(unpacked, unpackedNext, out, at + done, n);
                unpackedNext += n;
                done += n;
            } else {
                nextRun();
            }
        }
    }

    @Override
    public int readNulls(int count, int maxLevel, boolean[] nulls, int at) {
        int present = 0;
        int done = 0;
        while (done < count) {
            if (repeatLeft > 0) {
                int n = Math.min(repeatLeft, count - done);
                if (repeatValue == maxLevel) {
                    present += n;
                } else {
                    Arrays.fill(nulls, at + done, at + done + n, true);
                }
                repeatLeft -= n;
                done += n;
            } else if (unpackedNext < unpackedEnd) {
                int n = Math.min(unpackedEnd - unpackedNext, count - done);
                for (int i = 0; i < n; i++) {
                    boolean isNull = unpacked[unpackedNext + i] != maxLevel;
                    nulls[at + done + i] = isNull;
                    present += isNull ? 0 : 1;
                }
                unpackedNext += n;
                done += n;
            } else {
                nextRun();
            }
        }
        return present;
    }

    private void nextRun() {
        int header = readVarint();
        int count = header >>> 1;
        if ((header & 1) == 0) {
            int byteWidth = (bitWidth + 7) / 8;
            if (position + byteWidth > end) {
                throw truncated();
            }
            int value = 0;
            for (int i = 0; i < byteWidth; i++) {
                value |= (data[position++] & 0xFF) << (8 * i);
            }
            repeatValue = value;
            repeatLeft = count;
        } else {
            unpack(count);
        }
    }

    /** Unpacks a bit-packed run of {@code groups} groups of eight values. */
    private void unpack(int groups) {
        int values = groups * 8;
        if (unpacked.length < values) {
            unpacked = new int[values];
        }
        int bytes = groups * bitWidth;
        byte[] source = data;
        int from = position;
        if (position + bytes > end) {
            // The last run may stop short of its final group's padding; unpack from a zero-padded copy.
            source = Arrays.copyOf(Arrays.copyOfRange(data, position, end), bytes);
            from = 0;
        }
        for (int group = 0; group < groups; group++) {
            packer.unpack8Values(source, from + group * bitWidth, unpacked, group * 8);
        }
        position = Math.min(end, position + bytes);
        unpackedNext = 0;
        unpackedEnd = values;
    }

    private int readVarint() {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (position >= end) {
                throw truncated();
            }
            int b = data[position++];
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalStateException("malformed run header in RLE / bit-packed data");
    }

    private static IllegalStateException truncated() {
        return new IllegalStateException("RLE / bit-packed data ends before its values");
    }
}
