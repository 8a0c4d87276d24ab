package dev.ember.exec;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.BoundReference;
import dev.ember.expr.Conjuncts;
import dev.ember.expr.ExprId;
import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.fs.FileSystems;
import dev.ember.fs.InputFile;
import dev.ember.fs.Location;
import dev.ember.source.BatchReader;
import dev.ember.source.FileFormat;
import dev.ember.source.FileFormats;
import dev.ember.source.FileSplit;
import dev.ember.source.LazyBatch;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Reads file splits with a format; each partition reads a group of splits, one after the other.
 * The partition columns read follow the data columns: constants per file, never read from it.
 *
 * <p>A filter right above the scan may be applied as it reads ({@link #filtered}): each batch's
 * columns the condition reads are decoded first, into arrays the reader reuses, the rows it keeps
 * chosen by {@link Expression#select}, and only those rows output: copied out of the condition's
 * columns, and the other columns decoded at those rows only (skipped when no row is kept:
 * {@link LazyBatch}); columns only the condition reads are not output.
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
    /** The columns read: the data columns, then the partition columns; the output unless a filter is applied. */
    private final List<AttributeReference> read;
    /** The condition of the filter applied as the scan reads, bound to the read columns it reads; null for none. */
    private final Expression condition;
    /** The positions among the read columns of those the condition reads, in order. */
    private final int[] conditionColumns;
    /** The positions among the read columns of the output columns. */
    private final int[] outputColumns;

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
        this(format, partitions, dataSchema, requiredColumns, pushedFilters, options, fileSystemSettings, output, partitionColumns,
                partitionFilters, output, null, new int[0], IntStream.range(0, output.size()).toArray());
    }

    private FileScanExec(String format, List<List<FileSplit>> partitions, StructType dataSchema, int[] requiredColumns,
            List<SourceFilter> pushedFilters, Map<String, String> options, Map<String, String> fileSystemSettings,
            List<AttributeReference> output, PartitionColumns partitionColumns, List<String> partitionFilters,
            List<AttributeReference> read, Expression condition, int[] conditionColumns, int[] outputColumns) {
        super(output);
        this.read = List.copyOf(read);
        this.condition = condition;
        this.conditionColumns = conditionColumns;
        this.outputColumns = outputColumns;
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

    /** Whether filters apply as the scan reads ({@link #filtered}, {@link #and}): it reads no partition column. */
    public boolean canFilter() {
        return partitionColumns.types().isEmpty();
    }

    /** Whether the scan applies a filter to the rows it reads. */
    public boolean filters() {
        return condition != null;
    }

    /**
     * This scan applying {@code condition} (over its columns) to the rows it reads, and outputting
     * {@code output} (some of its columns) only. A scan of partition columns, or already filtered, is not.
     */
    public FileScanExec filtered(Expression condition, List<AttributeReference> output) {
        if (this.condition != null) {
            throw EmberException.internal("a second filter cannot be applied by " + nodeString(), null);
        }
        return applying(condition, output);
    }

    /**
     * This scan keeping only the rows where {@code conjunct} (bound to its output) holds too,
     * checked after its condition: a filter it applies, with the same output.
     */
    public FileScanExec and(Expression conjunct) {
        Expression added = unbound(conjunct, output());
        if (condition == null) {
            return applying(added, output());
        }
        List<AttributeReference> tested = IntStream.of(conditionColumns).mapToObj(read::get).toList();
        return applying(Conjuncts.and(unbound(condition, tested), added), output());
    }

    /** {@code expression} with its positions in {@code input} made the columns there again. */
    private static Expression unbound(Expression expression, List<AttributeReference> input) {
        return expression.transformUp(e -> e instanceof BoundReference column ? input.get(column.ordinal()) : e);
    }

    private FileScanExec applying(Expression condition, List<AttributeReference> output) {
        if (!canFilter()) {
            throw EmberException.internal("a filter cannot be applied by " + nodeString(), null);
        }
        Set<ExprId> referenced = new HashSet<>();
        condition.collect(AttributeReference.class).forEach(a -> referenced.add(a.exprId()));
        List<AttributeReference> tested = read.stream().filter(a -> referenced.contains(a.exprId())).toList();
        return new FileScanExec(format, partitions, dataSchema, requiredColumns, pushedFilters, options, fileSystemSettings,
                output, partitionColumns, partitionFilters, read, bind(condition, tested),
                tested.stream().mapToInt(this::readPosition).toArray(), output.stream().mapToInt(this::readPosition).toArray());
    }

    /** The shuffles a key filter of the condition reads ({@link KeysIn#source}). */
    @Override
    public List<PhysicalPlan> readBesideChildren() {
        return condition == null ? List.of() : condition.collect(KeysIn.class).stream().map(KeysIn::source).toList();
    }

    private int readPosition(AttributeReference attribute) {
        for (int i = 0; i < read.size(); i++) {
            if (read.get(i).exprId().equals(attribute.exprId())) {
                return i;
            }
        }
        throw EmberException.internal(attribute.debugString() + " is not read by " + nodeString(), null);
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
            /** The rows a filter keeps, reused from batch to batch: what is read at them is copied out. */
            private int[] rows = new int[0];

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
                        if (condition != null) {
                            LazyBatch batch = reader.nextLazy();
                            if (batch == null) {
                                reader.close();
                                reader = null;
                                continue;
                            }
                            context.metrics().inputRead(batch.rowCount(), 0);
                            Batch kept = select(batch);
                            if (kept.rowCount() > 0) {
                                return kept;
                            }
                            continue;
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

            /** The output columns at the rows of {@code batch} where the condition is true (not NULL). */
            private Batch select(LazyBatch batch) {
                int n = batch.rowCount();
                List<ColumnVector> tested = new ArrayList<>(conditionColumns.length);
                for (int column : conditionColumns) {
                    // Decoded into arrays the reader reuses: what is output of them is copied out below.
                    tested.add(batch.peek(column));
                }
                if (rows.length < n) {
                    rows = new int[n];
                }
                int count = condition.select(new Batch(tested, n), rows);
                List<ColumnVector> columns = new ArrayList<>(outputColumns.length);
                for (int column = 0; column < outputColumns.length && count > 0; column++) {
                    int testedAt = indexOf(conditionColumns, outputColumns[column]);
                    if (testedAt >= 0) {
                        columns.add(tested.get(testedAt).gather(rows, count));
                    } else {
                        columns.add(count == n ? batch.column(outputColumns[column]) : batch.column(outputColumns[column], rows, count));
                    }
                }
                return new Batch(columns, count);
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

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
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
                + (pushedFilters.isEmpty() ? "" : ", PushedFilters: " + pushedFilters)
                + (condition == null ? "" : ", Filter: " + condition);
    }
}
