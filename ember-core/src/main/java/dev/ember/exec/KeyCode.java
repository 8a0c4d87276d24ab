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
 * integer column (its value), two 32-bit integer columns (side by side), one string column (its
 * bytes when it is 1-8 bytes long, {@link StringVector#inlineCode}). Rows with a NULL key, or a
 * longer string, have no code. Two keys with codes are equal exactly when their codes are.
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
        if (keyTypes.size() == 2 && IntVector.holds(keyTypes.get(0)) && IntVector.holds(keyTypes.get(1))) {
            return new TwoInts();
        }
        return null;
    }

    /** Each row's code; {@code coded[i]} says whether row {@code i} has one. */
    abstract long[] codes(ColumnVector[] keys, int rowCount, boolean[] coded);

    private static final class ShortString extends KeyCode {
        @Override
        long[] codes(ColumnVector[] keys, int rowCount, boolean[] coded) {
            StringVector strings = (StringVector) keys[0];
            long[] codes = new long[rowCount];
            for (int i = 0; i < rowCount; i++) {
                codes[i] = strings.inlineCode(i);
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

    private static final class TwoInts extends KeyCode {
        @Override
        long[] codes(ColumnVector[] keys, int rowCount, boolean[] coded) {
            int[] high = ((IntVector) keys[0]).values();
            int[] low = ((IntVector) keys[1]).values();
            long[] codes = new long[rowCount];
            for (int i = 0; i < rowCount; i++) {
                codes[i] = ((long) high[i] << 32) | (low[i] & 0xFFFFFFFFL);
            }
            markNonNull(keys, rowCount, coded);
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
