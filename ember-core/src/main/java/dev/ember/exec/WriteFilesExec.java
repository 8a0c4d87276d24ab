package dev.ember.exec;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.BoundReference;
import dev.ember.expr.Cast;
import dev.ember.fs.FileSystem;
import dev.ember.fs.FileSystems;
import dev.ember.fs.Location;
import dev.ember.fs.OutputFile;
import dev.ember.source.BatchWriter;
import dev.ember.source.FileFormat;
import dev.ember.source.FileFormats;
import dev.ember.source.PartitionPaths;
import dev.ember.source.WriteOptions;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.StringVector;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes each partition of its child to files in a job's staging directory: one file, or with
 * partition columns ({@code partitionBy}) one file per partition value the task sees, under
 * {@code col=value/} directories, the partition columns left out of the files. The commit
 * protocol ({@code DataFrameWriter}) moves the files into place only when every task succeeded.
 * Produces no rows.
 */
public final class WriteFilesExec extends UnaryExec {
    private static final long serialVersionUID = 1L;

    private final String format;
    private final Location stagingDirectory;
    private final String jobId;
    private final Map<String, String> options;
    private final Map<String, String> fileSystemSettings;
    private final int[] partitionColumns;
    private final ZoneId zone;

    public WriteFilesExec(String format, Location stagingDirectory, String jobId, Map<String, String> options,
            Map<String, String> fileSystemSettings, PhysicalPlan child) {
        this(format, stagingDirectory, jobId, options, fileSystemSettings, new int[0], ZoneId.of("UTC"), child);
    }

    /**
     * @param partitionColumns positions in the child's output of the partition columns, in directory order
     * @param zone the session time zone, in which timestamps are written in directory names
     */
    public WriteFilesExec(String format, Location stagingDirectory, String jobId, Map<String, String> options,
            Map<String, String> fileSystemSettings, int[] partitionColumns, ZoneId zone, PhysicalPlan child) {
        super(child);
        this.format = format;
        this.stagingDirectory = stagingDirectory;
        this.jobId = jobId;
        this.options = Map.copyOf(options);
        this.fileSystemSettings = Map.copyOf(fileSystemSettings);
        this.partitionColumns = partitionColumns.clone();
        this.zone = zone;
    }

    @Override
    public List<AttributeReference> output() {
        return List.of();
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        Operator input = child.open(context, partition);
        FileFormat fileFormat = FileFormats.find(format);
        WriteOptions writeOptions = new WriteOptions(options);
        List<AttributeReference> columns = child.output();
        int[] dataColumns = java.util.stream.IntStream.range(0, columns.size())
                .filter(c -> Arrays.stream(partitionColumns).noneMatch(p -> p == c)).toArray();
        StructType dataSchema = new StructType(Arrays.stream(dataColumns)
                .mapToObj(c -> new StructField(columns.get(c).name(), columns.get(c).dataType(), columns.get(c).nullable())).toList());
        String fileName = String.format("part-%05d-%s%s", partition, jobId, fileFormat.fileExtension(writeOptions));
        return new Operator() {
            /** The open writers by partition directory ("" without partition columns). */
            private final Map<String, BatchWriter> writers = new LinkedHashMap<>();
            private Location current = stagingDirectory.resolve(fileName);

            @Override
            public Batch next() {
                try {
                    if (partitionColumns.length == 0) {
                        writer("");
                    }
                    for (Batch batch = input.next(); batch != null; batch = input.next()) {
                        write(batch);
                    }
                    for (Map.Entry<String, BatchWriter> entry : writers.entrySet()) {
                        current = file(entry.getKey());
                        entry.getValue().close();
                    }
                } catch (IOException | RuntimeException e) {
                    writers.values().forEach(BatchWriter::abort);
                    if (e instanceof EmberException ember) {
                        throw ember;
                    }
                    throw EmberException.of(ErrorClass.IO_ERROR, "operation", "Writing", "path", current, "detail", String.valueOf(e.getMessage()))
                            .withCause(e);
                }
                return null;
            }

            private void write(Batch batch) throws IOException {
                if (partitionColumns.length == 0) {
                    writer("").write(batch);
                    return;
                }
                Map<String, int[]> rowsByDirectory = new LinkedHashMap<>();
                Map<String, Integer> counts = new LinkedHashMap<>();
                String[] directories = directories(batch);
                for (String directory : directories) {
                    counts.merge(directory, 1, Integer::sum);
                }
                if (counts.size() == 1) {
                    writer(directories[0]).write(dataOf(batch, null, batch.rowCount()));
                    return;
                }
                Map<String, Integer> filled = new LinkedHashMap<>();
                for (int row = 0; row < directories.length; row++) {
                    int[] rows = rowsByDirectory.computeIfAbsent(directories[row], d -> new int[counts.get(d)]);
                    rows[filled.merge(directories[row], 1, Integer::sum) - 1] = row;
                }
                for (Map.Entry<String, int[]> entry : rowsByDirectory.entrySet()) {
                    writer(entry.getKey()).write(dataOf(batch, entry.getValue(), entry.getValue().length));
                }
            }

            /** Each row's partition directory: {@code year=2024/month=1}, values as strings (in the session zone), escaped. */
            private String[] directories(Batch batch) {
                String[] directories = new String[batch.rowCount()];
                Arrays.fill(directories, "");
                for (int p = 0; p < partitionColumns.length; p++) {
                    AttributeReference column = columns.get(partitionColumns[p]);
                    ColumnVector values = new Cast(new BoundReference(partitionColumns[p], column.dataType(), column.nullable(), column.name()),
                            AtomicType.STRING).withZone(zone).eval(batch);
                    StringVector strings = (StringVector) values;
                    for (int row = 0; row < directories.length; row++) {
                        String value = strings.isNull(row) ? null : strings.getString(row);
                        directories[row] += (p == 0 ? "" : "/") + PartitionPaths.directoryName(column.name(), value);
                    }
                }
                return directories;
            }

            private Batch dataOf(Batch batch, int[] rows, int count) {
                List<ColumnVector> data = new ArrayList<>();
                for (int c : dataColumns) {
                    data.add(rows == null ? batch.column(c) : batch.column(c).gather(rows, count));
                }
                return new Batch(data, count);
            }

            private Location file(String directory) {
                return directory.isEmpty() ? stagingDirectory.resolve(fileName) : stagingDirectory.resolve(directory + "/" + fileName);
            }

            private BatchWriter writer(String directory) throws IOException {
                BatchWriter writer = writers.get(directory);
                if (writer == null) {
                    current = file(directory);
                    FileSystem fileSystem = FileSystems.of(current, fileSystemSettings);
                    writer = fileFormat.create(new OutputFile(fileSystem, current), dataSchema, writeOptions);
                    writers.put(directory, writer);
                }
                return writer;
            }

            @Override
            public void close() {
                input.close();
            }
        };
    }

    @Override
    public String nodeString() {
        String partitioned = partitionColumns.length == 0 ? ""
                : " partitioned by " + Arrays.stream(partitionColumns).mapToObj(c -> child.output().get(c).name()).toList();
        return "WriteFiles " + format + " to " + stagingDirectory + partitioned;
    }
}
