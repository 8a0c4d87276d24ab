package dev.ember.source;

import dev.ember.analysis.TypeCoercion;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Cast;
import dev.ember.expr.Literal;
import dev.ember.fs.Location;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds the partition columns of Hive-style directories ({@code root/year=2024/month=1/part-0.csv})
 * as Spark does: each directory holding files is read upwards, name by name, until a base path
 * (the read's roots, or the {@code basePath} option) or a name that is not {@code column=value};
 * every such directory must name the same columns, in the same order, under one base. Column types
 * are inferred from the values (int, bigint, decimal, double, timestamp, date, else string; the
 * widest of a column's values wins) unless the user's schema names the column.
 */
public final class PartitionDiscovery {
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?");
    private static final Batch ONE_ROW = new Batch(List.of(), 1);

    private final Set<Location> basePaths;
    private final boolean typeInference;
    private final StructType userSchema;
    private final ZoneId zone;

    /**
     * @param userSchema the user's schema, whose fields named like partition columns give their
     *     types; {@code null} when there is none
     */
    public PartitionDiscovery(Set<Location> basePaths, boolean typeInference, StructType userSchema, ZoneId zone) {
        this.basePaths = Set.copyOf(basePaths);
        this.typeInference = typeInference;
        this.userSchema = userSchema;
        this.zone = zone;
    }

    /** The partitioning of the directories that hold files ({@link Partitioning#NONE} when none names a partition). */
    public Partitioning discover(Set<Location> directories) {
        Map<Location, List<String[]>> parsed = new LinkedHashMap<>();
        Set<String> discoveredBases = new TreeSet<>();
        for (Location directory : new TreeSet<>(directories)) {
            List<String[]> columns = new ArrayList<>();
            Location base = parse(directory, columns);
            if (base == null) {
                continue; // leftovers of a failed write (_temporary) are not data
            }
            discoveredBases.add(base.toString().toLowerCase(Locale.ROOT));
            if (!columns.isEmpty()) {
                parsed.put(directory, columns);
            }
        }
        if (parsed.isEmpty()) {
            return Partitioning.NONE;
        }
        if (discoveredBases.size() > 1) {
            throw EmberException.of(ErrorClass.CONFLICTING_DIRECTORY_STRUCTURES, "discoveredBasePaths", String.join(", ", discoveredBases));
        }
        List<String> names = columnNames(parsed);
        List<DataType> types = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            types.add(columnType(names.get(c), c, parsed.values()));
        }
        Map<Location, List<Object>> values = new LinkedHashMap<>();
        parsed.forEach((directory, columns) -> {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                row.add(typedValue(columns.get(c)[1], types.get(c)));
            }
            values.put(directory, java.util.Collections.unmodifiableList(row));
        });
        List<StructField> fields = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            fields.add(new StructField(names.get(c), types.get(c), true));
        }
        return new Partitioning(new StructType(fields), values);
    }

    /**
     * Reads {@code directory}'s partition columns into {@code columns} (top first) and returns the
     * base it stopped at, or {@code null} for a directory to ignore.
     */
    private Location parse(Location directory, List<String[]> columns) {
        List<String[]> upwards = new ArrayList<>();
        Location current = directory;
        while (true) {
            if (current.fileName().toLowerCase(Locale.ROOT).equals("_temporary")) {
                return null;
            }
            if (basePaths.contains(current)) {
                break;
            }
            String[] column = PartitionPaths.parseDirectoryName(current.fileName());
            if (column != null) {
                upwards.add(column);
            }
            if (column == null && !upwards.isEmpty() || !hasParent(current)) {
                break;
            }
            current = current.parent();
        }
        for (int i = upwards.size() - 1; i >= 0; i--) {
            columns.add(upwards.get(i));
        }
        return upwards.isEmpty() ? directory : current;
    }

    private static boolean hasParent(Location location) {
        return !location.path().isEmpty() && !location.path().equals("/");
    }

    private static List<String> columnNames(Map<Location, List<String[]>> parsed) {
        Map<List<String>, Location> distinct = new LinkedHashMap<>();
        parsed.forEach((directory, columns) -> distinct.putIfAbsent(
                columns.stream().map(c -> c[0].toLowerCase(Locale.ROOT)).toList(), directory));
        if (distinct.size() > 1) {
            Set<String> lists = new LinkedHashSet<>();
            distinct.keySet().forEach(list -> lists.add("Partition column name list #" + lists.size() + ": " + String.join(", ", list)));
            throw EmberException.of(ErrorClass.CONFLICTING_PARTITION_COLUMN_NAMES, "distinctPartColLists", String.join("; ", lists),
                    "suspiciousPaths", distinct.values().stream().map(Location::toString).toList());
        }
        return parsed.values().iterator().next().stream().map(c -> c[0]).toList();
    }

    private DataType columnType(String name, int index, java.util.Collection<List<String[]>> directories) {
        if (userSchema != null) {
            for (StructField field : userSchema.fields()) {
                if (field.name().equalsIgnoreCase(name)) {
                    return field.dataType();
                }
            }
        }
        if (!typeInference) {
            return AtomicType.STRING;
        }
        DataType type = AtomicType.NULL;
        for (List<String[]> columns : directories) {
            type = wider(type, inferType(columns.get(index)[1]));
        }
        return type == AtomicType.NULL ? AtomicType.STRING : type;
    }

    /** The type Spark infers for one partition value. */
    static DataType inferType(String raw) {
        if (raw == null) {
            return AtomicType.NULL;
        }
        try {
            Integer.parseInt(raw);
            return AtomicType.INT;
        } catch (NumberFormatException e) {
            // not an int
        }
        try {
            Long.parseLong(raw);
            return AtomicType.LONG;
        } catch (NumberFormatException e) {
            // not a bigint
        }
        try {
            BigDecimal decimal = new BigDecimal(raw);
            if (decimal.scale() <= 0 && decimal.precision() - decimal.scale() <= DecimalType.MAX_PRECISION) {
                return new DecimalType(decimal.precision() - decimal.scale(), 0);
            }
        } catch (NumberFormatException e) {
            // not a whole number
        }
        try {
            Double.parseDouble(raw);
            return AtomicType.DOUBLE;
        } catch (NumberFormatException e) {
            // not a number
        }
        if (TIMESTAMP.matcher(raw).matches()) {
            return AtomicType.TIMESTAMP;
        }
        try {
            LocalDate.parse(raw);
            return AtomicType.DATE;
        } catch (DateTimeParseException e) {
            return AtomicType.STRING;
        }
    }

    /**
     * The type of a column with values of both types: numbers widen, dates become timestamps,
     * anything else is a string; a double beside a bigint or a decimal is a string too, as
     * neither holds the other's values exactly.
     */
    static DataType wider(DataType a, DataType b) {
        if (a == AtomicType.STRING || b == AtomicType.STRING) {
            return AtomicType.STRING;
        }
        boolean exactBeside = a == AtomicType.LONG || a instanceof DecimalType || b == AtomicType.LONG || b instanceof DecimalType;
        if ((a == AtomicType.DOUBLE || b == AtomicType.DOUBLE) && exactBeside) {
            return AtomicType.STRING;
        }
        return TypeCoercion.widerType(a, b).orElse(AtomicType.STRING);
    }

    private Object typedValue(String raw, DataType type) {
        if (raw == null) {
            return null;
        }
        if (type == AtomicType.STRING) {
            return raw;
        }
        return new Cast(new Literal(raw, AtomicType.STRING), type).withZone(zone).eval(ONE_ROW).getObject(0);
    }
}
