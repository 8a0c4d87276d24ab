package dev.ember.conformance;

import dev.ember.examples.tpch.TpchData;
import dev.ember.examples.tpch.TpchQueries;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The 22 TPC-H queries on both engines over the same generated tables (scale factor 0.01, made on
 * first use in {@code target/tpch}), each query after the views of {@code tables.sql}. The query
 * texts are the tpch example's and the benchmark's ({@link TpchQueries}). Cases are named {@code tpch/q01.sql} ... for
 * {@code -Dconformance.filter}.
 */
class TpchConformanceTest {
    private static final double SCALE_FACTOR = 0.01;

    @TestFactory
    Stream<DynamicTest> queries() {
        return IntStream.rangeClosed(1, TpchQueries.COUNT)
                .filter(number -> Cases.selected(caseName(number)))
                .mapToObj(number -> DynamicTest.dynamicTest(caseName(number), () -> check(number)));
    }

    private static String caseName(int number) {
        return "tpch/" + TpchQueries.name(number) + ".sql";
    }

    private static void check(int number) {
        Path data = TpchData.generate(Sessions.moduleDirectory().resolve("target/tpch/sf" + SCALE_FACTOR), SCALE_FACTOR);
        SqlConformanceTest.checkScript(caseName(number), TpchQueries.tables(data) + TpchQueries.script(number));
    }
}
