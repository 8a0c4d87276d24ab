package dev.ember.sql;

import dev.ember.analysis.StoreAssignment;
import dev.ember.catalog.TableMetadata;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Alias;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.Cast;
import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.plan.command.InsertIntoTable;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Project;
import dev.ember.source.PartitionPaths;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs {@code INSERT INTO | OVERWRITE} into a table of the catalog, as Spark does for a file-source
 * table: the query's columns feed the listed columns (or the table's, by position, less the
 * partition columns the PARTITION clause fixes), other columns are NULL, and every value is written
 * under ANSI store assignment ({@link StoreAssignment}). {@code INSERT OVERWRITE} with static
 * partition values replaces only those partitions (Spark's default {@code partitionOverwriteMode=STATIC}).
 */
final class TableInsert {
    private static final Batch ONE_ROW = new Batch(List.of(), 1);

    private final EmberSession session;
    private final TableMetadata table;
    private final InsertIntoTable insert;
    private final String qualifiedName;

    private TableInsert(EmberSession session, TableMetadata table, InsertIntoTable insert) {
        this.session = session;
        this.table = table;
        this.insert = insert;
        this.qualifiedName = "`spark_catalog`.`default`.`" + table.name() + "`";
    }

    static void run(EmberSession session, InsertIntoTable insert) {
        TableMetadata table = session.tables().find(insert.name()).orElseThrow(() -> EmberException.of(ErrorClass.TABLE_OR_VIEW_NOT_FOUND,
                "name", "`" + insert.name() + "`", "suggestion", " Verify the spelling and correctness of the schema and catalog."));
        new TableInsert(session, table, insert).run();
    }

    private void run() {
        StructType schema = table.schema();
        Map<String, Expression> staticValues = staticValues();
        List<StructField> targets = targets(staticValues);
        LogicalPlan rows = session.analyzer().analyze(insert.query());
        List<AttributeReference> columns = rows.output();
        if (columns.size() != targets.size()) {
            throw EmberException.of(ErrorClass.INSERT_COLUMN_ARITY_MISMATCH, "tableName", qualifiedName,
                    "reason", columns.size() > targets.size() ? "too many data columns" : "not enough data columns",
                    "tableColumns", targets.stream().map(f -> "`" + f.name() + "`").toList(),
                    "dataColumns", columns.stream().map(a -> "`" + a.name() + "`").toList());
        }
        // Static partitions of INSERT OVERWRITE are replaced by writing below their directories.
        List<String> fixedDirectories = insert.overwrite() ? fixedPartitionPrefix(staticValues) : List.of();
        List<Expression> projected = new ArrayList<>();
        for (StructField field : schema.fields()) {
            String key = field.name().toLowerCase(Locale.ROOT);
            int fed = targets.indexOf(field);
            Expression value;
            if (staticValues.containsKey(key)) {
                if (fixedDirectories.size() > 0 && table.partitionColumns().stream().limit(fixedDirectories.size())
                        .anyMatch(c -> c.equalsIgnoreCase(field.name()))) {
                    continue;
                }
                value = staticValue(staticValues.get(key), field);
            } else if (fed >= 0) {
                value = StoreAssignment.assign(columns.get(fed), field, qualifiedName);
            } else {
                value = new Literal(null, field.dataType());
            }
            projected.add(new Alias(value, field.name()));
        }
        DataFrame frame = new DataFrame(session, session.analyzer().analyzeOver(new Project(projected, rows)));
        List<String> partitionBy = table.partitionColumns().subList(fixedDirectories.size(), table.partitionColumns().size());
        String location = table.location();
        for (String directory : fixedDirectories) {
            location = location + "/" + directory;
        }
        frame.write().format(table.format()).options(table.options()).partitionBy(partitionBy.toArray(String[]::new))
                .mode(insert.overwrite() ? "overwrite" : "append").save(location);
    }

    /** The PARTITION clause's static values by lower-case column name; each must name a partition column. */
    private Map<String, Expression> staticValues() {
        Map<String, Expression> values = new HashMap<>();
        for (Map.Entry<String, Expression> entry : insert.partition().entrySet()) {
            boolean partitionColumn = table.partitionColumns().stream().anyMatch(c -> c.equalsIgnoreCase(entry.getKey()));
            if (!partitionColumn) {
                throw EmberException.of(ErrorClass.NON_PARTITION_COLUMN, "columnName", "`" + entry.getKey() + "`");
            }
            if (entry.getValue() != null) {
                values.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue());
            }
        }
        return values;
    }

    /** The columns the query feeds, in the order of its output. */
    private List<StructField> targets(Map<String, Expression> staticValues) {
        List<StructField> fields = table.schema().fields();
        if (insert.columns().isEmpty()) {
            return fields.stream().filter(f -> !staticValues.containsKey(f.name().toLowerCase(Locale.ROOT))).toList();
        }
        List<StructField> targets = new ArrayList<>();
        for (String name : insert.columns()) {
            targets.add(fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> EmberException.of(ErrorClass.UNRESOLVED_COLUMN, "name", "`" + name + "`",
                            "suggestion", " Did you mean one of the following? "
                                    + fields.stream().map(f -> "`" + f.name() + "`").toList() + ".")));
        }
        return targets;
    }

    /** A static partition value, cast to the column's type (as Spark casts the PARTITION clause's constants). */
    private Expression staticValue(Expression value, StructField field) {
        if (!value.foldable()) {
            throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "a PARTITION value other than a constant: " + value);
        }
        return value.dataType().equals(field.dataType()) ? value : new Cast(value, field.dataType());
    }

    /**
     * The directories ({@code region=eu}) of the leading partition columns given static values: what
     * INSERT OVERWRITE replaces. Static values after a column the query feeds cannot be a directory prefix.
     */
    private List<String> fixedPartitionPrefix(Map<String, Expression> staticValues) {
        List<String> directories = new ArrayList<>();
        boolean dynamicSeen = false;
        ZoneId zone = session.conf().sessionTimeZone();
        for (String column : table.partitionColumns()) {
            Expression value = staticValues.get(column.toLowerCase(Locale.ROOT));
            if (value == null) {
                dynamicSeen = true;
                continue;
            }
            if (dynamicSeen) {
                throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature",
                        "INSERT OVERWRITE with a static partition value after a dynamic partition column");
            }
            StructField field = table.schema().fields().stream().filter(f -> f.name().equalsIgnoreCase(column)).findFirst().orElseThrow();
            Expression typed = staticValue(value, field);
            Expression text = new Cast(typed instanceof Cast cast ? cast.withZone(zone) : typed, AtomicType.STRING).withZone(zone);
            ColumnVector result = text.eval(ONE_ROW);
            directories.add(PartitionPaths.directoryName(field.name(), result.isNull(0) ? null : (String) result.getObject(0)));
        }
        return directories;
    }
}
