package dev.ember.storage;

import dev.ember.rdd.Pair;
import dev.ember.sql.Row;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * A rough heap size of an element, for deciding what fits in storage memory: exact enough for the
 * common element types (boxed numbers, strings, pairs, rows, collections, arrays), a flat guess
 * for others (serialized levels measure their bytes instead). Shared objects are counted each time they are reached, which errs on the large side.
 */
public final class SizeEstimator {
    private static final int OBJECT_HEADER = 16;
    private static final int REFERENCE = 8;
    /** What an object of a class not known here is assumed to take. */
    private static final int UNKNOWN = 64;
    /** How deep into nested values the estimate looks before guessing. */
    private static final int MAX_DEPTH = 8;

    private SizeEstimator() {
    }

    public static long estimate(Object value) {
        return estimate(value, 0);
    }

    private static long estimate(Object value, int depth) {
        if (value == null) {
            return 0;
        }
        if (depth > MAX_DEPTH) {
            return UNKNOWN;
        }
        if (value instanceof Integer || value instanceof Float || value instanceof Short || value instanceof Byte
                || value instanceof Character || value instanceof Boolean) {
            return OBJECT_HEADER;
        }
        if (value instanceof Long || value instanceof Double) {
            return OBJECT_HEADER + 8;
        }
        if (value instanceof String s) {
            // The String object and its byte array (Latin-1 strings take one byte per char).
            return OBJECT_HEADER + 8 + align(OBJECT_HEADER + (long) s.length() * (isLatin1(s) ? 1 : 2));
        }
        if (value instanceof BigDecimal || value instanceof BigInteger) {
            return 3L * OBJECT_HEADER + 16;
        }
        if (value instanceof Map.Entry<?, ?> entry) {
            return OBJECT_HEADER + 2L * REFERENCE + estimate(entry.getKey(), depth + 1) + estimate(entry.getValue(), depth + 1);
        }
        if (value instanceof Collection<?> collection) {
            long size = OBJECT_HEADER + 16 + align(OBJECT_HEADER + (long) collection.size() * REFERENCE);
            for (Object element : collection) {
                size += estimate(element, depth + 1);
            }
            return size;
        }
        if (value instanceof Map<?, ?> map) {
            long size = OBJECT_HEADER + 32 + align(OBJECT_HEADER + (long) map.size() * 2 * REFERENCE);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 32 + estimate(entry.getKey(), depth + 1) + estimate(entry.getValue(), depth + 1);
            }
            return size;
        }
        if (value instanceof Object[] array) {
            long size = align(OBJECT_HEADER + (long) array.length * REFERENCE);
            for (Object element : array) {
                size += estimate(element, depth + 1);
            }
            return size;
        }
        if (value.getClass().isArray()) {
            return align(OBJECT_HEADER + (long) java.lang.reflect.Array.getLength(value) * primitiveWidth(value.getClass().getComponentType()));
        }
        if (value instanceof Pair<?, ?> pair) {
            return OBJECT_HEADER + 2L * REFERENCE + estimate(pair._1(), depth + 1) + estimate(pair._2(), depth + 1);
        }
        if (value instanceof Row row) {
            long size = 2L * OBJECT_HEADER + REFERENCE + align(OBJECT_HEADER + (long) row.size() * REFERENCE);
            for (int i = 0; i < row.size(); i++) {
                size += estimate(row.get(i), depth + 1);
            }
            return size;
        }
        return UNKNOWN;
    }

    private static boolean isLatin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static int primitiveWidth(Class<?> type) {
        if (type == long.class || type == double.class) {
            return 8;
        }
        if (type == int.class || type == float.class) {
            return 4;
        }
        return type == short.class || type == char.class ? 2 : 1;
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
