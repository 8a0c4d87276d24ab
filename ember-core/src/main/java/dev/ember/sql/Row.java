package dev.ember.sql;

import dev.ember.sql.types.StructType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One row at the API edge, as Spark's {@code Row}: values by position (or by name when the row
 * carries a schema). Values are Java objects: Boolean, Integer, Long, Double, String, BigDecimal,
 * LocalDate, Instant, byte[], List, Row (a struct), Map (a map, in its entries' order).
 */
public final class Row implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Object[] values;
    private final StructType schema;

    private Row(Object[] values, StructType schema) {
        this.values = values;
        this.schema = schema;
    }

    /** A row of these values, as Spark's {@code RowFactory.create}. */
    public static Row of(Object... values) {
        return new Row(values.clone(), null);
    }

    public static Row withSchema(StructType schema, Object[] values) {
        if (schema.size() != values.length) {
            throw new IllegalArgumentException(values.length + " values for a schema of " + schema.size() + " fields");
        }
        return new Row(values.clone(), schema);
    }

    public int size() {
        return values.length;
    }

    public int length() {
        return values.length;
    }

    /** The schema, or {@code null} for a row made with {@link #of}. */
    public StructType schema() {
        return schema;
    }

    public Object get(int index) {
        return values[index];
    }

    public boolean isNullAt(int index) {
        return values[index] == null;
    }

    @SuppressWarnings("unchecked")
    public <T> T getAs(int index) {
        return (T) values[index];
    }

    @SuppressWarnings("unchecked")
    public <T> T getAs(String fieldName) {
        return (T) values[fieldIndex(fieldName)];
    }

    public int fieldIndex(String name) {
        if (schema == null) {
            throw new UnsupportedOperationException("fieldIndex on a Row without schema is undefined");
        }
        int index = schema.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("Field \"" + name + "\" does not exist. Available fields: "
                    + String.join(", ", schema.fieldNames()));
        }
        return index;
    }

    public boolean getBoolean(int index) {
        return (Boolean) nonNull(index);
    }

    public byte getByte(int index) {
        return (Byte) nonNull(index);
    }

    public short getShort(int index) {
        return (Short) nonNull(index);
    }

    public int getInt(int index) {
        return (Integer) nonNull(index);
    }

    public long getLong(int index) {
        return (Long) nonNull(index);
    }

    public float getFloat(int index) {
        return (Float) nonNull(index);
    }

    public double getDouble(int index) {
        return (Double) nonNull(index);
    }

    public String getString(int index) {
        return (String) values[index];
    }

    public BigDecimal getDecimal(int index) {
        return (BigDecimal) values[index];
    }

    public LocalDate getDate(int index) {
        return (LocalDate) values[index];
    }

    public <T> List<T> getList(int index) {
        return getAs(index);
    }

    /** A struct column's value, as a row with the struct's schema. */
    public Row getStruct(int index) {
        return (Row) values[index];
    }

    /** A map column's value, keys in the map's order; Spark's Java API calls this {@code getJavaMap}. */
    public <K, V> Map<K, V> getMap(int index) {
        return getAs(index);
    }

    public <K, V> Map<K, V> getJavaMap(int index) {
        return getAs(index);
    }

    private Object nonNull(int index) {
        Object value = values[index];
        if (value == null) {
            throw new NullPointerException("Value at index " + index + " is null");
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Row row && Arrays.deepEquals(values, row.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    /** {@code [a,1,null]}, as Spark prints a row. */
    @Override
    public String toString() {
        return Arrays.stream(values).map(Row::format).collect(Collectors.joining(",", "[", "]"));
    }

    private static String format(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(Row::format).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> format(e.getKey()) + " -> " + format(e.getValue()))
                    .collect(Collectors.joining(", ", "Map(", ")"));
        }
        if (value instanceof byte[] bytes) {
            return Arrays.toString(bytes);
        }
        return Objects.toString(value);
    }
}
