package dev.ember.vector;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.Row;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds one {@link ColumnVector} by appending values; used by sources, by operators that
 * assemble output row by row (aggregation results, joins) and at the API edge.
 */
public abstract class VectorBuilder {
    protected final DataType type;
    protected int size;
    protected boolean[] nulls;

    protected VectorBuilder(DataType type) {
        this.type = type;
    }

    public static VectorBuilder create(DataType type, int expectedSize) {
        int capacity = Math.max(expectedSize, 16);
        if (type == AtomicType.BOOLEAN) {
            return new BooleanBuilder(capacity);
        }
        if (IntVector.holds(type)) {
            return new IntBuilder(type, capacity);
        }
        if (type == AtomicType.LONG || type == AtomicType.TIMESTAMP) {
            return new LongBuilder(type, capacity);
        }
        if (type == AtomicType.DOUBLE || type == AtomicType.FLOAT) {
            return new DoubleBuilder(type, capacity);
        }
        if (type == AtomicType.STRING || type == AtomicType.BINARY) {
            return new StringBuilder(type, capacity);
        }
        if (type instanceof DecimalType decimal) {
            return new DecimalBuilder(decimal, capacity);
        }
        if (type instanceof ArrayType array) {
            return new ArrayBuilder(array, capacity);
        }
        if (type instanceof StructType struct) {
            return new StructBuilder(struct, capacity);
        }
        if (type instanceof MapType map) {
            return new MapBuilder(map, capacity);
        }
        if (type == AtomicType.NULL) {
            return new NullBuilder();
        }
        throw new UnsupportedOperationException("no vector layout yet for type " + type.simpleString());
    }

    public final DataType type() {
        return type;
    }

    public final int size() {
        return size;
    }

    public final void appendNull() {
        ensureCapacity(size + 1);
        if (nulls == null) {
            nulls = new boolean[capacity()];
        }
        nulls[size] = true;
        appendDefault();
        size++;
    }

    /** Appends a Java value: Integer, Long, Double, String, BigDecimal, LocalDate, Instant, List, Row, Map, or null. */
    public final void appendObject(Object value) {
        if (value == null) {
            appendNull();
            return;
        }
        ensureCapacity(size + 1);
        appendValue(value);
        size++;
    }

    /** Appends the value at {@code position} of a vector of the same type. */
    public final void appendFrom(ColumnVector source, int position) {
        if (source.isNull(position)) {
            appendNull();
            return;
        }
        ensureCapacity(size + 1);
        copyValue(source, position);
        size++;
    }

