package dev.ember.catalog;

import static java.util.Objects.requireNonNull;

import dev.ember.parser.SqlParser;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the catalog records of a table: its format, columns (data columns then partition columns,
 * as Spark orders them), partition columns, options and location. A managed table's data lives
 * under the warehouse and is dropped with it; an external one ({@code LOCATION}) is not.
 */
public record TableMetadata(String name, String format, List<Column> columns, List<String> partitionColumns,
        Map<String, String> options, String location, boolean managed) {

    /** One column as stored: its type as Spark's simple string ({@code decimal(10,2)}). */
    public record Column(String name, String type, boolean nullable) {
    }

    public TableMetadata {
        requireNonNull(name, "name is null");
        requireNonNull(format, "format is null");
        columns = List.copyOf(columns);
        partitionColumns = List.copyOf(partitionColumns);
        options = Map.copyOf(options);
        requireNonNull(location, "location is null");
    }

    public static TableMetadata of(String name, String format, StructType schema, List<String> partitionColumns,
            Map<String, String> options, String location, boolean managed) {
        List<Column> columns = new ArrayList<>();
        for (StructField field : schema.fields()) {
            columns.add(new Column(field.name(), field.dataType().simpleString(), field.nullable()));
        }
        return new TableMetadata(name, format, columns, partitionColumns, options, location, managed);
    }

    public StructType schema() {
        List<StructField> fields = new ArrayList<>();
        for (Column column : columns) {
            fields.add(new StructField(column.name(), SqlParser.parseDataType(column.type()), column.nullable()));
        }
        return new StructType(fields);
    }

    public TableMetadata withSchema(StructType schema) {
        return of(name, format, schema, partitionColumns, options, location, managed);
    }
}
