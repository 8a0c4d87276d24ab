package dev.ember.io.csv;

import dev.ember.io.text.Compression;
import dev.ember.fs.Location;
import static java.util.Objects.requireNonNull;

import dev.ember.fs.InputFile;
import dev.ember.fs.OutputFile;
import dev.ember.sql.types.StructType;
import dev.ember.source.BatchReader;
import dev.ember.source.BatchWriter;
import dev.ember.source.FileFormat;
import dev.ember.source.FileSplit;
import dev.ember.source.ReadOptions;
import dev.ember.source.WriteOptions;
import java.io.IOException;
import java.util.List;

/**
 * CSV files with Spark's options and semantics, parsed by FastCSV (after {@link QuoteNormalizingReader}
 * turns Spark's dialect into RFC 4180) and written by {@link CsvRecordWriter}.
 *
 * <p>Reading: {@code header}, {@code inferSchema}, {@code sep}/{@code delimiter} (several
 * characters allowed), {@code quote} (empty turns quoting off), {@code escape},
 * {@code charToEscapeQuoteEscaping}, {@code comment},
 * {@code nullValue}, {@code nanValue}/{@code positiveInf}/{@code negativeInf}, {@code dateFormat},
 * {@code timestampFormat}, {@code timeZone}, {@code preferDate}, {@code mode},
 * {@code columnNameOfCorruptRecord}, {@code encoding}/{@code charset}, {@code lineSep},
 * {@code ignoreLeadingWhiteSpace}/{@code ignoreTrailingWhiteSpace}, {@code multiLine}. Files are
 * split at line boundaries unless {@code multiLine} is on or they are compressed ({@code .gz}).
 *
 * <p>Writing adds {@code quoteAll}, {@code escapeQuotes}, {@code emptyValue}, {@code compression} (none or gzip) and {@code extension}.
 */
public final class CsvFormat implements FileFormat {
    @Override
    public String shortName() {
        return "csv";
    }

    @Override
    public StructType inferSchema(List<InputFile> files, ReadOptions options) throws IOException {
        requireNonNull(files, "files is null");
        return new CsvSchemaInference(CsvOptions.forRead(options)).infer(files);
    }

    @Override
    public boolean isSplittable(Location file, ReadOptions options) {
        return !options.getBoolean("multiLine", false) && Compression.ofFile(file.path()) == Compression.NONE;
    }

    @Override
    public BatchReader open(InputFile file, FileSplit split, StructType dataSchema, int[] requiredColumns, ReadOptions options) {
        return new CsvBatchReader(file, split, dataSchema, requiredColumns.clone(), CsvOptions.forRead(options));
    }

    @Override
    public BatchWriter create(OutputFile file, StructType schema, WriteOptions options) throws IOException {
        return new CsvBatchWriter(file, schema, CsvOptions.forWrite(options));
    }

    @Override
    public String fileExtension(WriteOptions options) {
        CsvOptions csv = CsvOptions.forWrite(options);
        return "." + csv.extension + csv.compression.extension();
    }
}
