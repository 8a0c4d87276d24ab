package dev.ember.io.parquet;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DecimalVector;
import dev.ember.vector.DoubleVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import dev.ember.vector.StringVector;
import java.util.Arrays;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;

/** Writes the value at a position of a vector to a column writer, in the Parquet type Spark writes for its Ember type. */
@FunctionalInterface
interface LeafEncoder {
    void write(ColumnWriter writer, ColumnVector vector, int position, int repetition, int definition);

    static LeafEncoder of(DataType type) {
        if (type instanceof DecimalType decimal) {
            if (decimal.precision() <= 9) {
                return (w, v, p, r, d) -> w.write(Math.toIntExact(((DecimalVector) v).unscaled(p)), r, d);
            }
            if (decimal.precision() <= DecimalVector.MAX_LONG_DIGITS) {
                return (w, v, p, r, d) -> w.write(((DecimalVector) v).unscaled(p), r, d);
            }
            int width = ParquetSchemas.decimalBytes(decimal.precision());
            return (w, v, p, r, d) -> w.write(Binary.fromConstantByteArray(fixedWidth(((DecimalVector) v).get(p).unscaledValue().toByteArray(), width)), r, d);
        }
        return switch ((AtomicType) type) {
            case BOOLEAN -> (w, v, p, r, d) -> w.write(((BooleanVector) v).get(p), r, d);
            case BYTE, SHORT, INT, DATE -> (w, v, p, r, d) -> w.write(((IntVector) v).get(p), r, d);
            case LONG, TIMESTAMP -> (w, v, p, r, d) -> w.write(((LongVector) v).get(p), r, d);
            case FLOAT -> (w, v, p, r, d) -> w.write((float) ((DoubleVector) v).get(p), r, d);
            case DOUBLE -> (w, v, p, r, d) -> w.write(((DoubleVector) v).get(p), r, d);
            case STRING, BINARY -> (w, v, p, r, d) -> {
                StringVector strings = (StringVector) v;
                w.write(Binary.fromConstantByteArray(strings.bytes(), strings.start(p), strings.length(p)), r, d);
            };
            case NULL -> throw new IllegalArgumentException("the void type has no Parquet column");
        };
    }

    /** A two's complement big-endian number sign-extended to {@code width} bytes. */
    private static byte[] fixedWidth(byte[] minimal, int width) {
        if (minimal.length == width) {
            return minimal;
        }
        byte[] result = new byte[width];
        Arrays.fill(result, 0, width - minimal.length, minimal[0] < 0 ? (byte) -1 : 0);
        System.arraycopy(minimal, 0, result, width - minimal.length, minimal.length);
        return result;
    }
}