    /**
     * Drops the values appended after the first {@code newSize}, so that a reader can take back a
     * partly appended value (a record found malformed halfway through).
     */
    public final void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("cannot truncate " + size + " values to " + newSize);
        }
        if (nulls != null) {
            Arrays.fill(nulls, newSize, size, false);
        }
        truncateValues(newSize);
        size = newSize;
    }

    public abstract ColumnVector build();

    /** Releases what values past {@code newSize} hold beyond their slots (bytes, elements, fields). */
    protected void truncateValues(int newSize) {
    }

    protected final boolean[] builtNulls() {
        if (nulls == null) {
            return null;
        }
        for (int i = 0; i < size; i++) {
            if (nulls[i]) {
                return Arrays.copyOf(nulls, size);
            }
        }
        return null;
    }

    protected final void growNulls(int capacity) {
        if (nulls != null && nulls.length < capacity) {
            nulls = Arrays.copyOf(nulls, capacity);
        }
    }

    protected static int grow(int current, int needed) {
        return Math.max(needed, current + (current >> 1) + 16);
    }

    protected abstract int capacity();

    protected abstract void ensureCapacity(int needed);

    protected abstract void appendDefault();

    protected abstract void appendValue(Object value);

    protected abstract void copyValue(ColumnVector source, int position);

    private static final class NullBuilder extends VectorBuilder {
        NullBuilder() {
            super(AtomicType.NULL);
        }

        @Override
        public ColumnVector build() {
            return new NullVector(size);
        }

        @Override
        protected int capacity() {
            return Math.max(16, size * 2);
        }

        @Override
        protected void ensureCapacity(int needed) {
            growNulls(Math.max(16, needed * 2));
        }

        @Override
        protected void appendDefault() {
        }

        @Override
        protected void appendValue(Object value) {
            throw new IllegalArgumentException("the NULL type holds no value: " + value);
        }

        @Override
        protected void copyValue(ColumnVector source, int position) {
        }
    }

    public static final class BooleanBuilder extends VectorBuilder {
        private boolean[] values;

        BooleanBuilder(int capacity) {
            super(AtomicType.BOOLEAN);
            values = new boolean[capacity];
        }

        public void append(boolean value) {
            ensureCapacity(size + 1);
            values[size++] = value;
        }

        @Override
        public ColumnVector build() {
            return new BooleanVector(size, Arrays.copyOf(values, size), builtNulls());
        }

        @Override
        protected int capacity() {
            return values.length;
        }

        @Override
        protected void ensureCapacity(int needed) {
            if (needed > values.length) {
                values = Arrays.copyOf(values, grow(values.length, needed));
                growNulls(values.length);
            }
        }

        @Override
        protected void appendDefault() {
            values[size] = false;
        }

        @Override
        protected void appendValue(Object value) {
            values[size] = (Boolean) value;
        }

        @Override
        protected void copyValue(ColumnVector source, int position) {
            values[size] = ((BooleanVector) source).get(position);
        }
    }

    public static final class IntBuilder extends VectorBuilder {
        private int[] values;

        IntBuilder(DataType type, int capacity) {
            super(type);
            values = new int[capacity];
        }

        public void append(int value) {
            ensureCapacity(size + 1);
            values[size++] = value;
        }

        @Override
        public ColumnVector build() {
            return new IntVector(type, size, Arrays.copyOf(values, size), builtNulls());
        }

        @Override
        protected int capacity() {
            return values.length;
        }

        @Override
        protected void ensureCapacity(int needed) {
            if (needed > values.length) {
                values = Arrays.copyOf(values, grow(values.length, needed));
                growNulls(values.length);
            }
        }

        @Override
        protected void appendDefault() {
            values[size] = 0;
        }

        @Override
        protected void appendValue(Object value) {
            values[size] = value instanceof LocalDate date ? Math.toIntExact(date.toEpochDay()) : ((Number) value).intValue();
        }

        @Override
        protected void copyValue(ColumnVector source, int position) {
            values[size] = ((IntVector) source).get(position);
        }
    }

    public static final class LongBuilder extends VectorBuilder {
        private long[] values;

        LongBuilder(DataType type, int capacity) {
            super(type);
            values = new long[capacity];
        }

        public void append(long value) {
            ensureCapacity(size + 1);
            values[size++] = value;
        }

        @Override
        public ColumnVector build() {
            return new LongVector(type, size, Arrays.copyOf(values, size), builtNulls());
        }

        @Override
        protected int capacity() {
            return values.length;
        }

        @Override
        protected void ensureCapacity(int needed) {
            if (needed > values.length) {
                values = Arrays.copyOf(values, grow(values.length, needed));
                growNulls(values.length);
            }
        }

        @Override
        protected void appendDefault() {
            values[size] = 0;
        }

        @Override
        protected void appendValue(Object value) {
            if (value instanceof Instant instant) {
                values[size] = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
            } else {
                values[size] = ((Number) value).longValue();
            }
        }

        @Override
        protected void copyValue(ColumnVector source, int position) {
            values[size] = ((LongVector) source).get(position);
        }
    }

    public static final class DoubleBuilder extends VectorBuilder {
        private double[] values;

        DoubleBuilder(DataType type, int capacity) {
            super(type);
            values = new double[capacity];
        }

        public void append(double value) {
            ensureCapacity(size + 1);
            values[size++] = value;
        }

        @Override
        public ColumnVector build() {
            return new DoubleVector(type, size, Arrays.copyOf(values, size), builtNulls());
        }

        @Override
        protected int capacity() {
            return values.length;
        }

        @Override
        protected void ensureCapacity(int needed) {
            if (needed > values.length) {
                values = Arrays.copyOf(values, grow(values.length, needed));
                growNulls(values.length);
            }
        }

        @Override
        protected void appendDefault() {
            values[size] = 0;
        }

        @Override
        protected void appendValue(Object value) {
            double number = ((Number) value).doubleValue();
            values[size] = type == AtomicType.FLOAT ? (float) number : number;
        }

        @Override
        protected void copyValue(ColumnVector source, int position) {
            values[size] = ((DoubleVector) source).get(position);
        }
    }

    public static final class StringBuilder extends VectorBuilder {
        private byte[] bytes;
        private int[] offsets;
        private int byteCount;

        StringBuilder(DataType type, int capacity) {
            super(type);
            bytes = new byte[capacity * 8];
            offsets = new int[capacity + 1];
        }

        public void append(String value) {
            appendObject(value);
        }

        /** Appends {@code source[from .. from + length)} as one value. */
        public void appendBytes(byte[] source, int from, int length) {
            ensureCapacity(size + 1);
            putBytes(source, from, length);
            size++;
        }

        /** Appends {@code chars[from .. from + length)} encoded in UTF-8 (an unpaired surrogate as {@code ?}, as {@link String#getBytes} does). */
        public void append(char[] chars, int from, int length) {
            ensureCapacity(size + 1);
            if (byteCount + length * 3 > bytes.length) {
                bytes = Arrays.copyOf(bytes, grow(bytes.length, byteCount + length * 3));
            }
            int at = byteCount;
            int end = from + length;
            for (int i = from; i < end; i++) {
                char c = chars[i];
                if (c < 0x80) {
                    bytes[at++] = (byte) c;
                } else if (c < 0x800) {
                    bytes[at++] = (byte) (0xC0 | (c >> 6));
                    bytes[at++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                    int codePoint = Character.toCodePoint(c, chars[++i]);
                    bytes[at++] = (byte) (0xF0 | (codePoint >> 18));
                    bytes[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                    bytes[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                    bytes[at++] = (byte) (0x80 | (codePoint & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    bytes[at++] = '?';
                } else {
                    bytes[at++] = (byte) (0xE0 | (c >> 12));
                    bytes[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    bytes[at++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            byteCount = at;
            offsets[size + 1] = byteCount;
            size++;
        }

        private void putBytes(byte[] source, int from, int length) {
            if (byteCount + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, grow(bytes.length, byteCount + length));
            }
            System.arraycopy(source, from, bytes, byteCount, length);
            byteCount += length;
            offsets[size + 1] = byteCount;
        }

        @Override
        public ColumnVector build() {
            return new StringVector(type, size, Arrays.copyOf(bytes, byteCount), Arrays.copyOf(offsets, size + 1), builtNulls());
        }

        @Override
        protected int capacity() {
            return offsets.length - 1;
        }

        @Override
        protected void ensureCapacity(int needed) {
            if (needed + 1 > offsets.length) {
                offsets = Arrays.copyOf(offsets, grow(offsets.length, needed + 1));
                growNulls(offsets.length - 1);
            }
        }

        @Override
        protected void appendDefault() {
            offsets[size + 1] = byteCount;
        }

        @Override
        protected void truncateValues(int newSize) {
            byteCount = offsets[newSize];
        }

        @Override
        protected void appendValue(Object value) {
            byte[] encoded = value instanceof byte[] raw ? raw : value.toString().getBytes(StandardCharsets.UTF_8);
            putBytes(encoded, 0, encoded.length);
        }

        @Override
        protected void copyValue(ColumnVector source, int position) {
            StringVector strings = (StringVector) source;
            putBytes(strings.bytes(), strings.start(position), strings.length(position));
        }
    }

    /** Decimals as unscaled longs at the type's scale; a {@link BigDecimal} only for a value no long holds. */
    public static final class DecimalBuilder extends VectorBuilder {
        private final int scale;
        private long[] values;
        private BigDecimal[] wide;

        DecimalBuilder(DecimalType type, int capacity) {
            super(type);
            scale = type.scale();
            values = new long[capacity];
        }

        /** Appends the value {@code unscaled / 10^scale}. */
        public void appendUnscaled(long unscaled) {
            ensureCapacity(size + 1);
            values[size++] = unscaled;
        }

        /** Appends a value at this type's scale (rounded half up to it, should it have more digits). */
        public void append(BigDecimal value) {
            ensureCapacity(size + 1);
            put(value);
            size++;
        }

        private void put(BigDecimal value) {
            BigDecimal scaled = value.scale() == scale ? value : value.setScale(scale, RoundingMode.HALF_UP);
            BigInteger digits = scaled.unscaledValue();
            if (digits.bitLength() < 64) {
                values[size] = digits.longValue();
            } else {
                if (wide == null) {
                    wide = new BigDecimal[values.length];
                }
                wide[size] = scaled;
            }
        }

        @Override
        public ColumnVector build() {
            return DecimalVector.of((DecimalType) type, size, Arrays.copyOf(values, size),
                    wide == null ? null : Arrays.copyOf(wide, size), builtNulls());
        }

        @Override
        protected int capacity() {
            return values.length;
        }

        @Override
        protected void ensureCapacity(int needed) {
            if (needed > values.length) {
                values = Arrays.copyOf(values, grow(values.length, needed));
                growNulls(values.length);
                if (wide != null) {
                    wide = Arrays.copyOf(wide, values.length);
                }
            }
        }

        @Override
        protected void appendDefault() {
            values[size] = 0;
        }

        @Override
        protected void appendValue(Object value) {
            put(value instanceof BigDecimal exact ? exact : new BigDecimal(value.toString()));
        }

        @Override
        protected void copyValue(ColumnVector source, int position) {
            DecimalVector decimals = (DecimalVector) source;
            if (decimals.isLong(position) && decimals.scale() == scale) {
                values[size] = decimals.unscaled(position);
            } else {
                put(decimals.get(position));
            }
        }
    }

    /** Variable-length values (arrays, maps): offsets into the entries that the subclass's builders hold. */
    abstract static class EntriesBuilder extends VectorBuilder {
        /** Value i holds entries {@code [offsets[i], offsets[i + 1])}. */
        protected int[] offsets;

        EntriesBuilder(DataType type, int capacity) {
            super(type);
            offsets = new int[capacity + 1];
        }

        /** The entries appended so far. */
        protected abstract int entryCount();

        /** Ends the current value: its entries are those appended since the previous value ended. */
        protected final void endEntries() {
            ensureCapacity(size + 1);
            offsets[size + 1] = entryCount();
            size++;
        }

        protected final int[] builtOffsets() {
            return Arrays.copyOf(offsets, size + 1);
        }

        @Override
        protected int capacity() {
            return offsets.length - 1;
        }

        @Override
        protected void ensureCapacity(int needed) {
            if (needed + 1 > offsets.length) {
                offsets = Arrays.copyOf(offsets, grow(offsets.length, needed + 1));
                growNulls(offsets.length - 1);
            }
        }

        @Override
        protected void appendDefault() {
            offsets[size + 1] = entryCount();
        }
    }

    public static final class ArrayBuilder extends EntriesBuilder {
        private final VectorBuilder elements;

        ArrayBuilder(ArrayType type, int capacity) {
            super(type, capacity);
            elements = VectorBuilder.create(type.elementType(), capacity);
        }

        /** The builder of the elements: append the elements of the current array, then call {@link #endArray()}. */
        public VectorBuilder elements() {
            return elements;
        }

        public void endArray() {
            endEntries();
        }

        @Override
        protected int entryCount() {
            return elements.size();
        }

        @Override
        public ColumnVector build() {
            return new ArrayVector((ArrayType) type, size, builtOffsets(), elements.build(), builtNulls());
        }

        @Override
        protected void truncateValues(int newSize) {
            elements.truncate(offsets[newSize]);
        }

        @Override
        protected void appendValue(Object value) {
            for (Object element : (List<?>) value) {
                elements.appendObject(element);
            }
            offsets[size + 1] = entryCount();
        }

        @Override
        protected void copyValue(ColumnVector source, int position) {
            ArrayVector arrays = (ArrayVector) source;
            for (int e = arrays.start(position); e < arrays.start(position) + arrays.length(position); e++) {
                elements.appendFrom(arrays.elements(), e);
            }
            offsets[size + 1] = entryCount();
        }
    }

    /** Structs: one builder per field; a NULL struct appends NULL to every field. */
    public static final class StructBuilder extends VectorBuilder {
        private final List<VectorBuilder> fields;
        private int capacity;

        StructBuilder(StructType type, int capacity) {
            super(type);
            this.capacity = capacity;
            fields = type.fields().stream().map(field -> VectorBuilder.create(field.dataType(), capacity)).toList();
        }

        /** The builder of a field: append one value to every field, then call {@link #endStruct()}. */
        public VectorBuilder field(int index) {
            return fields.get(index);
        }

        public void endStruct() {
            ensureCapacity(size + 1);
            size++;
        }

        @Override
        public ColumnVector build() {
            return new StructVector((StructType) type, size, fields.stream().map(VectorBuilder::build).toList(), builtNulls());
        }

        @Override
        protected int capacity() {
            return capacity;
        }

        @Override
        protected void ensureCapacity(int needed) {
            if (needed > capacity) {
                capacity = grow(capacity, needed);
                growNulls(capacity);
            }
        }

        @Override
        protected void appendDefault() {
            for (VectorBuilder field : fields) {
                field.appendNull();
            }
        }

        @Override
        protected void truncateValues(int newSize) {
            for (VectorBuilder field : fields) {
                field.truncate(newSize);
            }
        }

        @Override
        protected void appendValue(Object value) {
            for (int f = 0; f < fields.size(); f++) {
                fields.get(f).appendObject(value instanceof Row row ? row.get(f) : ((List<?>) value).get(f));
            }
        }

        @Override
        protected void copyValue(ColumnVector source, int position) {
            StructVector structs = (StructVector) source;
            for (int f = 0; f < fields.size(); f++) {
                fields.get(f).appendFrom(structs.field(f), position);
            }
        }
    }

    /** Maps: keys and values appended pairwise, then {@link #endMap()}. */
    public static final class MapBuilder extends EntriesBuilder {
        private final VectorBuilder keys;
        private final VectorBuilder values;

        MapBuilder(MapType type, int capacity) {
            super(type, capacity);
            keys = VectorBuilder.create(type.keyType(), capacity);
            values = VectorBuilder.create(type.valueType(), capacity);
        }

        public VectorBuilder keys() {
            return keys;
        }

        public VectorBuilder values() {
            return values;
        }

        public void endMap() {
            endEntries();
        }

        @Override
        protected int entryCount() {
            return keys.size();
        }

        @Override
        public ColumnVector build() {
            return new MapVector((MapType) type, size, builtOffsets(), keys.build(), values.build(), builtNulls());
        }

        @Override
        protected void truncateValues(int newSize) {
            keys.truncate(offsets[newSize]);
            values.truncate(offsets[newSize]);
        }

        @Override
        protected void appendValue(Object value) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                keys.appendObject(entry.getKey());
                values.appendObject(entry.getValue());
            }
            offsets[size + 1] = entryCount();
        }

        @Override
        protected void copyValue(ColumnVector source, int position) {
            MapVector maps = (MapVector) source;
            for (int e = maps.start(position); e < maps.start(position) + maps.length(position); e++) {
                keys.appendFrom(maps.keys(), e);
                values.appendFrom(maps.values(), e);
            }
            offsets[size + 1] = entryCount();
        }
    }
}
