package dev.ember.source;

import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
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

    /**
     * The schema of the data in {@code files} (at least one), as Spark would infer it with these
     * options. Called once per read on the driver; may read the files.
     *
     * @throws dev.ember.error.EmberException naming the file, line or column on bad input
     */
    StructType inferSchema(List<Path> files, ReadOptions options) throws IOException;

    /**
     * Opens one split for reading. {@code dataSchema} is the schema of the whole file (inferred or
     * given by the user); {@code requiredColumns} lists, in output order, the indexes into
     * {@code dataSchema} of the columns the query needs, so that a format can skip the others.
     * Called in a task, possibly on an executor; the reader is used by one thread.
     */
    BatchReader open(FileSplit split, StructType dataSchema, int[] requiredColumns, ReadOptions options) throws IOException;

    /**
     * Creates a writer for one output file, created fresh at {@code file}. Called in a task; the
     * writer is used by one thread. The commit protocol decides where {@code file} lives and
     * moves it into place when the job commits.
     */
    BatchWriter create(Path file, StructType schema, WriteOptions options) throws IOException;

    /** The extension of files this format writes, with its dot: {@code .csv}, {@code .json}. */
    String fileExtension(WriteOptions options);
}
