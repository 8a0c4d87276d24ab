package dev.ember.io.parquet;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.vector.VectorBuilder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/** Appends the current value of a column reader to a vector builder, converted from the Parquet type to Ember's. */
@FunctionalInterface
interface LeafDecoder {
    long MICROS_PER_DAY = 86_400_000_000L;
    /** The Julian day of 1970-01-01, the epoch of INT96 timestamps' days. */
    int JULIAN_DAY_OF_EPOCH = 2_440_588;

    void append(ColumnReader reader, VectorBuilder builder);

    static LeafDecoder of(PrimitiveType parquet, DataType type) {
        LogicalTypeAnnotation logical = parquet.getLogicalTypeAnnotation();
        if (type instanceof DecimalType decimal) {
            int scale = decimal.scale();
            // Parquet's unscaled values are at the column's scale, which is the type's: straight into longs.
            return switch (parquet.getPrimitiveTypeName()) {
                case INT32 -> (r, b) -> ((VectorBuilder.DecimalBuilder) b).appendUnscaled(r.getInteger());
                case INT64 -> logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation
                        ? (r, b) -> ((VectorBuilder.DecimalBuilder) b).append(new BigDecimal(Long.toUnsignedString(r.getLong())))
                        : (r, b) -> ((VectorBuilder.DecimalBuilder) b).appendUnscaled(r.getLong());
                default -> (r, b) -> appendUnscaledBytes(r.getBinary().getBytesUnsafe(), scale, (VectorBuilder.DecimalBuilder) b);
            };
        }
        AtomicType atomic = (AtomicType) type;
        return switch (atomic) {
            case BOOLEAN -> (r, b) -> ((VectorBuilder.BooleanBuilder) b).append(r.getBoolean());
            case BYTE, SHORT, INT, DATE -> (r, b) -> ((VectorBuilder.IntBuilder) b).append(r.getInteger());
            case LONG -> parquet.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT32
                    ? (r, b) -> ((VectorBuilder.LongBuilder) b).append(Integer.toUnsignedLong(r.getInteger()))
                    : (r, b) -> ((VectorBuilder.LongBuilder) b).append(r.getLong());
            case FLOAT -> (r, b) -> ((VectorBuilder.DoubleBuilder) b).append(r.getFloat());
            case DOUBLE -> (r, b) -> ((VectorBuilder.DoubleBuilder) b).append(r.getDouble());
            case STRING, BINARY -> (r, b) -> appendBinary(r.getBinary(), (VectorBuilder.StringBuilder) b);
            case TIMESTAMP -> timestamp(parquet);
            case NULL -> throw new IllegalArgumentException("no Parquet column holds the void type");
        };
    }

    private static LeafDecoder timestamp(PrimitiveType parquet) {
        if (parquet.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96) {
            return (r, b) -> ((VectorBuilder.LongBuilder) b).append(int96Micros(r.getBinary()));
        }
        var unit = ((LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) parquet.getLogicalTypeAnnotation()).getUnit();
        return unit == LogicalTypeAnnotation.TimeUnit.MILLIS
                ? (r, b) -> ((VectorBuilder.LongBuilder) b).append(Math.multiplyExact(r.getLong(), 1000L))
                : (r, b) -> ((VectorBuilder.LongBuilder) b).append(r.getLong());
    }

    /** An INT96 timestamp (nanoseconds of the day, then the Julian day, little-endian) as microseconds since the epoch. */
    static long int96Micros(Binary value) {
        ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = bytes.getLong();
        int julianDay = bytes.getInt();
        return (julianDay - JULIAN_DAY_OF_EPOCH) * MICROS_PER_DAY + nanosOfDay / 1000;
    }

    /** A big-endian two's complement unscaled value: as a long when it has at most 8 bytes. */
    private static void appendUnscaledBytes(byte[] bytes, int scale, VectorBuilder.DecimalBuilder builder) {
        if (bytes.length > Long.BYTES) {
            builder.append(new BigDecimal(new BigInteger(bytes), scale));
            return;
        }
        long value = bytes.length == 0 ? 0 : bytes[0]; // sign-extends the first byte
        for (int i = 1; i < bytes.length; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        builder.appendUnscaled(value);
    }

    private static void appendBinary(Binary value, VectorBuilder.StringBuilder builder) {
        ByteBuffer buffer = value.toByteBuffer();
        if (buffer.hasArray()) {
            builder.appendBytes(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        } else {
            byte[] bytes = value.getBytes();
            builder.appendBytes(bytes, 0, bytes.length);
        }
    }
}
