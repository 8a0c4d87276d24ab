package dev.ember.sql;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.AttributeReference;
import dev.ember.plan.logical.FileRelation;
import dev.ember.source.FileFormat;
import dev.ember.source.FileFormats;
import dev.ember.source.ReadOptions;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Turns (format, paths, options, schema) into a file relation: lists the files, infers the schema. */
final class DataSources {
    private DataSources() {
    }

    static FileRelation relation(String format, List<String> paths, Map<String, String> options, StructType userSchema) {
        FileFormat fileFormat = FileFormats.find(format);
        List<Path> files = new ArrayList<>();
        for (String path : paths) {
            files.addAll(listFiles(Path.of(stripScheme(path))));
        }
        StructType schema = userSchema;
        if (schema == null) {
            try {
                schema = files.isEmpty() ? new StructType(List.of()) : fileFormat.inferSchema(files, new ReadOptions(options));
            } catch (IOException e) {
                throw EmberException.of(ErrorClass.IO_ERROR, "operation", "Inferring the schema", "path", paths, "detail",
                        String.valueOf(e.getMessage())).withCause(e);
            }
        }
        List<AttributeReference> output = schema.fields().stream()
                .map(f -> AttributeReference.create(f.name(), f.dataType(), f.nullable())).toList();
        return new FileRelation(fileFormat.shortName(), files.stream().map(Path::toString).toList(), schema, options, output,
                String.join(", ", paths));
    }

    private static String stripScheme(String path) {
        return path.startsWith("file:") ? path.replaceFirst("^file:(//)?", "") : path;
    }

    /** A file, or the data files under a directory (skipping names that start with {@code _} or {@code .}, as Spark). */
    private static List<Path> listFiles(Path path) {
        if (!Files.exists(path)) {
            throw EmberException.of(ErrorClass.PATH_NOT_FOUND, "path", "file:" + path.toAbsolutePath());
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        for (Path part : path.relativize(p)) {
                            String name = part.toString();
                            if (name.startsWith("_") || name.startsWith(".")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw EmberException.of(ErrorClass.IO_ERROR, "operation", "Listing", "path", path, "detail", String.valueOf(e.getMessage()));
        }
    }
}
