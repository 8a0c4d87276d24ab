package dev.ember.sql;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.AttributeReference;
import dev.ember.parser.SqlParser;
import dev.ember.plan.command.Command;
import dev.ember.plan.command.CreateTable;
import dev.ember.plan.command.CreateView;
import dev.ember.plan.command.CreateViewUsing;
import dev.ember.plan.command.Describe;
import dev.ember.plan.command.DropTable;
import dev.ember.plan.command.DropView;
import dev.ember.plan.command.Explain;
import dev.ember.plan.command.InsertIntoTable;
import dev.ember.plan.command.InsertOverwriteDirectory;
import dev.ember.plan.command.SetConfig;
import dev.ember.plan.command.ShowTables;
import dev.ember.catalog.TableCatalog;
import dev.ember.catalog.TableMetadata;
import dev.ember.fs.FileSystems;
import dev.ember.fs.Location;
import dev.ember.plan.logical.LocalRelation;
import dev.ember.plan.logical.UnresolvedRelation;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Runs the statements that act on the session; each yields its result as a small local relation. */
final class Commands {
    private final EmberSession session;

    Commands(EmberSession session) {
        this.session = session;
    }

    LogicalPlan run(Command command) {
        if (command instanceof CreateView create) {
            session.catalog().createView(create.name(), session.analyzer().analyze(create.query()), create.replace());
            return empty();
        }
        if (command instanceof CreateViewUsing create) {
            Map<String, String> options = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            options.putAll(create.options());
            String path = options.remove("path");
            if (path == null) {
                throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`path`", "function", "CREATE TEMPORARY VIEW ... USING",
                        "detail", "the OPTIONS need a 'path'");
            }
            LogicalPlan relation = DataSources.relation(session, create.format(), List.of(path), options,
                    create.schemaDdl() == null ? null : SqlParser.parseTableSchema(create.schemaDdl()));
            session.catalog().createView(create.name(), relation, create.replace());
            return empty();
        }
        if (command instanceof CreateTable create) {
            createTable(create);
            return empty();
        }
        if (command instanceof InsertIntoTable insert) {
            TableInsert.run(session, insert);
            return empty();
        }
        if (command instanceof InsertOverwriteDirectory insert) {
            Map<String, String> options = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            options.putAll(insert.options());
            String path = insert.path() != null ? insert.path() : options.remove("path");
            if (path == null) {
                throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`path`", "function", "INSERT OVERWRITE DIRECTORY",
                        "detail", "give the directory, or a 'path' option");
            }
            query(insert.query()).write().format(insert.format()).options(options).mode("overwrite").save(path);
            return empty();
        }
        if (command instanceof DropTable drop) {
            if (!session.catalog().dropView(drop.name()) && !session.tables().drop(drop.name()) && !drop.ifExists()) {
                throw EmberException.of(ErrorClass.TABLE_OR_VIEW_NOT_FOUND, "name", "`spark_catalog`.`default`.`" + drop.name() + "`",
                        "suggestion", " Verify the spelling and correctness of the schema and catalog.");
            }
            return empty();
        }
        if (command instanceof DropView drop) {
            if (!session.catalog().dropView(drop.name()) && !drop.ifExists()) {
                throw EmberException.of(ErrorClass.TABLE_OR_VIEW_NOT_FOUND, "name", "`" + drop.name() + "`", "suggestion", "");
            }
            return empty();
        }
        if (command instanceof ShowTables show) {
            Pattern pattern = show.pattern() == null ? null : Pattern.compile(
                    show.pattern().replace(".", "\\.").replace("*", ".*"), Pattern.CASE_INSENSITIVE);
            List<List<Object>> rows = new ArrayList<>();
            for (String name : session.tables().names()) {
                if (pattern == null || pattern.matcher(name).matches()) {
                    rows.add(Arrays.asList(TableCatalog.DATABASE, name, false));
                }
            }
            for (String name : session.catalog().viewNames()) {
                if (pattern == null || pattern.matcher(name).matches()) {
                    rows.add(Arrays.asList("", name, true));
                }
            }
            return relation(List.of(column("namespace", AtomicType.STRING), column("tableName", AtomicType.STRING),
                    column("isTemporary", AtomicType.BOOLEAN)), rows);
        }
        if (command instanceof Describe describe) {
            LogicalPlan plan = session.analyzer().analyze(describe.target());
            List<List<Object>> rows = new ArrayList<>();
            for (AttributeReference attribute : plan.output()) {
                rows.add(Arrays.asList(attribute.name(), attribute.dataType().simpleString(), null));
            }
            describedTable(describe).filter(t -> !t.partitionColumns().isEmpty()).ifPresent(table -> {
                rows.add(Arrays.asList("# Partition Information", "", ""));
                rows.add(Arrays.asList("# col_name", "data_type", "comment"));
                StructType schema = table.schema();
                for (String column : table.partitionColumns()) {
                    schema.fields().stream().filter(f -> f.name().equalsIgnoreCase(column)).findFirst()
                            .ifPresent(f -> rows.add(Arrays.asList(f.name(), f.dataType().simpleString(), null)));
                }
            });
            return relation(List.of(column("col_name", AtomicType.STRING), column("data_type", AtomicType.STRING),
                    column("comment", AtomicType.STRING)), rows);
        }
        if (command instanceof Explain explain) {
            DataFrame frame = new DataFrame(session, session.analyzer().analyze(explain.query()));
            List<List<Object>> rows = new ArrayList<>();
            rows.add(Arrays.asList(frame.explainString(explain.mode().name())));
            return relation(List.of(column("plan", AtomicType.STRING)), rows);
        }
        if (command instanceof SetConfig set) {
            if (set.key() != null && set.value() != null) {
                session.conf().set(set.key(), set.value());
            }
            List<List<Object>> rows = new ArrayList<>();
            // Secrets are shown redacted, as Spark's SET shows them.
            dev.ember.config.Redaction.redact(session.conf().all()).forEach((key, value) -> {
                if (set.key() == null || dev.ember.config.EmberConf.canonicalKey(set.key()).equals(key)) {
                    rows.add(Arrays.asList(set.key() != null ? set.key() : key, value));
                }
            });
            if (set.key() != null && rows.isEmpty()) {
                rows.add(Arrays.asList(set.key(), "<undefined>"));
            }
            return relation(List.of(column("key", AtomicType.STRING), column("value", AtomicType.STRING)), rows);
        }
        throw EmberSession.unsupported("the statement " + command.nodeString());
    }

    /** The catalog table a DESCRIBE names, when it names one (not a view, not a query). */
    private java.util.Optional<TableMetadata> describedTable(Describe describe) {
        if (describe.target() instanceof UnresolvedRelation relation) {
            List<String> parts = relation.nameParts();
            String name = parts.get(parts.size() - 1);
            if (parts.size() > 1 || session.catalog().view(name).isEmpty()) {
                return session.tables().find(name);
            }
        }
        return java.util.Optional.empty();
    }

    private DataFrame query(LogicalPlan query) {
        return new DataFrame(session, session.analyzer().analyze(query));
    }

    /**
     * Creates a table: records it in the catalog and, for CREATE TABLE ... AS, writes the query's
     * rows first (partition columns last, as Spark orders a table's columns). A failed write
     * records nothing.
     */
    private void createTable(CreateTable create) {
        TableCatalog tables = session.tables();
        if (tables.find(create.name()).isPresent()) {
            if (create.ifNotExists()) {
                return;
            }
            throw TableCatalog.alreadyExists(create.name());
        }
        Map<String, String> options = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        options.putAll(create.options());
        String givenLocation = create.location() != null ? create.location() : options.remove("path");
        boolean managed = givenLocation == null;
        Location location = managed ? tables.defaultLocation(create.name()) : Location.of(givenLocation);
        String format = create.format() != null ? create.format() : session.conf().get("ember.sql.sources.default", "parquet");
        dev.ember.source.FileFormats.find(format);
        if (managed && exists(location)) {
            throw EmberException.of(ErrorClass.LOCATION_ALREADY_EXISTS, "identifier", "`spark_catalog`.`default`.`" + create.name() + "`",
                    "location", "'" + location + "'");
        }
        StructType schema;
        if (create.query() != null) {
            DataFrame rows = partitionColumnsLast(query(create.query()), create.partitionColumns());
            rows.write().format(format).options(options).partitionBy(create.partitionColumns().toArray(String[]::new))
                    .mode("errorifexists").save(location.toString());
            schema = rows.schema();
        } else if (create.schemaDdl() != null) {
            schema = partitionColumnsLast(SqlParser.parseTableSchema(create.schemaDdl()), create.partitionColumns());
        } else {
            schema = DataSources.relation(session, format, List.of(location.toString()), options, null).schema();
        }
        List<String> partitionColumns = create.partitionColumns();
        if (create.query() == null && create.schemaDdl() == null && partitionColumns.isEmpty()) {
            partitionColumns = DataSources.relation(session, format, List.of(location.toString()), options, null)
                    .partitioning().schema().fields().stream().map(StructField::name).toList();
        }
        tables.create(TableMetadata.of(create.name().toLowerCase(java.util.Locale.ROOT), format, schema, partitionColumns, options,
                location.toString(), managed));
    }

    private boolean exists(Location location) {
        try {
            return FileSystems.of(location, session.fileSystemSettings()).exists(location);
        } catch (IOException e) {
            throw EmberException.of(ErrorClass.IO_ERROR, "operation", "Checking", "path", location, "detail", String.valueOf(e.getMessage()));
        }
    }

    private static DataFrame partitionColumnsLast(DataFrame frame, List<String> partitionColumns) {
        StructType ordered = partitionColumnsLast(frame.schema(), partitionColumns);
        return frame.select(ordered.fields().stream().map(f -> functions.col("`" + f.name().replace("`", "``") + "`")).toArray(Column[]::new));
    }

    /** The columns with the partition columns moved to the end, in PARTITIONED BY order. */
    private static StructType partitionColumnsLast(StructType schema, List<String> partitionColumns) {
        List<StructField> data = new ArrayList<>();
        List<StructField> partitions = new ArrayList<>();
        for (String column : partitionColumns) {
            StructField field = schema.fields().stream().filter(f -> f.name().equalsIgnoreCase(column)).findFirst()
                    .orElseThrow(() -> EmberException.of(ErrorClass.PARTITION_COLUMN_NOT_FOUND_IN_SCHEMA, "column", "`" + column + "`",
                            "schema", schema.simpleString()));
            partitions.add(field);
        }
        for (StructField field : schema.fields()) {
            if (!partitions.contains(field)) {
                data.add(field);
            }
        }
        data.addAll(partitions);
        return new StructType(data);
    }

    private static AttributeReference column(String name, dev.ember.sql.types.DataType type) {
        StructField field = new StructField(name, type, true);
        return AttributeReference.create(field.name(), field.dataType(), field.nullable());
    }

    private static LogicalPlan relation(List<AttributeReference> output, List<List<Object>> rows) {
        return new LocalRelation(output, rows);
    }

    private static LogicalPlan empty() {
        return new LocalRelation(List.of(), List.of());
    }
}
