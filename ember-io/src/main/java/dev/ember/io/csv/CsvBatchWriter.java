package dev.ember.io.csv;

import dev.ember.fs.Abortable;
import dev.ember.fs.OutputFile;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.io.text.SplitInput;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.source.BatchWriter;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DecimalVector;
import dev.ember.vector.DoubleVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import dev.ember.vector.StringVector;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;

/**
 * Writes batches as CSV in Spark's dialect through {@link CsvRecordWriter} (which decides quoting
 * and escaping): nulls as {@code nullValue} (empty by default) and empty strings as
 * {@code emptyValue} ({@code ""} by default), so that the two read back apart. Dates use
 * {@code dateFormat} (ISO by default), timestamps {@code timestampFormat} (Spark's
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} by default) in {@code timeZone}, decimals are plain,
 * doubles as {@link Double#toString}.
 */
final class CsvBatchWriter implements BatchWriter {
    private final String path;
    private final ValueFormatter[] formatters;
    private final OutputStream fileStream;
    private final CsvRecordWriter csv;

    CsvBatchWriter(OutputFile file, StructType schema, CsvOptions options) throws IOException {
        this.path = file.location().toString();
        this.formatters = new ValueFormatter[schema.size()];
        for (int i = 0; i < schema.size(); i++) {
            formatters[i] = formatter(schema.field(i), options);
        }
        try {
            this.fileStream = file.create();
            OutputStream out = options.compression.compress(fileStream);
            this.csv = new CsvRecordWriter(new BufferedWriter(new OutputStreamWriter(out, options.charset)), options);
            if (options.header) {
                for (String name : schema.fieldNames()) {
                    csv.field(name);
                }
                csv.endRecord();
            }
        } catch (IOException e) {
            throw SplitInput.ioError("Writing", path, e);
        }
    }

    @Override
    public void write(Batch batch) {
        int columns = formatters.length;
        try {
            for (int row = 0; row < batch.rowCount(); row++) {
                for (int column = 0; column < columns; column++) {
                    ColumnVector vector = batch.column(column);
                    csv.field(vector.isNull(row) ? null : formatters[column].format(vector, row));
                }
                csv.endRecord();
            }
        } catch (IOException e) {
            throw SplitInput.ioError("Writing", path, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            csv.close();
        } catch (IOException e) {
            throw SplitInput.ioError("Writing", path, e);
        }
    }

    @Override
    public void abort() {
        Abortable.abort(fileStream);
        try {
            csv.close();
        } catch (IOException | RuntimeException e) {
            // the commit protocol deletes the file; nothing more to release
        }
    }

    /** Turns the non-null value at a position into its CSV text. */
    @FunctionalInterface
    private interface ValueFormatter {
        String format(ColumnVector vector, int row);
    }

    private static ValueFormatter formatter(StructField field, CsvOptions options) {
        DataType type = field.dataType();
        if (type == AtomicType.STRING) {
            return (vector, row) -> ((StringVector) vector).getString(row);
        }
        if (type == AtomicType.INT || type == AtomicType.SHORT || type == AtomicType.BYTE) {
            return (vector, row) -> Integer.toString(((IntVector) vector).get(row));
        }
        if (type == AtomicType.LONG) {
            return (vector, row) -> Long.toString(((LongVector) vector).get(row));
        }
        if (type == AtomicType.DOUBLE) {
            return (vector, row) -> Double.toString(((DoubleVector) vector).get(row));
        }
        if (type == AtomicType.FLOAT) {
            return (vector, row) -> Float.toString((float) ((DoubleVector) vector).get(row));
        }
        if (type == AtomicType.BOOLEAN) {
            return (vector, row) -> Boolean.toString(((BooleanVector) vector).get(row));
        }
        if (type instanceof DecimalType) {
            return (vector, row) -> ((DecimalVector) vector).get(row).toPlainString();
        }
        if (type == AtomicType.DATE) {
            return (vector, row) -> options.dateTime.formatDate(((IntVector) vector).get(row));
        }
        if (type == AtomicType.TIMESTAMP) {
            return (vector, row) -> options.dateTime.formatTimestamp(((LongVector) vector).get(row));
        }
        if (type == AtomicType.NULL) {
            return (vector, row) -> null;
        }
        if (!(type instanceof AtomicType)) {
            throw EmberException.of(ErrorClass.UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE, "format", "CSV", "columnName", "`" + field.name() + "`",
                    "columnType", "\"" + type.simpleString().toUpperCase(java.util.Locale.ROOT) + "\"");
        }
        throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature",
                "writing CSV column `" + field.name() + "` of type " + type.simpleString());
    }
}
