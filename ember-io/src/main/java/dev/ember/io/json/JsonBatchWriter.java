package dev.ember.io.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.fs.OutputFile;
import dev.ember.io.text.SplitInput;
import dev.ember.source.BatchWriter;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import dev.ember.vector.ArrayVector;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DecimalVector;
import dev.ember.vector.DoubleVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import dev.ember.vector.StringVector;
import dev.ember.vector.MapVector;
import dev.ember.vector.StructVector;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;

/**
 * Writes each row as one JSON object followed by the line separator, as Spark's JSON writer does:
 * fields in column order, null fields left out ({@code ignoreNullFields}, at every level), dates by
 * {@code dateFormat} and timestamps by {@code timestampFormat} in {@code timeZone}, decimals and
 * doubles as numbers (NaN and the infinities as strings), binary as base64, arrays and structs
 * nested.
 */
final class JsonBatchWriter implements BatchWriter {
    private final String path;
    private final JsonOptions options;
    private final String[] names;
    private final ValueWriter[] writers;
    private final JsonGenerator generator;

    JsonBatchWriter(OutputFile file, StructType schema, JsonOptions options) {
        this.path = file.location().toString();
        this.options = options;
        this.names = schema.fieldNames();
        this.writers = new ValueWriter[schema.size()];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = writer(schema.field(i).dataType(), schema.field(i).name());
        }
        try {
            OutputStream out = options.compression.compress(file.create());
            JsonGenerator created = options.isUtf8()
                    ? options.factory.createGenerator(out, JsonEncoding.UTF8)
                    : options.factory.createGenerator(new OutputStreamWriter(out, options.charset));
            this.generator = created.setRootValueSeparator(null);
        } catch (IOException e) {
            throw SplitInput.ioError("Writing", path, e);
        }
    }

    @Override
    public void write(Batch batch) {
        ColumnVector[] columns = new ColumnVector[writers.length];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = batch.column(i);
        }
        try {
            for (int row = 0; row < batch.rowCount(); row++) {
                writeObject(names, writers, columns, row);
                generator.writeRaw(options.writeLineSeparator);
            }
        } catch (IOException e) {
            throw SplitInput.ioError("Writing", path, e);
        }
    }

    private void writeObject(String[] fieldNames, ValueWriter[] fieldWriters, ColumnVector[] fields, int row) throws IOException {
        generator.writeStartObject();
        for (int i = 0; i < fields.length; i++) {
            boolean isNull = fields[i].isNull(row);
            if (isNull && options.ignoreNullFields) {
                continue;
            }
            generator.writeFieldName(fieldNames[i]);
            if (isNull) {
                generator.writeNull();
            } else {
                fieldWriters[i].write(fields[i], row);
            }
        }
        generator.writeEndObject();
    }

    @Override
    public void close() {
        try {
            generator.close();
        } catch (IOException e) {
            throw SplitInput.ioError("Writing", path, e);
        }
    }

    @Override
    public void abort() {
        try {
            generator.close();
        } catch (IOException | RuntimeException e) {
            // the commit protocol deletes the file; nothing more to release
        }
    }

    /** Writes the non-null value at a position. */
    @FunctionalInterface
    private interface ValueWriter {
        void write(ColumnVector vector, int row) throws IOException;
    }

    private ValueWriter writer(DataType type, String column) {
        if (type == AtomicType.STRING) {
            return (vector, row) -> {
                StringVector strings = (StringVector) vector;
                generator.writeUTF8String(strings.bytes(), strings.start(row), strings.length(row));
            };
        }
        if (type == AtomicType.BINARY) {
            return (vector, row) -> {
                StringVector bytes = (StringVector) vector;
                generator.writeBinary(bytes.bytes(), bytes.start(row), bytes.length(row));
            };
        }
        if (type == AtomicType.BYTE || type == AtomicType.SHORT || type == AtomicType.INT) {
            return (vector, row) -> generator.writeNumber(((IntVector) vector).get(row));
        }
        if (type == AtomicType.LONG) {
            return (vector, row) -> generator.writeNumber(((LongVector) vector).get(row));
        }
        if (type == AtomicType.DOUBLE) {
            return (vector, row) -> generator.writeNumber(((DoubleVector) vector).get(row));
        }
        if (type == AtomicType.FLOAT) {
            return (vector, row) -> generator.writeNumber((float) ((DoubleVector) vector).get(row));
        }
        if (type == AtomicType.BOOLEAN) {
            return (vector, row) -> generator.writeBoolean(((BooleanVector) vector).get(row));
        }
        if (type instanceof DecimalType) {
            return (vector, row) -> generator.writeNumber(((DecimalVector) vector).get(row));
        }
        if (type == AtomicType.DATE) {
            return (vector, row) -> generator.writeString(options.dateTime.formatDate(((IntVector) vector).get(row)));
        }
        if (type == AtomicType.TIMESTAMP) {
            return (vector, row) -> generator.writeString(options.dateTime.formatTimestamp(((LongVector) vector).get(row)));
        }
        if (type == AtomicType.NULL) {
            return (vector, row) -> generator.writeNull();
        }
        if (type instanceof ArrayType array) {
            ValueWriter elements = writer(array.elementType(), column);
            return (vector, row) -> {
                ArrayVector arrays = (ArrayVector) vector;
                ColumnVector values = arrays.elements();
                generator.writeStartArray();
                for (int e = arrays.start(row); e < arrays.start(row) + arrays.length(row); e++) {
                    if (values.isNull(e)) {
                        generator.writeNull();
                    } else {
                        elements.write(values, e);
                    }
                }
                generator.writeEndArray();
            };
        }
        if (type instanceof StructType struct) {
            String[] fieldNames = struct.fieldNames();
            ValueWriter[] fieldWriters = new ValueWriter[struct.size()];
            for (int i = 0; i < fieldWriters.length; i++) {
                fieldWriters[i] = writer(struct.field(i).dataType(), column);
            }
            return (vector, row) -> {
                StructVector structs = (StructVector) vector;
                ColumnVector[] fields = new ColumnVector[structs.fields().size()];
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = structs.field(i);
                }
                writeObject(fieldNames, fieldWriters, fields, row);
            };
        }
        if (type instanceof MapType map) {
            ValueWriter valueWriter = writer(map.valueType(), column);
            return (vector, row) -> {
                // As Spark: an object of the entries, keys as their string form, NULL values written (not left out).
                MapVector maps = (MapVector) vector;
                ColumnVector keys = maps.keys();
                ColumnVector values = maps.values();
                generator.writeStartObject();
                for (int e = maps.start(row); e < maps.start(row) + maps.length(row); e++) {
                    generator.writeFieldName(String.valueOf(keys.getObject(e)));
                    if (values.isNull(e)) {
                        generator.writeNull();
                    } else {
                        valueWriter.write(values, e);
                    }
                }
                generator.writeEndObject();
            };
        }
        throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "writing JSON column `" + column + "` of type " + type.simpleString());
    }
}
