package dev.ember.sql;

import dev.ember.sql.types.StructType;
import java.util.List;

/** A lazily evaluated table, as Spark's {@code Dataset<Row>}. */
public final class DataFrame {
    public StructType schema() {
        throw new UnsupportedOperationException("not yet");
    }

    public List<Row> collectAsList() {
        throw new UnsupportedOperationException("not yet");
    }
}
