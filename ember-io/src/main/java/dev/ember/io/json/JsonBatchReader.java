package dev.ember.io.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.fs.InputFile;
import dev.ember.io.text.SplitInput;
import dev.ember.source.BatchReader;
import dev.ember.source.FileSplit;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the JSON records of one split into batches of the required columns. A record is an object
 * (one row) or an array of objects (one row each); blank records have no row. Only required fields
 * are converted, the rest are skipped unconverted.
 *
 * <p>A record is malformed when it is not valid JSON, is not an object, or has a value that does
 * not convert to its column's type. PERMISSIVE mode keeps the row (with the fields that converted,
 * or all nulls when the JSON itself is bad) and puts the record's text in the corrupt-record column
 * if the schema has it; DROPMALFORMED drops it; FAILFAST fails the read (FAILED_READ_FILE, as Spark)
 * with the cause MALFORMED_RECORD_IN_PARSING naming the file and line.
 */
final class JsonBatchReader implements BatchReader {
    private final JsonOptions options;
    private final JsonRecords records;
    /** Output position of each column read from the file, in the order the row reader fills them. */
    private final int[] dataPositions;
    /** Output position of the corrupt-record column, or -1 when not required. */
    private final int corruptPosition;
    private final StructType outputSchema;
    private final ObjectReader rowReader;
    private final RecordProblems problems = new RecordProblems();
    private VectorBuilder[] columns;
    private VectorBuilder[] dataTargets;
    private boolean finished;

    JsonBatchReader(InputFile file, FileSplit split, StructType dataSchema, int[] requiredColumns, JsonOptions options) {
        this.options = options;
        List<StructField> data = new ArrayList<>();
        List<StructField> output = new ArrayList<>();
        int[] positions = new int[requiredColumns.length];
        int corrupt = -1;
        for (int i = 0; i < requiredColumns.length; i++) {
            StructField field = dataSchema.field(requiredColumns[i]);
            output.add(field);
            if (field.name().equals(options.corruptColumn) && field.dataType() == AtomicType.STRING) {
                corrupt = i;
            } else {
                positions[data.size()] = i;
                data.add(field);
            }
        }
        this.dataPositions = Arrays.copyOf(positions, data.size());
        this.corruptPosition = corrupt;
        this.outputSchema = new StructType(output);
        this.rowReader = new ObjectReader(new StructType(data), options, problems);
        this.records = JsonRecords.open(file, split, options);
        newBuilders();
    }

    @Override
    public Batch next() {
        if (finished) {
            return null;
        }
        int rows = 0;
        while (rows < Batch.TARGET_ROWS) {
            if (!records.next()) {
                finished = true;
                break;
            }
            try {
                rows += readRecord(rows);
            } catch (IOException e) {
                throw SplitInput.ioError("Reading", records.path(), e);
            }
        }
        if (rows == 0) {
            return null;
        }
        List<ColumnVector> built = new ArrayList<>(columns.length);
        for (VectorBuilder column : columns) {
            built.add(column.build());
        }
        newBuilders();
        return new Batch(built, rows);
    }

    /** Reads the current record after {@code rowsBefore} rows; returns how many rows it added. */
    private int readRecord(int rowsBefore) throws IOException {
        RecordRead read = parse(records.parser());
        if (read.syntaxProblem == null && problems.first() == null && records.confined()) {
            appendCorrupt(read.rows, false);
            return read.rows;
        }
        if (records.isolate()) {
            truncate(rowsBefore);
            read = parse(records.parser());
        }
        String problem = read.syntaxProblem != null ? read.syntaxProblem : problems.first();
        if (problem == null) {
            appendCorrupt(read.rows, false);
            return read.rows;
        }
        switch (options.mode) {
            case FAILFAST -> throw malformed(problem);
            case DROPMALFORMED -> {
                truncate(rowsBefore);
                return 0;
            }
            default -> {
                // The fields that converted stay (Spark's partial results), unless the JSON itself
                // is bad or the record held several rows: then the record is one row of nulls.
                if (read.syntaxProblem != null || read.rows != 1) {
                    truncate(rowsBefore);
                    for (VectorBuilder target : dataTargets) {
                        target.appendNull();
                    }
                }
                appendCorrupt(1, true);
                return 1;
            }
        }
    }

    /** The rows a record added, and what is wrong with its JSON (null when nothing). */
    private record RecordRead(int rows, String syntaxProblem) {
    }

    /** Reads one record from the parser into the data columns, noting conversion problems in {@link #problems}. */
    private RecordRead parse(JsonParser parser) {
        problems.clear();
        int added = 0;
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                rowReader.read(parser, dataTargets);
                return new RecordRead(1, null);
            }
            if (token == JsonToken.START_ARRAY) {
                while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
                    rowReader.read(parser, dataTargets);
                    added++;
                }
                if (token != JsonToken.END_ARRAY) {
                    return new RecordRead(added, token == null ? "unexpected end of input inside an array" : "an array element that is not an object");
                }
                return new RecordRead(added, null);
            }
            return new RecordRead(0, token == null ? null : "a record that is not a JSON object");
        } catch (IOException e) {
            return new RecordRead(added, e.getMessage());
        }
    }

    private void appendCorrupt(int rows, boolean malformed) {
        if (corruptPosition < 0) {
            return;
        }
        VectorBuilder.StringBuilder corrupt = (VectorBuilder.StringBuilder) columns[corruptPosition];
        for (int i = 0; i < rows; i++) {
            if (malformed) {
                records.copyTo(corrupt);
            } else {
                corrupt.appendNull();
            }
        }
    }

    private void truncate(int rows) {
        for (VectorBuilder target : dataTargets) {
            target.truncate(rows);
        }
    }

    /** Spark's FAILFAST error: the malformed record (file, line, text) as the cause of a failed read of the file. */
    private EmberException malformed(String problem) {
        EmberException cause = EmberException.of(ErrorClass.MALFORMED_RECORD_IN_PARSING, "record",
                records.path() + ":" + records.line() + ": " + records.text() + " (" + problem + ")");
        return EmberException.of(ErrorClass.FAILED_READ_FILE, "path", records.path(), "reason", cause.getMessage()).withCause(cause);
    }

    private void newBuilders() {
        columns = new VectorBuilder[outputSchema.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = VectorBuilder.create(outputSchema.field(i).dataType(), Batch.TARGET_ROWS);
        }
        dataTargets = new VectorBuilder[dataPositions.length];
        for (int i = 0; i < dataPositions.length; i++) {
            dataTargets[i] = columns[dataPositions[i]];
        }
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
