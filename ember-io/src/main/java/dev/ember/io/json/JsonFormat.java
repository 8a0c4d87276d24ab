package dev.ember.io.json;

import dev.ember.io.text.Compression;
import dev.ember.fs.Location;
import static java.util.Objects.requireNonNull;

import dev.ember.fs.InputFile;
import dev.ember.fs.OutputFile;
import dev.ember.source.BatchReader;
import dev.ember.source.BatchWriter;
import dev.ember.source.FileFormat;
import dev.ember.source.FileSplit;
import dev.ember.source.ReadOptions;
import dev.ember.source.WriteOptions;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.util.List;

/**
 * JSON files with Spark's options and semantics, parsed and written with Jackson's streaming API.
 *
 * <p>Reading: JSON lines by default (split at line boundaries, except {@code .gz} files and
 * encodings other than UTF-8), or with {@code multiLine} one JSON value per file (an object, or an
 * array of objects). Schema inference: {@code primitivesAsString}, {@code prefersDecimal},
 * {@code inferTimestamp}, {@code samplingRatio},
 * {@code dropFieldIfAllNull}. Parsing: {@code allowComments}, {@code allowUnquotedFieldNames},
 * {@code allowSingleQuotes}, {@code allowNumericLeadingZeros}, {@code allowNonNumericNumbers},
 * {@code allowBackslashEscapingAnyCharacter}, {@code allowUnquotedControlChars}, {@code encoding},
 * {@code lineSep}, {@code dateFormat}, {@code timestampFormat}, {@code timeZone}, {@code mode},
 * {@code columnNameOfCorruptRecord}.
 *
 * <p>Writing: one object per line, {@code ignoreNullFields}, {@code dateFormat},
 * {@code timestampFormat}, {@code timeZone}, {@code encoding}, {@code lineSep},
 * {@code compression} (none or gzip).
 */
public final class JsonFormat implements FileFormat {
    @Override
    public String shortName() {
        return "json";
    }

    @Override
    public StructType inferSchema(List<InputFile> files, ReadOptions options) throws IOException {
        requireNonNull(files, "files is null");
        return new JsonSchemaInference(JsonOptions.forRead(options)).infer(files);
    }

    @Override
    public boolean isSplittable(Location file, ReadOptions options) {
        JsonOptions json = JsonOptions.forRead(options);
        return !json.multiLine && json.isUtf8() && Compression.ofFile(file.path()) == Compression.NONE;
    }

    @Override
    public BatchReader open(InputFile file, FileSplit split, StructType dataSchema, int[] requiredColumns, ReadOptions options) {
        return new JsonBatchReader(file, split, dataSchema, requiredColumns.clone(), JsonOptions.forRead(options));
    }

    @Override
    public BatchWriter create(OutputFile file, StructType schema, WriteOptions options) throws IOException {
        return new JsonBatchWriter(file, schema, JsonOptions.forWrite(options));
    }

    @Override
    public String fileExtension(WriteOptions options) {
        return ".json" + JsonOptions.forWrite(options).compression.extension();
    }
}
