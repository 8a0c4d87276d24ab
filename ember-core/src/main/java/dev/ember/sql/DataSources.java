package dev.ember.sql;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.AttributeReference;
import dev.ember.fs.FileEntry;
import dev.ember.fs.FileSystem;
import dev.ember.fs.FileSystems;
import dev.ember.fs.InputFile;
import dev.ember.fs.Location;
import dev.ember.plan.logical.FileRelation;
import dev.ember.source.FileFormat;
import dev.ember.source.FileFormats;
import dev.ember.source.ReadOptions;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns (format, paths, options, schema) into a file relation: lists the files, infers the schema. */
final class DataSources {
    private DataSources() {
    }

    static FileRelation relation(EmberSession session, String format, List<String> paths, Map<String, String> options, StructType userSchema) {
        FileFormat fileFormat = FileFormats.find(format);
        Map<String, String> settings = session.fileSystemSettings();
        List<FileEntry> files = new ArrayList<>();
        for (String path : paths) {
            files.addAll(listFiles(Location.of(path), settings));
        }
        StructType schema = userSchema;
        if (schema == null) {
            List<InputFile> inputs = files.stream().map(f -> FileSystems.of(f.location(), settings).newInputFile(f)).toList();
            try {
                schema = files.isEmpty() ? new StructType(List.of()) : fileFormat.inferSchema(inputs, new ReadOptions(options));
            } catch (IOException e) {
                throw EmberException.of(ErrorClass.IO_ERROR, "operation", "Inferring the schema", "path", paths, "detail",
                        String.valueOf(e.getMessage())).withCause(e);
            }
        }
        List<AttributeReference> output = schema.fields().stream()
                .map(f -> AttributeReference.create(f.name(), f.dataType(), f.nullable())).toList();
        return new FileRelation(fileFormat.shortName(), files, schema, options, output, String.join(", ", paths));
    }

    /** A file, or the data files under a directory (skipping names that start with {@code _} or {@code .}, as Spark). */
    private static List<FileEntry> listFiles(Location location, Map<String, String> settings) {
        FileSystem fileSystem = FileSystems.of(location, settings);
        try {
            List<FileEntry> files = new ArrayList<>();
            for (FileEntry file : fileSystem.listFiles(location)) {
                if (file.location().equals(location) || isData(location.relativize(file.location()))) {
                    files.add(file);
                }
            }
            return files;
        } catch (NoSuchFileException e) {
            throw EmberException.of(ErrorClass.PATH_NOT_FOUND, "path", location);
        } catch (IOException e) {
            throw EmberException.of(ErrorClass.IO_ERROR, "operation", "Listing", "path", location, "detail", String.valueOf(e.getMessage()))
                    .withCause(e);
        }
    }

    private static boolean isData(String relativePath) {
        for (String name : relativePath.split("/")) {
            if (name.startsWith("_") || name.startsWith(".")) {
                return false;
            }
        }
        return true;
    }
}
