package dev.ember.sql;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.AttributeReference;
import dev.ember.fs.FileEntry;
import dev.ember.fs.FileSystem;
import dev.ember.fs.FileSystems;
import dev.ember.fs.InputFile;
import dev.ember.fs.Location;
import dev.ember.catalog.TableMetadata;
import dev.ember.expr.Expression;
import dev.ember.plan.logical.FileRelation;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Project;
import dev.ember.source.FileFormat;
import dev.ember.source.FileFormats;
import dev.ember.source.FileStatistics;
import dev.ember.source.PartitionDiscovery;
import dev.ember.source.Partitioning;
import dev.ember.source.InputPaths;
import dev.ember.source.InputPaths.Root;
import dev.ember.source.PathGlob;
import dev.ember.source.ReadOptions;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns (format, paths, options, schema) into a file relation, as Spark's file sources do: paths
 * may be globs; the data files under them (hidden names skipped, {@code pathGlobFilter} applied)
 * are listed; Hive-style partition directories under the roots (or {@code basePath}) become
 * partition columns after the data columns, unless {@code recursiveFileLookup} is set; the data
 * schema is the user's (without partition columns) or inferred from the files.
 */
final class DataSources {
    static final String PARTITION_TYPE_INFERENCE = "ember.sql.sources.partitionColumnTypeInference.enabled";

    private DataSources() {
    }

    static FileRelation relation(EmberSession session, String format, List<String> paths, Map<String, String> options, StructType userSchema) {
        Map<String, String> settings = session.fileSystemSettings();
        List<Root> roots = new ArrayList<>();
        for (String path : paths) {
            roots.addAll(InputPaths.roots(Location.of(path), settings));
        }
        return relation(session, format, roots, paths, options, userSchema);
    }

    /**
     * The files of a catalog table as they are now, read with its recorded schema into the
     * table's {@code columns} (in table order). A table whose directory is not there yet
     * (created, nothing inserted) is empty.
     */
    static LogicalPlan tableRelation(EmberSession session, TableMetadata table, List<AttributeReference> columns) {
        Location location = Location.of(table.location());
        FileSystem fileSystem = FileSystems.of(location, session.fileSystemSettings());
        List<FileEntry> listed = InputPaths.list(fileSystem, location);
        List<Root> roots = listed == null ? List.of() : List.of(new Root(location, false, InputPaths.dataFiles(location, listed)));
        FileRelation listedRelation = relation(session, table.format(), roots, List.of(table.location()), table.options(), table.schema());
        List<AttributeReference> attributes = new ArrayList<>();
        for (StructField field : listedRelation.schema().fields()) {
            attributes.add(columns.stream().filter(c -> c.name().equalsIgnoreCase(field.name())).findFirst()
                    .orElseThrow(() -> EmberException.internal("column " + field.name() + " not in table " + table.name(), null)));
        }
        FileRelation relation = new FileRelation(listedRelation.format(), listedRelation.files(), listedRelation.dataSchema(),
                listedRelation.partitioning(), table.options(), attributes, table.name(),
                statistics(session, FileFormats.find(table.format()), listedRelation.files(), listedRelation.dataSchema(), table.options()));
        return attributes.equals(columns) ? relation : new Project(new ArrayList<Expression>(columns), relation);
    }

    private static FileRelation relation(EmberSession session, String format, List<Root> roots, List<String> paths,
            Map<String, String> options, StructType userSchema) {
        FileFormat fileFormat = FileFormats.find(format);
        ReadOptions readOptions = new ReadOptions(options);
        Map<String, String> settings = session.fileSystemSettings();
        String fileGlob = readOptions.get("pathGlobFilter", null);
        List<FileEntry> files = new ArrayList<>();
        for (Root root : roots) {
            for (FileEntry file : root.files()) {
                if (fileGlob == null || PathGlob.matchesName(fileGlob, file.location().fileName())) {
                    files.add(file);
                }
            }
        }

        Partitioning partitioning = readOptions.getBoolean("recursiveFileLookup", false) ? Partitioning.NONE
                : partitioning(session, roots, files, readOptions, userSchema);
        if (partitioning.isPartitioned()) {
            // As Spark: files beside the partition directories belong to no partition and are not read.
            files.removeIf(file -> !partitioning.valuesByDirectory().containsKey(file.location().parent()));
        }
        StructType dataSchema = userSchema == null ? inferSchema(fileFormat, files, readOptions, settings, paths)
                : withoutColumns(userSchema, partitioning.schema());
        List<AttributeReference> output = new ArrayList<>();
        for (StructField field : dataSchema.fields()) {
            output.add(AttributeReference.create(field.name(), field.dataType(), field.nullable()));
        }
        for (StructField field : partitioning.schema().fields()) {
            output.add(AttributeReference.create(field.name(), field.dataType(), field.nullable()));
        }
        return new FileRelation(fileFormat.shortName(), files, dataSchema, partitioning, options, output, String.join(", ", paths),
                statistics(session, fileFormat, files, dataSchema, options));
    }

    /** The format's statistics of the files, read when the optimizer first estimates the relation. */
    private static FileStatistics statistics(EmberSession session, FileFormat format, List<FileEntry> files, StructType dataSchema,
            Map<String, String> options) {
        Map<String, String> settings = session.fileSystemSettings();
        ReadOptions readOptions = new ReadOptions(options);
        return new FileStatistics(listed -> format.statistics(
                listed.stream().map(f -> FileSystems.of(f.location(), settings).newInputFile(f)).toList(), dataSchema, readOptions), files);
    }

    private static Partitioning partitioning(EmberSession session, List<Root> roots, List<FileEntry> files, ReadOptions options,
            StructType userSchema) {
        Set<Location> basePaths = new LinkedHashSet<>();
        String basePath = options.get("basePath", null);
        if (basePath != null) {
            basePaths.add(Location.of(basePath));
        } else {
            roots.forEach(root -> basePaths.add(root.isFile() ? root.location().parent() : root.location()));
        }
        Set<Location> directories = new LinkedHashSet<>();
        files.forEach(file -> directories.add(file.location().parent()));
        boolean typeInference = Boolean.parseBoolean(session.conf().get(PARTITION_TYPE_INFERENCE, "true").trim());
        return new PartitionDiscovery(basePaths, typeInference, userSchema, session.conf().sessionTimeZone()).discover(directories);
    }

    private static StructType inferSchema(FileFormat format, List<FileEntry> files, ReadOptions options, Map<String, String> settings,
            List<String> paths) {
        if (files.isEmpty()) {
            StructType fixed = format.schemaWithoutFiles();
            if (fixed == null) {
                throw EmberException.of(ErrorClass.UNABLE_TO_INFER_SCHEMA, "format", format.displayName());
            }
            return fixed;
        }
        List<InputFile> inputs = files.stream().map(f -> FileSystems.of(f.location(), settings).newInputFile(f)).toList();
        try {
            return format.inferSchema(inputs, options);
        } catch (IOException e) {
            throw EmberException.of(ErrorClass.IO_ERROR, "operation", "Inferring the schema", "path", paths, "detail",
                    String.valueOf(e.getMessage())).withCause(e);
        }
    }

    /** The user's schema without the partition columns, which are read from directory names. */
    private static StructType withoutColumns(StructType schema, StructType partitionColumns) {
        List<StructField> kept = new ArrayList<>();
        for (StructField field : schema.fields()) {
            if (partitionColumns.fields().stream().noneMatch(p -> p.name().equalsIgnoreCase(field.name()))) {
                kept.add(field);
            }
        }
        return new StructType(kept);
    }
}
