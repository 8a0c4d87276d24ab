package dev.ember.source;

import dev.ember.fs.Location;
import dev.ember.fs.InputFile;
import dev.ember.fs.OutputFile;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.util.List;

/**
 * A file format (CSV, JSON lines, text, Parquet, ...), found by {@link java.util.ServiceLoader}
 * under its {@link #shortName()}, the name users pass to {@code read().format(..)} and
 * {@code USING ..}. Implementations are stateless and thread-safe; one instance serves every
 * session and task.
 */
public interface FileFormat {
    /** The lower-case name users write: {@code csv}, {@code json}, {@code text}, {@code parquet}. */
    String shortName();

    /** The name messages use, as Spark's: {@code CSV}, {@code JSON}, {@code Parquet}. */
    default String displayName() {
        return shortName().toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The schema of a read that found no files, or null when it can only come from the data (the
     * read then fails with UNABLE_TO_INFER_SCHEMA unless the user gives one).
     */
    default StructType schemaWithoutFiles() {
        return null;
    }

    /**
     * The schema of the data in {@code files} (at least one), as Spark would infer it with these
     * options. Called once per read on the driver; may read the files.
     *
     * @throws dev.ember.error.EmberException naming the file, line or column on bad input
     */
    StructType inferSchema(List<InputFile> files, ReadOptions options) throws IOException;

    /**
     * What the format knows of {@code files} without reading their data (Parquet: its footers' row
     * counts and column statistics), for the optimizer's estimates, or null when it keeps nothing.
     * Called on the driver at most once per relation, when its size is first estimated.
     */
    default TableStatistics statistics(List<InputFile> files, StructType dataSchema, ReadOptions options) throws IOException {
        return null;
    }

    /**
     * Whether {@code file} can be read as several splits with these options. A file that cannot
     * (multi-line records, a compressed text file) is read whole by one task.
     */
    boolean isSplittable(Location file, ReadOptions options);

    /**
     * Opens one split of {@code file} for reading. {@code dataSchema} is the schema of the whole file (inferred or
     * given by the user); {@code requiredColumns} lists, in output order, the indexes into
     * {@code dataSchema} of the columns the query needs, so that a format can skip the others.
     * Called in a task, possibly on an executor; the reader is used by one thread.
     */
    BatchReader open(InputFile file, FileSplit split, StructType dataSchema, int[] requiredColumns, ReadOptions options) throws IOException;

    /**
     * Opens one split as {@link #open(InputFile, FileSplit, StructType, int[], ReadOptions)} does,
     * given filters on the file's columns (which need not be required columns) that a format may use
     * to skip data no row of which can match; it may return rows that do not match. By default the
     * filters are ignored.
     */
    default BatchReader open(InputFile file, FileSplit split, StructType dataSchema, int[] requiredColumns,
            List<SourceFilter> filters, ReadOptions options) throws IOException {
        return open(file, split, dataSchema, requiredColumns, options);
    }

    /**
     * Creates a writer for one output file, created fresh with {@link OutputFile#create()}. Called in a task; the
     * writer is used by one thread. The commit protocol decides where {@code file} lives and
     * moves it into place when the job commits.
     */
    BatchWriter create(OutputFile file, StructType schema, WriteOptions options) throws IOException;

    /** The extension of files this format writes, with its dot: {@code .csv}, {@code .json}. */
    String fileExtension(WriteOptions options);
}
