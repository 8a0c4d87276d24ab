package dev.ember.exec;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.AttributeReference;
import dev.ember.fs.FileSystem;
import dev.ember.fs.FileSystems;
import dev.ember.fs.Location;
import dev.ember.fs.OutputFile;
import dev.ember.source.BatchWriter;
import dev.ember.source.FileFormat;
import dev.ember.source.FileFormats;
import dev.ember.source.WriteOptions;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes each partition of its child to one file in a job's staging directory. The commit
 * protocol ({@code dev.ember.sql.FileCommit}) moves the files into place only when every task
 * succeeded. Produces no rows.
 */
public final class WriteFilesExec extends UnaryExec {
    private static final long serialVersionUID = 1L;

    private final String format;
    private final Location stagingDirectory;
    private final String jobId;
    private final Map<String, String> options;
    private final Map<String, String> fileSystemSettings;

    public WriteFilesExec(String format, Location stagingDirectory, String jobId, Map<String, String> options,
            Map<String, String> fileSystemSettings, PhysicalPlan child) {
        super(child);
        this.format = format;
        this.stagingDirectory = stagingDirectory;
        this.jobId = jobId;
        this.options = Map.copyOf(options);
        this.fileSystemSettings = Map.copyOf(fileSystemSettings);
    }

    @Override
    public List<AttributeReference> output() {
        return List.of();
    }

    @Override
    public Operator open(TaskContext context, int partition) {
        Operator input = child.open(context, partition);
        FileFormat fileFormat = FileFormats.find(format);
        WriteOptions writeOptions = new WriteOptions(options);
        StructType schema = new StructType(child.output().stream()
                .map(a -> new StructField(a.name(), a.dataType(), a.nullable())).toList());
        Location file = stagingDirectory.resolve(String.format("part-%05d-%s%s", partition, jobId, fileFormat.fileExtension(writeOptions)));
        FileSystem fileSystem = FileSystems.of(file, fileSystemSettings);
        return new Operator() {
            @Override
            public Batch next() {
                BatchWriter writer;
                try {
                    writer = fileFormat.create(new OutputFile(fileSystem, file), schema, writeOptions);
                } catch (IOException e) {
                    throw EmberException.of(ErrorClass.IO_ERROR, "operation", "Creating", "path", file, "detail", String.valueOf(e.getMessage()));
                }
                try {
                    for (Batch batch = input.next(); batch != null; batch = input.next()) {
                        writer.write(batch);
                    }
                    writer.close();
                } catch (IOException | RuntimeException e) {
                    writer.abort();
                    if (e instanceof EmberException ember) {
                        throw ember;
                    }
                    throw EmberException.of(ErrorClass.IO_ERROR, "operation", "Writing", "path", file, "detail", String.valueOf(e.getMessage()))
                            .withCause(e);
                }
                return null;
            }

            @Override
            public void close() {
                input.close();
            }
        };
    }

    @Override
    public String nodeString() {
        return "WriteFiles " + format + " to " + stagingDirectory;
    }
}
