package dev.ember.sql.types;

/** The types without parameters. */
public enum AtomicType implements DataType {
    NULL("void", "void", false),
    BOOLEAN("boolean", "boolean", false),
    BYTE("tinyint", "byte", true),
    SHORT("smallint", "short", true),
    INT("int", "integer", true),
    LONG("bigint", "long", true),
    FLOAT("float", "float", true),
    DOUBLE("double", "double", true),
    STRING("string", "string", false),
    BINARY("binary", "binary", false),
    DATE("date", "date", false),
    TIMESTAMP("timestamp", "timestamp", false);

    private final String simpleString;
    private final String typeName;
    private final boolean numeric;

    AtomicType(String simpleString, String typeName, boolean numeric) {
        this.simpleString = simpleString;
        this.typeName = typeName;
        this.numeric = numeric;
    }

    @Override
    public String simpleString() {
        return simpleString;
    }

    @Override
    public String typeName() {
        return typeName;
    }

    boolean numeric() {
        return numeric;
    }

    @Override
    public String toString() {
        return simpleString;
    }
}
