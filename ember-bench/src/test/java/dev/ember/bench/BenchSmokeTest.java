package dev.ember.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness end to end at a tiny scale: real child JVMs for Ember, Apache Spark and DuckDB, their
 * answers checked against each other, the results files written. Spark takes seconds to start and
 * to run even a tiny query, so it runs two TPC-H queries and the DataFrame and RDD word counts
 * only; the other suites run on Ember and DuckDB (pi, a suite of RDD programs, on Ember alone).
 * The whole class takes about a minute.
 */
class BenchSmokeTest {
    @TempDir
    Path data;

    @TempDir
    Path out;

    @Test
    void tpchQueriesAgreeOnEveryEngine() throws Exception {
        SuiteReport report = run("tpch", "0.01", "ember,spark,duckdb", "--format", "csv", "--queries", "1,13");

        assertThat(report.rows()).extracting(SuiteReport.Row::query).containsExactly("q01", "q13");
        assertThat(report.rows()).allSatisfy(row -> {
            assertThat(row.byEngine()).containsOnlyKeys("ember", "spark", "duckdb");
            assertThat(row.answers()).isEqualTo("agree");
        });
        assertThat(report.geomean("duckdb")).isPositive();
        assertThat(report.markdown()).contains("| q01 |", "ember/spark", "ember/duckdb", "geomean (2 counted)");
        assertThat(resultFiles()).anyMatch(name -> name.startsWith("tpch-sf0.01-") && name.endsWith(".md"))
                .anyMatch(name -> name.startsWith("tpch-sf0.01-") && name.endsWith(".json"));
        String json = Files.readString(out.resolve(resultFiles().stream().filter(name -> name.endsWith(".json")).findFirst().orElseThrow()));
        assertThat(json).contains("\"machine\"", "\"versions\"", "\"duckdb\"", "\"settings\"", "\"geomeanSeconds\"");
    }

    @Test
    void wordCountWithDataFramesAndRddsAgreesBetweenEmberAndSpark() throws Exception {
        SuiteReport report = run("wordcount", "0.0002", "ember,spark", "--queries", "dataframe,rdd");

        assertThat(report.rows()).extracting(SuiteReport.Row::query).containsExactly("dataframe", "rdd");
        assertThat(report.rows()).allSatisfy(row -> {
            assertThat(row.byEngine()).containsOnlyKeys("ember", "spark");
            assertThat(row.answers()).isEqualTo("agree");
        });
        assertThat(report.markdown()).contains("- ember, heap 8g: dataframe, rdd give the same answer",
                "- spark, heap 8g: dataframe, rdd give the same answer");
    }

    @Test
    void sqlSuitesAgreeBetweenEmberAndDuckDb() throws Exception {
        SuiteReport words = run("wordcount", "0.0002", "ember,duckdb");
        assertThat(words.rows()).extracting(SuiteReport.Row::query, SuiteReport.Row::answers)
                .containsExactly(tuple("sql", "agree"), tuple("dataframe", "unchecked"), tuple("rdd", "unchecked"));
        assertThat(words.markdown()).contains("- ember, heap 8g: sql, dataframe, rdd give the same answer");

        assertThat(run("topauthors", "0.001", "ember,duckdb").allAgree()).isTrue();

        SuiteReport skew = run("skewjoin", "0.0005", "ember,duckdb", "--heaps", "512m,256m");
        assertThat(skew.rows()).extracting(SuiteReport.Row::heap, SuiteReport.Row::answers)
                .containsExactly(tuple("512m", "agree"), tuple("256m", "agree"));
    }

    @Test
    void piRunsItsRddProgramAndStartsNoEngineWithoutAProgramToRun() throws Exception {
        SuiteReport pi = run("pi", "0.005", "ember,duckdb");
        assertThat(pi.rows()).singleElement().satisfies(row -> {
            assertThat(row.query()).isEqualTo("rdd");
            assertThat(row.byEngine()).containsOnlyKeys("ember");
            assertThat(row.byEngine().get("ember").rows()).isEqualTo(1);
            assertThat(row.answers()).isEqualTo("unchecked");
        });
        assertThat(pi.markdown()).contains("Monte Carlo pi, 5 slices of 100,000 points").doesNotContain("- duckdb");
    }

    private SuiteReport run(String suite, String scale, String engines, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--suite", suite, "--sf", scale, "--engines", engines, "--runs", "1",
                "--data", data.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return Bench.run(BenchOptions.parse(args.toArray(String[]::new)));
    }

    private List<String> resultFiles() throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
