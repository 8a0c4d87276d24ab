package dev.ember.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.fs.FileEntry;
import dev.ember.source.ColumnStatistics;
import dev.ember.source.FileStatistics;
import dev.ember.source.Partitioning;
import dev.ember.source.SourceFilter;
import dev.ember.source.TableStatistics;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Files read with a format: the files found when the relation was created, the schema of their
 * data, the partition columns of their directories, and the options. Each column of
 * {@code dataSchema}, then each partition column, has an attribute; the output is the columns
 * still read ({@link #columns()}): all of them until the optimizer prunes those no one uses.
 * Partition columns are never read from the files: each file's values come from its directory.
 * {@link #pushedFilters()} are the conditions of the filter above on data columns, handed to the
 * format so that it can skip data (the filter stays: they only skip what cannot match).
 * {@link #statistics()} are what the format knows of the files without reading their data.
 */
public final class FileRelation extends LeafNode {
    private final String format;
    private final List<FileEntry> files;
    private final StructType dataSchema;
    private final Partitioning partitioning;
    private final List<Expression> partitionFilters;
    private final List<SourceFilter> pushedFilters;
    private final Map<String, String> options;
    private final List<AttributeReference> attributes;
    private final int[] columns;
    private final String description;
    private final FileStatistics statistics;

    public FileRelation(String format, List<FileEntry> files, StructType dataSchema, Map<String, String> options,
            List<AttributeReference> attributes, String description) {
        this(format, files, dataSchema, Partitioning.NONE, options, attributes, description, FileStatistics.NONE);
    }

    /** {@code attributes} are those of the data columns, then of the partition columns. */
    public FileRelation(String format, List<FileEntry> files, StructType dataSchema, Partitioning partitioning,
            Map<String, String> options, List<AttributeReference> attributes, String description, FileStatistics statistics) {
        this(format, files, dataSchema, partitioning, List.of(), List.of(), options, attributes,
                IntStream.range(0, attributes.size()).toArray(), description, statistics);
    }

    private FileRelation(String format, List<FileEntry> files, StructType dataSchema, Partitioning partitioning,
            List<Expression> partitionFilters, List<SourceFilter> pushedFilters, Map<String, String> options, List<AttributeReference> attributes, int[] columns,
            String description, FileStatistics statistics) {
        this.format = requireNonNull(format, "format is null");
        this.files = List.copyOf(files);
        this.dataSchema = requireNonNull(dataSchema, "dataSchema is null");
        this.partitioning = requireNonNull(partitioning, "partitioning is null");
        this.partitionFilters = List.copyOf(partitionFilters);
        this.pushedFilters = List.copyOf(pushedFilters);
        this.options = Map.copyOf(options);
        this.attributes = List.copyOf(attributes);
        this.columns = columns.clone();
        this.description = description;
        this.statistics = requireNonNull(statistics, "statistics is null");
        if (attributes.size() != dataSchema.size() + partitioning.schema().size()) {
            throw new IllegalArgumentException(attributes.size() + " attributes for " + dataSchema.size() + " data and "
                    + partitioning.schema().size() + " partition columns");
        }
    }

    /** The same files reading only the columns whose attributes {@code keep} accepts (at least one, so rows still count). */
    public FileRelation withColumns(Predicate<AttributeReference> keep) {
        int[] kept = Arrays.stream(columns).filter(c -> keep.test(attributes.get(c))).toArray();
        if (kept.length == 0 && columns.length > 0) {
            kept = new int[] {columns[0]};
        }
        return kept.length == columns.length ? this
                : new FileRelation(format, files, dataSchema, partitioning, partitionFilters, pushedFilters, options, attributes, kept,
                        description, statistics);
    }

    /** The same relation handing {@code filters} to the format. */
    public FileRelation withPushedFilters(List<SourceFilter> filters) {
        return new FileRelation(format, files, dataSchema, partitioning, partitionFilters, filters, options, attributes, columns, description,
                statistics);
    }

    public List<SourceFilter> pushedFilters() {
        return pushedFilters;
    }

    /** The name in {@code dataSchema} of one of this relation's data columns, or null if the attribute is not one. */
    public String columnName(AttributeReference attribute) {
        for (int i = 0; i < dataSchema.size(); i++) {
            if (attributes.get(i).exprId().equals(attribute.exprId())) {
                return dataSchema.field(i).name();
            }
        }
        return null;
    }

    /** Only the files of the partitions that {@code filters} (on partition columns only) let through. */
    public FileRelation withPartitionsPruned(List<FileEntry> kept, List<Expression> filters) {
        return new FileRelation(format, kept, dataSchema, partitioning, filters, pushedFilters, options, attributes, columns, description,
                statistics.of(kept));
    }

    /**
     * The indexes of the columns read, in output order: below {@code dataSchema().size()} a data
     * column, from there on a partition column (data columns always come first).
     */
    public int[] columns() {
        return columns.clone();
    }

    public String format() {
        return format;
    }

    /** The files as listed when the relation was made, with their lengths. */
    public List<FileEntry> files() {
        return files;
    }

    /** The format's statistics of the files (read on first call), or null when it keeps none. */
    public TableStatistics statistics() {
        return statistics.get();
    }

    /** The statistics of a data column from the files' statistics, or null when there are none (a partition column). */
    public ColumnStatistics columnStatistics(AttributeReference attribute) {
        String name = columnName(attribute);
        TableStatistics table = name == null ? null : statistics();
        return table == null ? null : table.column(name);
    }

    public StructType dataSchema() {
        return dataSchema;
    }

    public Partitioning partitioning() {
        return partitioning;
    }

    /** The attributes of the partition columns, read or not. */
    public List<AttributeReference> partitionAttributes() {
        return attributes.subList(dataSchema.size(), attributes.size());
    }

    /** The filters that pruned the files, as EXPLAIN shows them. */
    public List<Expression> partitionFilters() {
        return partitionFilters;
    }

    /** The data columns then the partition columns: what a query sees. */
    public StructType schema() {
        List<StructField> fields = new ArrayList<>(dataSchema.fields());
        fields.addAll(partitioning.schema().fields());
        return new StructType(fields);
    }

    public Map<String, String> options() {
        return options;
    }

    @Override
    public List<AttributeReference> output() {
        return Arrays.stream(columns).mapToObj(attributes::get).toList();
    }

    @Override
    public String nodeString() {
        String pruned = partitionFilters.isEmpty() ? "" : ", PartitionFilters: " + partitionFilters;
        String pushed = pushedFilters.isEmpty() ? "" : ", PushedFilters: " + pushedFilters;
        return "Relation " + format + " [" + description + "] " + output().stream().map(AttributeReference::debugString).toList() + pruned + pushed;
    }
}
