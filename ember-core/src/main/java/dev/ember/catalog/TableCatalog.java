package dev.ember.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.fs.FileEntry;
import dev.ember.fs.FileSystem;
import dev.ember.fs.FileSystems;
import dev.ember.fs.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tables of the {@code default} database, kept in the warehouse directory so that they
 * outlive the session: each table's metadata is a small JSON file in {@code <warehouse>/.ember-tables/},
 * a managed table's data is in {@code <warehouse>/<table>/}, as Spark lays out its warehouse.
 * Names are case-insensitive (stored lower-case). Thread-safe: all state is in the files.
 */
public final class TableCatalog {
    public static final String DATABASE = "default";
    private static final String METADATA_DIRECTORY = ".ember-tables";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Location warehouse;
    private final FileSystem fileSystem;

    public TableCatalog(Location warehouse, Map<String, String> fileSystemSettings) {
        this.warehouse = warehouse;
        this.fileSystem = FileSystems.of(warehouse, fileSystemSettings);
    }

    /** Where a managed table's data goes: {@code <warehouse>/<name>}. */
    public Location defaultLocation(String name) {
        return warehouse.resolve(key(name));
    }

    public Optional<TableMetadata> find(String name) {
        Location file = metadataFile(name);
        try {
            if (!fileSystem.exists(file)) {
                return Optional.empty();
            }
            try (InputStream in = fileSystem.newInputFile(file).newStream()) {
                return Optional.of(JSON.readValue(in, TableMetadata.class));
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw ioError("Reading the table metadata", file, e);
        }
    }

    /** Records a new table. @throws EmberException TABLE_OR_VIEW_ALREADY_EXISTS when the name is taken */
    public void create(TableMetadata table) {
        Location file = metadataFile(table.name());
        try (OutputStream out = fileSystem.create(file)) {
            JSON.writeValue(out, table);
        } catch (FileAlreadyExistsException e) {
            throw alreadyExists(table.name());
        } catch (IOException e) {
            throw ioError("Writing the table metadata", file, e);
        }
    }

    /** Replaces the record of an existing table (its schema, say, once a CTAS knows it). */
    public void replace(TableMetadata table) {
        Location file = metadataFile(table.name());
        Location next = file.parent().resolve("." + file.fileName() + ".next");
        try {
            fileSystem.deleteRecursively(next);
            try (OutputStream out = fileSystem.create(next)) {
                JSON.writeValue(out, table);
            }
            fileSystem.deleteRecursively(file);
            fileSystem.rename(next, file);
        } catch (IOException e) {
            throw ioError("Writing the table metadata", file, e);
        }
    }

    /** Forgets a table, and deletes a managed table's data. Returns whether there was one. */
    public boolean drop(String name) {
        Optional<TableMetadata> table = find(name);
        if (table.isEmpty()) {
            return false;
        }
        Location file = metadataFile(name);
        try {
            fileSystem.deleteRecursively(file);
            if (table.get().managed()) {
                fileSystem.deleteRecursively(Location.of(table.get().location()));
            }
        } catch (IOException e) {
            throw ioError("Dropping the table", file, e);
        }
        return true;
    }

    /** The table names, sorted. */
    public List<String> names() {
        Location directory = warehouse.resolve(METADATA_DIRECTORY);
        List<String> names = new ArrayList<>();
        try {
            if (!fileSystem.exists(directory)) {
                return names;
            }
            for (FileEntry file : fileSystem.listFiles(directory)) {
                String fileName = file.location().fileName();
                if (fileName.endsWith(".json") && !fileName.startsWith(".")) {
                    names.add(fileName.substring(0, fileName.length() - ".json".length()));
                }
            }
        } catch (NoSuchFileException e) {
            return names;
        } catch (IOException e) {
            throw ioError("Listing the tables", directory, e);
        }
        names.sort(null);
        return names;
    }

    public static EmberException alreadyExists(String name) {
        return EmberException.of(ErrorClass.TABLE_OR_VIEW_ALREADY_EXISTS, "name", "`spark_catalog`.`" + DATABASE + "`.`" + key(name) + "`");
    }

    private Location metadataFile(String name) {
        return warehouse.resolve(METADATA_DIRECTORY + "/" + key(name) + ".json");
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static EmberException ioError(String operation, Location path, IOException e) {
        return EmberException.of(ErrorClass.IO_ERROR, "operation", operation, "path", path, "detail", String.valueOf(e.getMessage())).withCause(e);
    }
}
