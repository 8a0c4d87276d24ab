package dev.ember.exec;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.AttributeReference;
import dev.ember.fs.FileSystems;
import dev.ember.fs.InputFile;
import dev.ember.source.BatchReader;
import dev.ember.source.FileFormat;
import dev.ember.source.FileFormats;
import dev.ember.source.FileSplit;
import dev.ember.source.ReadOptions;
import dev.ember.source.SourceFilter;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Reads file splits with a format; each partition reads a group of splits, one after the other. */
public final class FileScanExec extends PhysicalPlan {
    private static final long serialVersionUID = 1L;

    private final String format;
    private final List<List<FileSplit>> partitions;
    private final StructType dataSchema;
    private final int[] requiredColumns;
    private final List<SourceFilter> pushedFilters;
    private final Map<String, String> options;
    private final Map<String, String> fileSystemSettings;
    private final List<AttributeReference> output;

    public FileScanExec(String format, List<List<FileSplit>> partitions, StructType dataSchema, int[] requiredColumns,
            List<SourceFilter> pushedFilters, Map<String, String> options, Map<String, String> fileSystemSettings,
            List<AttributeReference> output) {
        this.format = format;
        this.partitions = partitions.stream().map(List::copyOf).toList();
        this.dataSchema = dataSchema;
        this.requiredColumns = requiredColumns.clone();
        this.pushedFilters = List.copyOf(pushedFilters);
        this.options = Map.copyOf(options);
        this.fileSystemSettings = Map.copyOf(fileSystemSettings);
        this.output = List.copyOf(output);
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of();
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public int partitionCount() {
        return Math.max(1, partitions.size());
    }

    @Override
    public Operator open(TaskContext context, int partition) {
        List<FileSplit> splits = partitions.isEmpty() ? List.of() : partitions.get(partition);
        FileFormat fileFormat = FileFormats.find(format);
        ReadOptions readOptions = new ReadOptions(options);
        return new Operator() {
            private int nextSplit;
            private BatchReader reader;

            @Override
            public Batch next() {
                try {
                    while (true) {
                        if (reader == null) {
                            if (nextSplit == splits.size()) {
                                return null;
                            }
                            FileSplit split = splits.get(nextSplit++);
                            InputFile file = FileSystems.of(split.location(), fileSystemSettings).newInputFile(split.file());
                            reader = fileFormat.open(file, split, dataSchema, requiredColumns, pushedFilters, readOptions);
                        }
                        Batch batch = reader.next();
                        if (batch != null && batch.rowCount() > 0) {
                            return batch;
                        }
                        if (batch == null) {
                            reader.close();
                            reader = null;
                        }
                    }
                } catch (IOException e) {
                    throw EmberException.of(ErrorClass.IO_ERROR, "operation", "Reading", "path",
                            splits.get(Math.max(0, nextSplit - 1)).path(), "detail", String.valueOf(e.getMessage())).withCause(e);
                }
            }

            @Override
            public void close() {
                if (reader != null) {
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };
    }

    @Override
    public String nodeString() {
        return "FileScan " + format + " " + output.stream().map(AttributeReference::debugString).toList()
                + ", " + partitions.stream().mapToInt(List::size).sum() + " splits in " + partitionCount() + " partitions"
                + (pushedFilters.isEmpty() ? "" : ", PushedFilters: " + pushedFilters);
    }
}
