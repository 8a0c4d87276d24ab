package dev.ember.sql.types;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/** A named, typed column of a {@link StructType}. */
public record StructField(String name, DataType dataType, boolean nullable) implements Serializable {
    public StructField {
        requireNonNull(name, "name is null");
        requireNonNull(dataType, "dataType is null");
    }
}
