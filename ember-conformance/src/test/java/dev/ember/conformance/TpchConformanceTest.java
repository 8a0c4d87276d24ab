package dev.ember.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The 22 TPC-H queries ({@code src/test/resources/tpch/qNN.sql}) on both engines over the same
 * generated tables ({@link TpchData}, scale factor 0.01), each query after {@code tables.sql}.
 * Cases are named {@code tpch/q01.sql} ... for {@code -Dconformance.filter}.
 */
class TpchConformanceTest {
    @TestFactory
    Stream<DynamicTest> queries() throws IOException {
        Path directory = Sessions.moduleDirectory().resolve("src/test/resources/tpch");
        String tables = Files.readString(directory.resolve("tables.sql"));
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches("q\\d+\\.sql"))
                    .sorted()
                    .map(file -> "tpch/" + file.getFileName())
                    .filter(Cases::selected)
                    .map(name -> DynamicTest.dynamicTest(name, () -> check(name, tables, directory.resolve(name.substring(5)))))
                    .toList().stream();
        }
    }

    private static void check(String name, String tables, Path query) {
        try {
            String script = (tables + Files.readString(query)).replace("${tpch}", TpchData.directory().toString());
            SqlConformanceTest.checkScript(name, script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
