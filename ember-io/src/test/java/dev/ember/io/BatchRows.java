package dev.ember.io;

import dev.ember.source.BatchReader;
import dev.ember.vector.Batch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helper: the rows a reader produces, as lists of Java values. */
public final class BatchRows {
    private BatchRows() {
    }

    public static List<List<Object>> readAll(BatchReader reader) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        try (reader) {
            for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                for (int row = 0; row < batch.rowCount(); row++) {
                    List<Object> values = new ArrayList<>();
                    for (int column = 0; column < batch.columnCount(); column++) {
                        values.add(batch.column(column).getObject(row));
                    }
                    rows.add(values);
                }
            }
        }
        return rows;
    }

    public static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
