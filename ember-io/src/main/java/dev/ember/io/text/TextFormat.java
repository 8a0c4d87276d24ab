package dev.ember.io.text;

import dev.ember.fs.Location;
import static java.util.Objects.requireNonNull;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.fs.InputFile;
import dev.ember.fs.OutputFile;
import dev.ember.source.BatchReader;
import dev.ember.source.BatchWriter;
import dev.ember.source.FileFormat;
import dev.ember.source.FileSplit;
import dev.ember.source.ReadOptions;
import dev.ember.source.WriteOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Text files: one string column {@code value}, one row per line, the bytes taken as UTF-8 without
 * decoding. Options: {@code lineSep} (default: any of {@code \n}, {@code \r}, {@code \r\n} on
 * read, {@code \n} on write), {@code wholetext} (one row per file, which is then not split) and,
 * on write, {@code compression} (none or gzip). {@code .gz} files are decompressed on read.
 */
public final class TextFormat implements FileFormat {
    static final StructType SCHEMA = StructType.of(new StructField("value", AtomicType.STRING, true));

    @Override
    public String shortName() {
        return "text";
    }

    @Override
    public StructType schemaWithoutFiles() {
        return SCHEMA;
    }

    @Override
    public StructType inferSchema(List<InputFile> files, ReadOptions options) {
        requireNonNull(files, "files is null");
        return SCHEMA;
    }

    @Override
    public boolean isSplittable(Location file, ReadOptions options) {
        return !options.getBoolean("wholetext", false) && Compression.ofFile(file.path()) == Compression.NONE;
    }

    @Override
    public BatchReader open(InputFile file, FileSplit split, StructType dataSchema, int[] requiredColumns, ReadOptions options) {
        for (int column : requiredColumns) {
            if (column != 0) {
                throw new IllegalArgumentException("text files have one column, not column " + column);
            }
        }
        boolean wholeText = options.getBoolean("wholetext", false);
        LineSeparator separator = LineSeparator.fromOptions(options, StandardCharsets.UTF_8);
        return new TextBatchReader(SplitInput.open(file, split, separator, !wholeText), separator, wholeText, requiredColumns.length);
    }

    /**
     * @throws EmberException UNSUPPORTED_FEATURE unless the schema is exactly one string column, as Spark requires
     */
    @Override
    public BatchWriter create(OutputFile file, StructType schema, WriteOptions options) throws IOException {
        if (schema.size() != 1) {
            throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature",
                    "writing " + schema.size() + " columns as text; the text format writes exactly one string column");
        }
        if (schema.field(0).dataType() != AtomicType.STRING) {
            throw EmberException.of(ErrorClass.UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE, "format", "Text", "columnName",
                    "`" + schema.field(0).name() + "`", "columnType", "\"" + schema.field(0).dataType().simpleString().toUpperCase(java.util.Locale.ROOT) + "\"");
        }
        String separator = options.get("lineSep", "\n");
        if (separator.isEmpty()) {
            throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`lineSep`",
                    "function", "the data source options", "detail", "the line separator must not be empty");
        }
        return new TextBatchWriter(file, separator.getBytes(StandardCharsets.UTF_8), Compression.forWrite(options));
    }

    @Override
    public String fileExtension(WriteOptions options) {
        return ".txt" + Compression.forWrite(options).extension();
    }
}
