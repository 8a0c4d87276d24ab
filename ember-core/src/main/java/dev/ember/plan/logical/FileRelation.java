package dev.ember.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.AttributeReference;
import dev.ember.fs.FileEntry;
import dev.ember.source.SourceFilter;
import dev.ember.sql.types.StructType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Files read with a format: the files found when the relation was created, the schema of their
 * data, and the options. Each column of {@code dataSchema} has an attribute; the output is the
 * columns still read ({@link #columns()}): all of them until the optimizer prunes those no one uses.
 * {@link #pushedFilters()} are the conditions of the filter above, handed to the format so that it
 * can skip data (the filter stays: they only skip what cannot match).
 */
public final class FileRelation extends LeafNode {
    private final String format;
    private final List<FileEntry> files;
    private final StructType dataSchema;
    private final Map<String, String> options;
    private final List<AttributeReference> attributes;
    private final int[] columns;
    private final List<SourceFilter> pushedFilters;
    private final String description;

    public FileRelation(String format, List<FileEntry> files, StructType dataSchema, Map<String, String> options,
            List<AttributeReference> attributes, String description) {
        this(format, files, dataSchema, options, attributes, IntStream.range(0, attributes.size()).toArray(), List.of(), description);
    }

    private FileRelation(String format, List<FileEntry> files, StructType dataSchema, Map<String, String> options,
            List<AttributeReference> attributes, int[] columns, List<SourceFilter> pushedFilters, String description) {
        this.format = requireNonNull(format, "format is null");
        this.files = List.copyOf(files);
        this.dataSchema = requireNonNull(dataSchema, "dataSchema is null");
        this.options = Map.copyOf(options);
        this.attributes = List.copyOf(attributes);
        this.columns = columns.clone();
        this.pushedFilters = List.copyOf(pushedFilters);
        this.description = description;
        if (attributes.size() != dataSchema.size()) {
            throw new IllegalArgumentException(attributes.size() + " attributes for " + dataSchema.size() + " columns");
        }
    }

    /** The same files reading only the columns whose attributes {@code keep} accepts (at least one, so rows still count). */
    public FileRelation withColumns(Predicate<AttributeReference> keep) {
        int[] kept = Arrays.stream(columns).filter(c -> keep.test(attributes.get(c))).toArray();
        if (kept.length == 0) {
            kept = new int[] {columns[0]};
        }
        return kept.length == columns.length ? this
                : new FileRelation(format, files, dataSchema, options, attributes, kept, pushedFilters, description);
    }

    /** The same relation handing {@code filters} to the format. */
    public FileRelation withPushedFilters(List<SourceFilter> filters) {
        return new FileRelation(format, files, dataSchema, options, attributes, columns, filters, description);
    }

    public List<SourceFilter> pushedFilters() {
        return pushedFilters;
    }

    /** The name in {@code dataSchema} of one of this relation's attributes, or null if it is not one. */
    public String columnName(AttributeReference attribute) {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).exprId().equals(attribute.exprId())) {
                return dataSchema.field(i).name();
            }
        }
        return null;
    }

    /** The indexes in {@code dataSchema} of the columns read, in output order. */
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

    public StructType dataSchema() {
        return dataSchema;
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
        return "Relation " + format + " [" + description + "] " + output().stream().map(AttributeReference::debugString).toList()
                + (pushedFilters.isEmpty() ? "" : ", PushedFilters: " + pushedFilters);
    }
}
