package dev.ember.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.AttributeReference;
import dev.ember.sql.types.StructType;
import java.util.List;
import java.util.Map;

/**
 * Files read with a format: the files found when the relation was created, the schema of their
 * data, and the options. {@code output} has one attribute per column of {@code dataSchema}.
 */
public final class FileRelation extends LeafNode {
    private final String format;
    private final List<String> files;
    private final StructType dataSchema;
    private final Map<String, String> options;
    private final List<AttributeReference> output;
    private final String description;

    public FileRelation(String format, List<String> files, StructType dataSchema, Map<String, String> options,
            List<AttributeReference> output, String description) {
        this.format = requireNonNull(format, "format is null");
        this.files = List.copyOf(files);
        this.dataSchema = requireNonNull(dataSchema, "dataSchema is null");
        this.options = Map.copyOf(options);
        this.output = List.copyOf(output);
        this.description = description;
        if (output.size() != dataSchema.size()) {
            throw new IllegalArgumentException(output.size() + " attributes for " + dataSchema.size() + " columns");
        }
    }

    public String format() {
        return format;
    }

    public List<String> files() {
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
        return output;
    }

    @Override
    public String nodeString() {
        return "Relation " + format + " [" + description + "] " + output.stream().map(AttributeReference::debugString).toList();
    }
}
