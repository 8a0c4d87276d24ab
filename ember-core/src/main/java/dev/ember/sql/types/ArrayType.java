package dev.ember.sql.types;

import static java.util.Objects.requireNonNull;

/** {@code array<elementType>}. */
public record ArrayType(DataType elementType, boolean containsNull) implements DataType {
    public ArrayType {
        requireNonNull(elementType, "elementType is null");
    }

    @Override
    public String simpleString() {
        return "array<" + elementType.simpleString() + ">";
    }

    @Override
    public String typeName() {
        return "array";
    }

    @Override
    public String toString() {
        return simpleString();
    }
}
