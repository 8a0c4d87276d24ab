package dev.ember.sql.types;

import static java.util.Objects.requireNonNull;

/** {@code map<keyType,valueType>}: keys are never NULL, values may be when {@code valueContainsNull}. */
public record MapType(DataType keyType, DataType valueType, boolean valueContainsNull) implements DataType {
    public MapType {
        requireNonNull(keyType, "keyType is null");
        requireNonNull(valueType, "valueType is null");
    }

    @Override
    public String simpleString() {
        return "map<" + keyType.simpleString() + "," + valueType.simpleString() + ">";
    }

    @Override
    public String typeName() {
        return "map";
    }

    @Override
    public String toString() {
        return simpleString();
    }
}
