package dev.ember.io.parquet;

import java.util.Arrays;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;

/**
 * Parquet's RLE / bit-packing hybrid encoding (definition levels, dictionary ids), decoded in bulk:
 * each run header (a ULEB128 varint) starts either a repeated value, filled with
 * {@link Arrays#fill}, or groups of eight bit-packed values, unpacked by parquet-java's
 * {@link BytePacker} kernels straight into the caller's array (32 at a time where they can be).
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
    /** Values left in the current bit-packed run, whose next group of eight starts at {@code position}. */
    private int packedLeft;
    /** A group unpacked for a read that wanted only part of it, and where its next value is. */
    private final int[] group = new int[8];
    private int groupNext = group.length;

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
            int wanted = count - done;
            if (groupNext < group.length) {
                int n = Math.min(group.length - groupNext, wanted);
                System.arraycopy(group, groupNext, out, at + done, n);
                groupNext += n;
                done += n;
            } else if (repeatLeft > 0) {
                int n = Math.min(repeatLeft, wanted);
                Arrays.fill(out, at + done, at + done + n, repeatValue);
                repeatLeft -= n;
                done += n;
            } else if (packedLeft > 0 && wanted >= 8) {
                // Whole groups go straight to where they are wanted.
                int n = Math.min(packedLeft, wanted) & ~7;
                unpack(out, at + done, n);
                done += n;
            } else {
                nextGroupOrRun();
            }
        }
    }

    /**
     * Reads the next {@code total} values but keeps only those at {@code picks[0..count)} (ascending
     * indexes among them), into {@code out[at ..)}: runs by their length, and values of bit-packed
     * groups read where they lie without unpacking the group, so that few picks cost little.
     */
    void pick(int[] out, int at, int[] picks, int count, int total) {
        int done = 0;
        int picked = 0;
        while (done < total) {
            int wanted = total - done;
            if (groupNext < group.length) {
                int n = Math.min(group.length - groupNext, wanted);
                for (; picked < count && picks[picked] < done + n; picked++) {
                    out[at + picked] = group[groupNext + picks[picked] - done];
                }
                groupNext += n;
                done += n;
            } else if (repeatLeft > 0) {
                int n = Math.min(repeatLeft, wanted);
                for (; picked < count && picks[picked] < done + n; picked++) {
                    out[at + picked] = repeatValue;
                }
                repeatLeft -= n;
                done += n;
            } else if (packedLeft > 0 && wanted >= 8) {
                int n = Math.min(packedLeft, wanted) & ~7;
                for (; picked < count && picks[picked] < done + n; picked++) {
                    out[at + picked] = packedValue(picks[picked] - done);
                }
                packedLeft -= n;
                position = (int) Math.min(end, position + (long) (n >>> 3) * bitWidth);
                done += n;
            } else {
                nextGroupOrRun();
            }
        }
    }

    /** Value {@code index} of the bit-packed run from {@link #position} on: its bits, lowest first, bytes past the end read as 0. */
    private int packedValue(int index) {
        long bit = (long) index * bitWidth;
        int from = position + (int) (bit >>> 3);
        int shift = (int) (bit & 7);
        long bits = 0;
        for (int b = 0, to = Math.min(end, from + ((shift + bitWidth + 7) >>> 3)); from + b < to; b++) {
            bits |= (data[from + b] & 0xFFL) << (8 * b);
        }
        return (int) ((bits >>> shift) & ((1L << bitWidth) - 1));
    }

    /** Passes over the next {@code count} values: runs by their length, whole bit-packed groups unread. */
    void skip(int count) {
        int done = 0;
        while (done < count) {
            int wanted = count - done;
            if (groupNext < group.length) {
                int n = Math.min(group.length - groupNext, wanted);
                groupNext += n;
                done += n;
            } else if (repeatLeft > 0) {
                int n = Math.min(repeatLeft, wanted);
                repeatLeft -= n;
                done += n;
            } else if (packedLeft > 0 && wanted >= 8) {
                int n = Math.min(packedLeft, wanted) & ~7;
                packedLeft -= n;
                // The last run may stop short of its final group's padding.
                position = (int) Math.min(end, position + (long) (n >>> 3) * bitWidth);
                done += n;
            } else {
                nextGroupOrRun();
            }
        }
    }

    /**
     * Whether the next {@code count} values all are {@code value}, within one repeated run: the
     * definition levels of a page whose values are all present, which then need no decoding at all.
     * Reads nothing but the next run header.
     */
    boolean nextAreAll(int value, int count) {
        if (groupNext == group.length && repeatLeft == 0 && packedLeft == 0 && position < end) {
            nextGroupOrRun();
        }
        return groupNext == group.length && repeatLeft >= count && repeatValue == value;
    }

    @Override
    public int readNulls(int count, int maxLevel, boolean[] nulls, int at) {
        int present = 0;
        int done = 0;
        while (done < count) {
            if (groupNext < group.length) {
                int n = Math.min(group.length - groupNext, count - done);
                for (int i = 0; i < n; i++) {
                    boolean isNull = group[groupNext + i] != maxLevel;
                    nulls[at + done + i] = isNull;
                    present += isNull ? 0 : 1;
                }
                groupNext += n;
                done += n;
            } else if (repeatLeft > 0) {
                int n = Math.min(repeatLeft, count - done);
                if (repeatValue == maxLevel) {
                    present += n;
                } else {
                    Arrays.fill(nulls, at + done, at + done + n, true);
                }
                repeatLeft -= n;
                done += n;
            } else {
                nextGroupOrRun();
            }
        }
        return present;
    }

    /** Unpacks the next group of the current bit-packed run into {@link #group}, or starts the next run. */
    private void nextGroupOrRun() {
        if (packedLeft > 0) {
            unpack(group, 0, group.length);
            groupNext = 0;
            return;
        }
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
            if (count > (Integer.MAX_VALUE >> 3)) {
                throw new IllegalStateException("malformed run header in RLE / bit-packed data");
            }
            packedLeft = count * 8;
        }
    }

    /** Unpacks the next {@code values} (a multiple of eight) of the current bit-packed run into {@code out[at ..)}. */
    private void unpack(int[] out, int at, int values) {
        packedLeft -= values;
        if (bitWidth == 0) {
            Arrays.fill(out, at, at + values, 0);
            return;
        }
        int done = 0;
        for (int bytes = 4 * bitWidth; done + 32 <= values && position + bytes <= end; done += 32) {
            packer.unpack32Values(data, position, out, at + done);
            position += bytes;
        }
        for (; done < values; done += 8) {
            if (position + bitWidth <= end) {
                packer.unpack8Values(data, position, out, at + done);
            } else {
                // The last run may stop short of its final group's padding; unpack from a zero-padded copy.
                packer.unpack8Values(Arrays.copyOf(Arrays.copyOfRange(data, position, end), bitWidth), 0, out, at + done);
            }
            position = Math.min(end, position + bitWidth);
        }
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
