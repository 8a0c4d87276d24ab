package dev.ember.expr;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DecimalType;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DecimalVector;
import dev.ember.vector.DoubleVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import dev.ember.vector.StringVector;
import dev.ember.vector.StructVector;
import java.math.BigInteger;

/**
 * The 64-bit xxHash of values as Spark hashes them (its {@code xxhash64} and HyperLogLog++): 4-byte
 * integers (also booleans, dates, tinyint, smallint, float bits) and 8-byte longs little-endian,
 * strings and binaries by their bytes, decimals by their unscaled value. Written from the xxHash
 * specification.
 */
public final class XxHash64 {
    private static final long PRIME1 = 0x9E3779B185EBCA87L;
    private static final long PRIME2 = 0xC2B2AE3D27D4EB4FL;
    private static final long PRIME3 = 0x165667B19E3779F9L;
    private static final long PRIME4 = 0x85EBCA77C2B2AE63L;
    private static final long PRIME5 = 0x27D4EB2F165667C5L;
    /** Spark's unscaled-long limit: decimals with more digits hash their unscaled value's bytes. */
    private static final int MAX_LONG_DIGITS = 18;

    private XxHash64() {
    }

    /** The hash of the non-null value at {@code position}, as Spark hashes a value of the vector's type. */
    public static long hashAt(ColumnVector vector, int position, long seed) {
        if (vector instanceof IntVector ints) {
            return hashInt(ints.get(position), seed);
        }
        if (vector instanceof LongVector longs) {
            return hashLong(longs.get(position), seed);
        }
        if (vector instanceof DoubleVector doubles) {
            double value = doubles.get(position);
            if (vector.type() == AtomicType.FLOAT) {
                return hashInt(value == 0 ? 0 : Float.floatToIntBits((float) value), seed);
            }
            return hashLong(value == 0 ? 0 : Double.doubleToLongBits(value), seed);
        }
        if (vector instanceof BooleanVector booleans) {
            return hashInt(booleans.get(position) ? 1 : 0, seed);
        }
        if (vector instanceof StringVector strings) {
            return hashBytes(strings.bytes(), strings.start(position), strings.length(position), seed);
        }
        if (vector instanceof DecimalVector decimals) {
            if (((DecimalType) vector.type()).precision() <= MAX_LONG_DIGITS) {
                return hashLong(decimals.unscaled(position), seed);
            }
            BigInteger unscaled = decimals.isLong(position)
                    ? BigInteger.valueOf(decimals.unscaled(position)) : decimals.get(position).unscaledValue();
            byte[] bytes = unscaled.toByteArray();
            return hashBytes(bytes, 0, bytes.length, seed);
        }
        if (vector instanceof StructVector structs) {
            // Spark folds the fields in, each seeded by the hash so far; a NULL field leaves it unchanged.
            long hash = seed;
            for (ColumnVector field : structs.fields()) {
                if (!field.isNull(position)) {
                    hash = hashAt(field, position, hash);
                }
            }
            return hash;
        }
        throw new UnsupportedOperationException("no hash yet for type " + vector.type().simpleString());
    }

    public static long hashInt(int value, long seed) {
        long hash = seed + PRIME5 + 4;
        hash ^= (value & 0xFFFFFFFFL) * PRIME1;
        hash = Long.rotateLeft(hash, 23) * PRIME2 + PRIME3;
        return avalanche(hash);
    }

    public static long hashLong(long value, long seed) {
        long hash = seed + PRIME5 + 8;
        hash ^= round(0, value);
        hash = Long.rotateLeft(hash, 27) * PRIME1 + PRIME4;
        return avalanche(hash);
    }

    public static long hashBytes(byte[] bytes, int offset, int length, long seed) {
        int end = offset + length;
        int at = offset;
        long hash;
        if (length >= 32) {
            long v1 = seed + PRIME1 + PRIME2;
            long v2 = seed + PRIME2;
            long v3 = seed;
            long v4 = seed - PRIME1;
            for (; at <= end - 32; at += 32) {
                v1 = round(v1, readLong(bytes, at));
                v2 = round(v2, readLong(bytes, at + 8));
                v3 = round(v3, readLong(bytes, at + 16));
                v4 = round(v4, readLong(bytes, at + 24));
            }
            hash = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            hash = mergeRound(hash, v1);
            hash = mergeRound(hash, v2);
            hash = mergeRound(hash, v3);
            hash = mergeRound(hash, v4);
        } else {
            hash = seed + PRIME5;
        }
        hash += length;
        for (; at <= end - 8; at += 8) {
            hash ^= round(0, readLong(bytes, at));
            hash = Long.rotateLeft(hash, 27) * PRIME1 + PRIME4;
        }
        if (at <= end - 4) {
            hash ^= (readInt(bytes, at) & 0xFFFFFFFFL) * PRIME1;
            hash = Long.rotateLeft(hash, 23) * PRIME2 + PRIME3;
            at += 4;
        }
        for (; at < end; at++) {
            hash ^= (bytes[at] & 0xFFL) * PRIME5;
            hash = Long.rotateLeft(hash, 11) * PRIME1;
        }
        return avalanche(hash);
    }

    private static long round(long accumulator, long input) {
        return Long.rotateLeft(accumulator + input * PRIME2, 31) * PRIME1;
    }

    private static long mergeRound(long accumulator, long value) {
        return (accumulator ^ round(0, value)) * PRIME1 + PRIME4;
    }

    private static long avalanche(long hash) {
        hash ^= hash >>> 33;
        hash *= PRIME2;
        hash ^= hash >>> 29;
        hash *= PRIME3;
        hash ^= hash >>> 32;
        return hash;
    }

    private static long readLong(byte[] bytes, int at) {
        return (readInt(bytes, at) & 0xFFFFFFFFL) | ((long) readInt(bytes, at + 4) << 32);
    }

    private static int readInt(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16 | (bytes[at + 3] & 0xFF) << 24;
    }
}
