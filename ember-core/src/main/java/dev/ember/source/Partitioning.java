package dev.ember.source;

import static java.util.Objects.requireNonNull;

import dev.ember.fs.Location;
import dev.ember.sql.types.StructType;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The partition columns of a directory layout and the values of each partition directory (the
 * directory holding the files): {@code year=2024/month=1} gives {@code [2024, 1]}. Values are the
 * Java values vectors hold ({@code Integer}, {@code String}, {@code LocalDate}, ...); null for
 * {@link PartitionPaths#DEFAULT_PARTITION_NAME}.
 */
public record Partitioning(StructType schema, Map<Location, List<Object>> valuesByDirectory) implements Serializable {
    public static final Partitioning NONE = new Partitioning(new StructType(List.of()), Map.of());

    public Partitioning {
        requireNonNull(schema, "schema is null");
        valuesByDirectory = Map.copyOf(valuesByDirectory);
    }

    public boolean isPartitioned() {
        return schema.size() > 0;
    }

    /** The values of the partition a file is in. */
    public List<Object> valuesOf(Location file) {
        List<Object> values = valuesByDirectory.get(file.parent());
        if (values == null) {
            throw new IllegalArgumentException("no partition holds " + file);
        }
        return values;
    }
}
