package dev.ember.exec;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.Literal;
import dev.ember.fs.FileSystems;
import dev.ember.fs.InputFile;
import dev.ember.fs.Location;
import dev.ember.source.BatchReader;
import dev.ember.source.FileFormat;
import dev.ember.source.FileFormats;
import dev.ember.source.FileSplit;
import dev.ember.source.ReadOptions;
import dev.ember.source.SourceFilter;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads file splits with a format; each partition reads a group of splits, one after the other.
 * The partition columns read follow the data columns: constants per file, never read from it.
 */
public final class FileScanExec extends LeafExec {
    private static final long serialVersionUID = 1L;

    private final String format;
    private final List<List<FileSplit>> partitions;
    private final StructType dataSchema;
    private final int[] requiredColumns;
    private final List<SourceFilter> pushedFilters;
    private final Map<String, String> options;
    private final Map<String, String> fileSystemSettings;
    private final PartitionColumns partitionColumns;
    private final List<String> partitionFilters;

    /**
     * The partition columns a scan outputs after the data columns: their types, and their values
     * for each file. {@code skipFirstDataColumn} is set when the query reads no data column: the
     * first one is then read, only to count rows, and dropped.
     */
    public record PartitionColumns(List<DataType> types, Map<Location, List<Object>> valuesByFile, boolean skipFirstDataColumn)
            implements Serializable {
        public static final PartitionColumns NONE = new PartitionColumns(List.of(), Map.of(), false);

        public PartitionColumns {
            types = List.copyOf(types);
            valuesByFile = Map.copyOf(valuesByFile);
        }
    }

    public FileScanExec(String format, List<List<FileSplit>> partitions, StructType dataSchema, int[] requiredColumns,
            List<SourceFilter> pushedFilters, Map<String, String> options, Map<String, String> fileSystemSettings,
            List<AttributeReference> output, PartitionColumns partitionColumns, List<String> partitionFilters) {
        super(output);
        this.partitionColumns = partitionColumns;
        this.partitionFilters = List.copyOf(partitionFilters);
        this.format = format;
        this.partitions = partitions.stream().map(List::copyOf).toList();
        this.dataSchema = dataSchema;
        this.requiredColumns = requiredColumns.clone();
        this.pushedFilters = List.copyOf(pushedFilters);
        this.options = Map.copyOf(options);
        this.fileSystemSettings = Map.copyOf(fileSystemSettings);
    }



    @Override
    public int partitionCount() {
        return Math.max(1, partitions.size());
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        List<FileSplit> splits = partitions.isEmpty() ? List.of() : partitions.get(partition);
        FileFormat fileFormat = FileFormats.find(format);
        ReadOptions readOptions = new ReadOptions(options);
        OperatorMetrics metrics = context.operatorMetrics().of(this);
        return new Operator() {
            private int nextSplit;
            private BatchReader reader;
            private List<Literal> constants = List.of();
            private List<ColumnVector> constantVectors = List.of();

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
                            context.metrics().inputRead(0, split.length());
                            metrics.add(OperatorMetric.FILES_READ, 1);
                            metrics.add(OperatorMetric.BYTES_READ, split.length());
                            constants = constantsOf(split);
                            constantVectors = List.of();
                        }
                        Batch batch = reader.next();
                        if (batch != null && batch.rowCount() > 0) {
                            context.metrics().inputRead(batch.rowCount(), 0);
                            return withPartitionValues(batch);
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

            /** The data columns, then the file's partition values, made once per split and batch size. */
            private Batch withPartitionValues(Batch batch) {
                if (constants.isEmpty()) {
                    return batch;
                }
                if (constantVectors.isEmpty() || constantVectors.get(0).size() != batch.rowCount()) {
                    constantVectors = constants.stream().map(c -> c.repeat(batch.rowCount())).toList();
                }
                List<ColumnVector> columns = new ArrayList<>(batch.columns());
                if (partitionColumns.skipFirstDataColumn()) {
                    columns.remove(0);
                }
                columns.addAll(constantVectors);
                return new Batch(columns, batch.rowCount());
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

    private List<Literal> constantsOf(FileSplit split) {
        if (partitionColumns.types().isEmpty()) {
            return List.of();
        }
        List<Object> values = partitionColumns.valuesByFile().get(split.location());
        List<Literal> literals = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            literals.add(new Literal(values.get(i), partitionColumns.types().get(i)));
        }
        return literals;
    }

    @Override
    public String nodeString() {
        return "FileScan " + format + " " + output().stream().map(AttributeReference::debugString).toList()
                + ", " + partitions.stream().mapToInt(List::size).sum() + " splits in " + partitionCount() + " partitions"
                + (partitionFilters.isEmpty() ? "" : ", PartitionFilters: " + partitionFilters)
                + (pushedFilters.isEmpty() ? "" : ", PushedFilters: " + pushedFilters);
    }
}
