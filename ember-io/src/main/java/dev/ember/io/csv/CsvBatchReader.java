package dev.ember.io.csv;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.source.BatchReader;
import dev.ember.fs.InputFile;
import dev.ember.source.FileSplit;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV records of one split into batches of the required columns. Only required columns
 * are parsed (Spark's CSV column pruning), so a bad value in another column does not make a record
 * malformed; a record with a wrong number of fields always is.
 *
 * <p>A string column named by {@code columnNameOfCorruptRecord} is not read from the file: in
 * PERMISSIVE mode it holds the text of each malformed record and is null otherwise.
 */
final class CsvBatchReader implements BatchReader {
    private final CsvOptions options;
    private final CsvRecordSource source;
    private final String[] columnNames;
    /** Per required column, its field in the record, or -1 for the corrupt-record column. */
    private final int[] fields;
    /** Per required column, its parser; null for the corrupt-record column. */
    private final ColumnParser[] parsers;
    private final int expectedFields;
    /** Spark checks the number of fields only when every data column is read: otherwise univocity hands it just the selected ones. */
    private final boolean checksFieldCount;
    private final boolean wantsCorruptRecord;
    /** The names a header line must have when {@code enforceSchema} is off; null when headers are not checked. */
    private final List<String> expectedHeader;
    private VectorBuilder corruptRecords;
    private boolean finished;

    CsvBatchReader(InputFile file, FileSplit split, StructType dataSchema, int[] requiredColumns, CsvOptions options) {
        this.options = options;
        int corruptIndex = dataSchema.indexOf(options.corruptColumn);
        if (corruptIndex >= 0 && dataSchema.field(corruptIndex).dataType() != AtomicType.STRING) {
            corruptIndex = -1;
        }
        this.expectedFields = dataSchema.size() - (corruptIndex >= 0 ? 1 : 0);
        this.columnNames = new String[requiredColumns.length];
        this.fields = new int[requiredColumns.length];
        this.parsers = new ColumnParser[requiredColumns.length];
        boolean corruptRequired = false;
        for (int i = 0; i < requiredColumns.length; i++) {
            int column = requiredColumns[i];
            StructField field = dataSchema.field(column);
            columnNames[i] = field.name();
            if (column == corruptIndex) {
                fields[i] = -1;
                corruptRequired = true;
            } else {
                fields[i] = corruptIndex >= 0 && column > corruptIndex ? column - 1 : column;
                parsers[i] = ColumnParser.forType(field.name(), field.dataType(), options);
            }
        }
        this.wantsCorruptRecord = corruptRequired;
        this.checksFieldCount = requiredColumns.length - (corruptRequired ? 1 : 0) == expectedFields;
        this.corruptRecords = newCorruptRecords();
        this.expectedHeader = options.header && !options.enforceSchema ? dataNames(dataSchema, corruptIndex) : null;
        this.source = CsvRecordSource.open(file, split, options);
    }

    @Override
    public Batch next() {
        if (finished) {
            return null;
        }
        int rows = 0;
        while (rows < Batch.TARGET_ROWS) {
            CsvRecordCollector record = source.next();
            checkHeader();
            if (record == null) {
                finished = true;
                break;
            }
            if (append(record)) {
                rows++;
            }
        }
        if (rows == 0) {
            return null;
        }
        List<ColumnVector> columns = new ArrayList<>(parsers.length);
        ColumnVector corrupt = wantsCorruptRecord ? corruptRecords.build() : null;
        corruptRecords = newCorruptRecords();
        for (ColumnParser parser : parsers) {
            columns.add(parser == null ? corrupt : parser.build());
        }
        return new Batch(columns, rows);
    }

    /** Parses one record into the columns; false when the mode drops it. */
    private boolean append(CsvRecordCollector record) {
        String problem = !checksFieldCount || record.fieldCount() == expectedFields
                ? null
                : "expected " + expectedFields + " fields but found " + record.fieldCount();
        for (int i = 0; i < parsers.length; i++) {
            ColumnParser parser = parsers[i];
            if (parser == null) {
                continue;
            }
            int field = fields[i];
            if (field >= record.fieldCount() || record.isNull(field, options.nullValue)) {
                parser.stageNull();
            } else if (!parser.stage(record, field)) {
                parser.stageNull();
                if (problem == null) {
                    problem = "'" + record.text(field) + "' is not a valid " + parser.type.simpleString() + " for column `" + columnNames[i] + "`";
                }
            }
        }
        String corruptText = null;
        if (problem != null) {
            switch (options.mode) {
                case FAILFAST -> throw malformed(record, problem);
                case DROPMALFORMED -> {
                    return false;
                }
                case PERMISSIVE -> corruptText = wantsCorruptRecord ? record.toCsv(options.separator, options.quote) : null;
            }
        }
        for (ColumnParser parser : parsers) {
            if (parser != null) {
                parser.commit();
            }
        }
        if (wantsCorruptRecord) {
            corruptRecords.appendObject(corruptText);
        }
        return true;
    }

    private static List<String> dataNames(StructType dataSchema, int corruptIndex) {
        List<String> names = new ArrayList<>(dataSchema.size());
        for (int i = 0; i < dataSchema.size(); i++) {
            if (i != corruptIndex) {
                names.add(dataSchema.field(i).name());
            }
        }
        return names;
    }

    /** With {@code enforceSchema} off, a header line must name the schema's columns in order (ignoring case), as Spark checks. */
    private void checkHeader() {
        List<String> header = source.header();
        if (expectedHeader == null || header == null) {
            return;
        }
        boolean conforms = header.size() == expectedHeader.size();
        for (int i = 0; conforms && i < header.size(); i++) {
            conforms = header.get(i).equalsIgnoreCase(expectedHeader.get(i));
        }
        if (!conforms) {
            throw EmberException.of(ErrorClass.FAILED_READ_FILE, "path", source.path(), "reason",
                    "CSV header does not conform to the schema. Header: " + String.join(", ", header)
                            + "; schema: " + String.join(", ", expectedHeader) + ".");
        }
    }

    /** Spark's FAILFAST error: the malformed record (file, line, text) as the cause of a failed read of the file. */
    private EmberException malformed(CsvRecordCollector record, String problem) {
        String where = source.path() + ":" + source.lineInFile(record);
        EmberException cause = EmberException.of(ErrorClass.MALFORMED_RECORD_IN_PARSING, "record",
                where + ": " + record.toCsv(options.separator, options.quote) + " (" + problem + ")");
        return EmberException.of(ErrorClass.FAILED_READ_FILE, "path", source.path(), "reason", cause.getMessage()).withCause(cause);
    }

    private VectorBuilder newCorruptRecords() {
        return VectorBuilder.create(AtomicType.STRING, wantsCorruptRecord ? Batch.TARGET_ROWS : 0);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
