package dev.ember.io.parquet;

import dev.ember.fs.Location;
import static java.util.Objects.requireNonNull;

import dev.ember.fs.InputFile;
import dev.ember.fs.OutputFile;
import dev.ember.source.BatchReader;
import dev.ember.source.BatchWriter;
import dev.ember.source.FileFormat;
import dev.ember.source.FileSplit;
import dev.ember.source.ReadOptions;
import dev.ember.source.SourceFilter;
import dev.ember.source.TableStatistics;
import dev.ember.source.WriteOptions;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.util.List;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * Apache Parquet files, through parquet-java without Hadoop: the schema is the first file's (as
 * Spark's default, without merging); a split reads the row groups whose midpoint lies in its byte
 * range; only the required columns are read, and row groups whose statistics rule out the pushed
 * filters are skipped; the footers' row counts and column statistics are the relation's statistics. Writes use Spark's defaults: Snappy (option {@code compression}: none,
 * uncompressed, snappy, gzip, zstd), 128 MiB row groups ({@code parquet.block.size}), 1 MiB pages
 * ({@code parquet.page.size}), dictionary encoding ({@code parquet.enable.dictionary}).
 */
public final class ParquetFormat implements FileFormat {
    @Override
    public String shortName() {
        return "parquet";
    }

    @Override
    public String displayName() {
        return "Parquet";
    }

    @Override
    public StructType inferSchema(List<InputFile> files, ReadOptions options) {
        requireNonNull(files, "files is null");
        InputFile first = files.get(0);
        ParquetMetadata footer = ParquetFooter.read(first);
        return ParquetSchemas.toEmber(footer.getFileMetaData().getSchema(), first.location().toString());
    }

    @Override
    public TableStatistics statistics(List<InputFile> files, StructType dataSchema, ReadOptions options) throws IOException {
        return ParquetStatistics.of(files, dataSchema);
    }

    @Override
    public boolean isSplittable(Location file, ReadOptions options) {
        return true;
    }

    @Override
    public BatchReader open(InputFile file, FileSplit split, StructType dataSchema, int[] requiredColumns, ReadOptions options)
            throws IOException {
        return open(file, split, dataSchema, requiredColumns, List.of(), options);
    }

    @Override
    public BatchReader open(InputFile file, FileSplit split, StructType dataSchema, int[] requiredColumns,
            List<SourceFilter> filters, ReadOptions options) throws IOException {
        ParquetMetadata footer = ParquetFooter.read(file, split.start(), split.start() + split.length());
        return new ParquetBatchReader(file, footer, dataSchema, requiredColumns, filters);
    }

    @Override
    public BatchWriter create(OutputFile file, StructType schema, WriteOptions options) throws IOException {
        long rowGroupBytes = Long.parseLong(options.get("parquet.block.size", String.valueOf(128L << 20)));
        int pageBytes = Integer.parseInt(options.get("parquet.page.size", String.valueOf(1 << 20)));
        return new ParquetBatchWriter(file, schema, ParquetCodec.forWrite(options), rowGroupBytes, pageBytes,
                options.getBoolean("parquet.enable.dictionary", true));
    }

    @Override
    public String fileExtension(WriteOptions options) {
        return ParquetCodec.forWrite(options).extension() + ".parquet";
    }
}
