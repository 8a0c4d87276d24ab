package dev.ember.io.csv;

import dev.ember.io.BatchRows;
import dev.ember.io.LocalFiles;
import dev.ember.sql.types.StructType;
import dev.ember.source.FileSplit;
import dev.ember.source.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test helper: CSV files in a directory, read through {@link CsvFormat}. */
final class CsvTestFiles {
    private final CsvFormat format = new CsvFormat();
    private final Path dir;
    private int counter;

    CsvTestFiles(Path dir) {
        this.dir = dir;
    }

    Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("data" + counter++ + ".csv"), content);
    }

    StructType infer(String content, String... options) throws IOException {
        return format.inferSchema(LocalFiles.inputs(write(content)), options(options));
    }

    /** Infers the schema as the options say, then reads every column of the whole file. */
    List<List<Object>> read(String content, String... options) throws IOException {
        Path file = write(content);
        ReadOptions readOptions = options(options);
        StructType schema = format.inferSchema(LocalFiles.inputs(file), readOptions);
        return read(file, schema, readOptions);
    }

    List<List<Object>> read(String content, StructType schema, String... options) throws IOException {
        return read(write(content), schema, options(options));
    }

    List<List<Object>> read(Path file, StructType schema, ReadOptions options) throws IOException {
        int[] all = new int[schema.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return BatchRows.readAll(LocalFiles.open(format, LocalFiles.whole(file), schema, all, options));
    }

    static ReadOptions options(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return new ReadOptions(map);
    }
}
