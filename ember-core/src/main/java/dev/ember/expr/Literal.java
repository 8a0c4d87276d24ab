package dev.ember.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DecimalVector;
import dev.ember.vector.VectorBuilder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A constant. The value is held as the Java object the API uses for the type ({@code Integer},
 * {@code Long}, {@code Double}, {@code String}, {@code BigDecimal}, {@code LocalDate}, ...), or
 * {@code null}. A timestamp ({@code Instant}) prints in the session time zone, which the analyzer
 * gives it as Spark names such a column: {@code TIMESTAMP '2024-01-02 03:04:05'}.
 */
public final class Literal extends LeafExpression implements TimeZoneAware {
    private static final long serialVersionUID = 1L;

    public static final Literal TRUE = new Literal(true, AtomicType.BOOLEAN);
    public static final Literal FALSE = new Literal(false, AtomicType.BOOLEAN);
    public static final Literal NULL = new Literal(null, AtomicType.NULL);

    private final Object value;
    private final DataType dataType;
    /** Where a timestamp prints; null for other types and until the analyzer sets it. */
    private final ZoneId zone;
    /** {@link #asVector()}, built on first use. */
    private transient volatile ColumnVector single;

    public Literal(Object value, DataType dataType) {
        this(value, dataType, null);
    }

    private Literal(Object value, DataType dataType, ZoneId zone) {
        this.value = value;
        this.dataType = requireNonNull(dataType, "dataType is null");
        this.zone = zone;
    }

    /** A timestamp of {@code epochMicros} microseconds since the epoch, printed in {@code zone}. */
    public static Literal timestamp(long epochMicros, ZoneId zone) {
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1000L);
        return new Literal(instant, AtomicType.TIMESTAMP, zone);
    }

    /** The literal Spark makes of a Java value: Integer → int, Long → bigint, String → string, ... */
    public static Literal of(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Literal literal) {
            return literal;
        }
        if (value instanceof Boolean) {
            return new Literal(value, AtomicType.BOOLEAN);
        }
        if (value instanceof Byte) {
            return new Literal(value, AtomicType.BYTE);
        }
        if (value instanceof Short) {
            return new Literal(value, AtomicType.SHORT);
        }
        if (value instanceof Integer) {
            return new Literal(value, AtomicType.INT);
        }
        if (value instanceof Long) {
            return new Literal(value, AtomicType.LONG);
        }
        if (value instanceof Float) {
            return new Literal(value, AtomicType.FLOAT);
        }
        if (value instanceof Double) {
            return new Literal(value, AtomicType.DOUBLE);
        }
        if (value instanceof String) {
            return new Literal(value, AtomicType.STRING);
        }
        if (value instanceof BigDecimal decimal) {
            int scale = Math.max(decimal.scale(), 0);
            BigDecimal scaled = decimal.setScale(scale);
            int precision = Math.max(scaled.precision(), scale + 1);
            return new Literal(scaled, new DecimalType(Math.max(precision, 1), scale));
        }
        if (value instanceof LocalDate) {
            return new Literal(value, AtomicType.DATE);
        }
        if (value instanceof Instant) {
            return new Literal(value, AtomicType.TIMESTAMP);
        }
        throw new IllegalArgumentException("Unsupported literal type " + value.getClass().getName() + " " + value);
    }

    public Object value() {
        return value;
    }

    public boolean isNull() {
        return value == null;
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public boolean nullable() {
        return value == null;
    }

    @Override
    public boolean foldable() {
        return true;
    }

    @Override
    public ColumnVector eval(Batch input) {
        return repeat(input.rowCount());
    }

    /** This value as a vector of one row, built once: what kernels comparing a column with a constant read. */
    public ColumnVector asVector() {
        ColumnVector vector = single;
        if (vector == null) {
            vector = oneRow();
            single = vector;
        }
        return vector;
    }

    /** This value {@code count} times: the one-row vector gathered, a loop over arrays rather than a value appended at a time (count(1)'s argument). */
    public ColumnVector repeat(int count) {
        return count == 1 ? asVector() : asVector().gather(new int[count], count);
    }

    private ColumnVector oneRow() {
        if (value instanceof BigDecimal decimal && dataType instanceof DecimalType type) {
            BigInteger unscaled = decimal.setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue();
            if (unscaled.bitLength() < Long.SIZE) {
                return new DecimalVector(type, 1, new long[] {unscaled.longValue()}, null);
            }
        }
        VectorBuilder builder = VectorBuilder.create(dataType, 1);
        builder.appendObject(value);
        return builder.build();
    }

    @Override
    public boolean needsZone() {
        return dataType == AtomicType.TIMESTAMP && value != null && zone == null;
    }

    @Override
    public Literal withZone(ZoneId newZone) {
        return new Literal(value, dataType, newZone);
    }

    /** The zone only changes how a timestamp prints, not what the literal is. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Literal that && Objects.equals(value, that.value) && dataType.equals(that.dataType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, dataType);
    }

    /** As Spark names a literal column: {@code 1}, {@code a}, {@code NULL}, {@code 1E-7}, {@code DATE '2024-01-01'}. */
    @Override
    public String toString() {
        if (value == null) {
            return "NULL";
        }
        if (dataType == AtomicType.DATE) {
            return "DATE '" + value + "'";
        }
        if (value instanceof Instant instant) {
            long micros = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
            return "TIMESTAMP '" + Casts.timestampToString(micros, zone == null ? ZoneOffset.UTC : zone) + "'";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toString(); // as Spark names it: 1E-7 for 0.0000001, 1.50 for 1.50
        }
        return value.toString();
    }
}
