package dev.ember.exec;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import dev.ember.vector.StringVector;
import java.util.Arrays;
import java.util.List;

/**
 * A key tuple as one {@code long}, for the key types where that is possible for most rows: one
 * integer column (its value), one string column (its bytes when it is 1-8 bytes long,
 * {@link StringVector#inlineCode}), or several columns of integers and strings side by side
 * ({@link Packed}: TPC-H q01's two one-letter flags, q09's two bigint ids). Rows with a NULL key,
 * a longer string or a bigint beyond 32 bits have no code. Two keys with codes are equal exactly
 * when their codes are.
 */
abstract sealed class KeyCode {
    /** The code for these key types, or {@code null} when keys of these types have none. */
    static KeyCode of(List<DataType> keyTypes) {
        if (keyTypes.size() == 1) {
            DataType type = keyTypes.get(0);
            if (type == AtomicType.STRING || type == AtomicType.BINARY) {
                return new ShortString();
            }
            if (type == AtomicType.LONG || type == AtomicType.TIMESTAMP || IntVector.holds(type)) {
                return new OneInteger();
            }
        }
        return Packed.of(keyTypes);
    }

    /** Each row's code; {@code coded[i]} says whether row {@code i} has one. */
    abstract long[] codes(ColumnVector[] keys, int rowCount, boolean[] coded);

    private static final class ShortString extends KeyCode {
        @Override
        long[] codes(ColumnVector[] keys, int rowCount, boolean[] coded) {
            long[] codes = ((StringVector) keys[0]).inlineCodes(rowCount);
            for (int i = 0; i < rowCount; i++) {
                coded[i] = codes[i] != 0;
            }
            return codes;
        }
    }

    private static final class OneInteger extends KeyCode {
        @Override
        long[] codes(ColumnVector[] keys, int rowCount, boolean[] coded) {
            long[] codes = new long[rowCount];
            if (keys[0] instanceof LongVector longs) {
                System.arraycopy(longs.values(), 0, codes, 0, rowCount);
            } else {
                int[] ints = ((IntVector) keys[0]).values();
                for (int i = 0; i < rowCount; i++) {
                    codes[i] = ints[i];
                }
            }
            markNonNull(keys, rowCount, coded);
            return codes;
        }
    }

    /**
     * Two or more columns in their own bytes of the code: an integer in 4 (a bigint that needs more
     * leaves its row without a code), strings sharing the bytes left equally (a string that does
     * not fit its share, or has a zero byte, leaves its row without a code). Each column's part is
     * its value's bytes, so equal codes mean equal columns.
     */
    private static final class Packed extends KeyCode {
        /** Bytes of the code each column takes, in key order. */
        private final int[] widths;

        private Packed(int[] widths) {
            this.widths = widths;
        }

        static Packed of(List<DataType> keyTypes) {
            int integers = 0;
            int strings = 0;
            for (DataType type : keyTypes) {
                if (inFourBytes(type)) {
                    integers++;
                } else if (type == AtomicType.STRING || type == AtomicType.BINARY) {
                    strings++;
                } else {
                    return null;
                }
            }
            int stringWidth = strings == 0 ? 0 : (Long.BYTES - Integer.BYTES * integers) / strings;
            if (keyTypes.size() < 2 || integers * Integer.BYTES > Long.BYTES || strings > 0 && stringWidth <= 0) {
                return null;
            }
            return new Packed(keyTypes.stream().mapToInt(type -> inFourBytes(type) ? Integer.BYTES : stringWidth).toArray());
        }

        /** Whether a column of this type takes 4 bytes of the code: 32-bit integers, and bigints whose values fit them. */
        private static boolean inFourBytes(DataType type) {
            return IntVector.holds(type) || type == AtomicType.LONG;
        }

        @Override
        long[] codes(ColumnVector[] keys, int rowCount, boolean[] coded) {
            long[] codes = new long[rowCount];
            markNonNull(keys, rowCount, coded);
            int shift = 0;
            for (int c = 0; c < keys.length; c++) {
                if (keys[c] instanceof IntVector ints) {
                    int[] values = ints.values();
                    for (int i = 0; i < rowCount; i++) {
                        codes[i] |= (values[i] & 0xFFFFFFFFL) << shift;
                    }
                } else if (keys[c] instanceof LongVector longs) {
                    long[] values = longs.values();
                    for (int i = 0; i < rowCount; i++) {
                        long value = values[i];
                        coded[i] &= value == (int) value;
                        codes[i] |= (value & 0xFFFFFFFFL) << shift;
                    }
                } else {
                    long[] parts = ((StringVector) keys[c]).inlineCodes(rowCount);
                    int bits = Byte.SIZE * widths[c];
                    for (int i = 0; i < rowCount; i++) {
                        long part = parts[i];
                        coded[i] &= part != 0 && part >>> bits == 0;
                        codes[i] |= part << shift;
                    }
                }
                shift += Byte.SIZE * widths[c];
            }
            return codes;
        }
    }

    /** Rows whose key columns are all non-NULL have a code. */
    private static void markNonNull(ColumnVector[] keys, int rowCount, boolean[] coded) {
        Arrays.fill(coded, 0, rowCount, true);
        for (ColumnVector key : keys) {
            boolean[] nulls = key.nulls();
            if (nulls != null) {
                for (int i = 0; i < rowCount; i++) {
                    coded[i] &= !nulls[i];
                }
            }
        }
    }
}
