package dev.ember.sql;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Expression;
import dev.ember.expr.GroupingSets;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** The result of {@code groupBy}: aggregations per group, as Spark's {@code RelationalGroupedDataset}. */
public final class GroupedData {
    private final DataFrame frame;
    private final List<Expression> keys;
    /** The grouping sets of {@code rollup} and {@code cube} (positions among the keys), or null for {@code groupBy}. */
    private final GroupingSets sets;

    GroupedData(DataFrame frame, List<Expression> keys) {
        this(frame, keys, null);
    }

    GroupedData(DataFrame frame, List<Expression> keys, GroupingSets sets) {
        this.frame = frame;
        this.keys = List.copyOf(keys);
        this.sets = sets;
    }

    /** {@code rollup(a, b)}: groups (a, b), (a) and (). */
    static GroupedData rollup(DataFrame frame, List<Expression> keys) {
        List<List<Integer>> sets = new ArrayList<>();
        for (int size = keys.size(); size >= 0; size--) {
            sets.add(IntStream.range(0, size).boxed().toList());
        }
        return new GroupedData(frame, keys, new GroupingSets(sets));
    }

    /** {@code cube(a, b)}: groups every subset of the keys. */
    static GroupedData cube(DataFrame frame, List<Expression> keys) {
        int n = keys.size();
        List<List<Integer>> sets = new ArrayList<>();
        for (int omitted = 0; omitted < 1 << n; omitted++) {
            int mask = omitted;
            sets.add(IntStream.range(0, n).filter(k -> (mask & 1 << (n - 1 - k)) == 0).boxed().toList());
        }
        return new GroupedData(frame, keys, new GroupingSets(sets));
    }

    private DataFrame aggregate(List<Expression> aggregates) {
        List<Expression> groupings = new ArrayList<>(keys);
        if (sets != null) {
            groupings.add(sets);
        }
        return frame.aggregate(groupings, keys, aggregates);
    }

    public DataFrame agg(Column aggregate, Column... more) {
        List<Expression> aggregates = new ArrayList<>();
        aggregates.add(aggregate.expr());
        for (Column column : more) {
            aggregates.add(column.expr());
        }
        return aggregate(aggregates);
    }

    public DataFrame count() {
        return aggregate(List.of(functions.count("*").alias("count").expr()));
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
        return aggregate(aggregates);
    }
}
