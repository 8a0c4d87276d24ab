package dev.ember.sql;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Expression;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/** The result of {@code groupBy}: aggregations per group, as Spark's {@code RelationalGroupedDataset}. */
public final class GroupedData {
    private final DataFrame frame;
    private final List<Expression> keys;

    GroupedData(DataFrame frame, List<Expression> keys) {
        this.frame = frame;
        this.keys = List.copyOf(keys);
    }

    public DataFrame agg(Column aggregate, Column... more) {
        List<Expression> aggregates = new ArrayList<>();
        aggregates.add(aggregate.expr());
        for (Column column : more) {
            aggregates.add(column.expr());
        }
        return frame.aggregate(keys, aggregates);
    }

    public DataFrame count() {
        return frame.aggregate(keys, List.of(functions.count("*").alias("count").expr()));
    }

    public DataFrame sum(String... columns) {
        return each("sum", columns);
    }

    public DataFrame avg(String... columns) {
        return each("avg", columns);
    }

    public DataFrame mean(String... columns) {
        return each("avg", columns);
    }

    public DataFrame min(String... columns) {
        return each("min", columns);
    }

    public DataFrame max(String... columns) {
        return each("max", columns);
    }

    /** One aggregate per named numeric column; no names means every numeric column, as in Spark. */
    private DataFrame each(String function, String... columns) {
        StructType schema = frame.schema();
        List<String> names = new ArrayList<>(List.of(columns));
        if (names.isEmpty()) {
            schema.fields().stream().filter(f -> f.dataType().isNumeric()).forEach(f -> names.add(f.name()));
        }
        List<Expression> aggregates = new ArrayList<>();
        for (String name : names) {
            int index = schema.indexOf(name);
            if (index >= 0 && !schema.field(index).dataType().isNumeric()) {
                throw EmberException.of(ErrorClass._LEGACY_ERROR_TEMP_1323, "colName", name);
            }
            aggregates.add(functions.call(function, functions.col(name)).expr());
        }
        return frame.aggregate(keys, aggregates);
    }
}
