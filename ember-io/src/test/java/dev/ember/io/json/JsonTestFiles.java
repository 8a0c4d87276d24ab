package dev.ember.io.json;

import dev.ember.io.BatchRows;
import dev.ember.io.LocalFiles;
import dev.ember.parser.SqlParser;
import dev.ember.source.ReadOptions;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test helper: JSON files in a directory, read through {@link JsonFormat}. */
final class JsonTestFiles {
    private final JsonFormat format = new JsonFormat();
    private final Path dir;
    private int counter;

    JsonTestFiles(Path dir) {
        this.dir = dir;
    }

    Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("data" + counter++ + ".json"), content);
    }

    Path write(byte[] content) throws IOException {
        return Files.write(dir.resolve("data" + counter++ + ".json"), content);
    }

    StructType infer(String content, String... options) throws IOException {
        return format.inferSchema(LocalFiles.inputs(write(content)), options(options));
    }

    /** Infers the schema as the options say, then reads every column of the whole file. */
    List<List<Object>> read(String content, String... options) throws IOException {
        Path file = write(content);
        ReadOptions readOptions = options(options);
        return read(file, format.inferSchema(LocalFiles.inputs(file), readOptions), readOptions);
    }

    /** Reads every column of {@code ddl} from the content. */
    List<List<Object>> readAs(String content, String ddl, String... options) throws IOException {
        return read(write(content), SqlParser.parseTableSchema(ddl), options(options));
    }

    List<List<Object>> read(Path file, StructType schema, ReadOptions options) throws IOException {
        int[] all = new int[schema.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return read(file, schema, all, options);
    }

    List<List<Object>> read(Path file, StructType schema, int[] columns, ReadOptions options) throws IOException {
        return BatchRows.readAll(LocalFiles.open(format, LocalFiles.whole(file), schema, columns, options));
    }

    static ReadOptions options(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return new ReadOptions(map);
    }
}
