package dev.ember.io.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Partitioned directory layouts, globs and partitionBy writes, end to end with CSV files. */
class PartitionedLayoutTest {
    private static EmberSession ember;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        ember = EmberSession.builder().master("local[2]").config("ember.sql.session.timeZone", "UTC").getOrCreate();
    }

    @AfterAll
    static void stop() {
        ember.close();
    }

    private void file(String relative, String content) throws IOException {
        Path path = dir.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    private static List<String> rows(DataFrame frame) {
        return frame.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    @Test
    void partitionColumnsFollowTheDataColumnsWithInferredTypes() throws IOException {
        file("t/year=2024/day=2024-01-05/part-0.csv", "id\n1\n2\n");
        file("t/year=2025/day=__HIVE_DEFAULT_PARTITION__/part-0.csv", "id\n3\n");
        file("t/_SUCCESS", "");
        DataFrame frame = ember.read().option("header", "true").option("inferSchema", "true").csv(dir.resolve("t").toString());

        assertThat(frame.schema().simpleString()).isEqualTo("struct<id:int,year:int,day:date>");
        assertThat(frame.filter("id = 1").collectAsList().get(0).get(2)).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(frame.filter("id = 3").collectAsList().get(0).get(2)).isNull();
        assertThat(frame.selectExpr("year").collectAsList()).hasSize(3);
    }

    @Test
    void basePathKeepsTheColumnsAboveTheReadDirectory() throws IOException {
        file("t/year=2024/month=1/part-0.csv", "a\n");
        file("t/year=2024/month=2/part-0.csv", "b\n");
        String partition = dir.resolve("t/year=2024").toString();

        assertThat(ember.read().csv(partition).columns()).containsExactly("_c0", "month");
        assertThat(ember.read().option("basePath", dir.resolve("t").toString()).csv(partition).columns())
                .containsExactly("_c0", "year", "month");
        assertThat(ember.read().option("recursiveFileLookup", "true").csv(partition).columns()).containsExactly("_c0");
    }

    @Test
    void inconsistentLayoutsFail() throws IOException {
        file("t/a=1/part-0.csv", "x\n");
        file("t/b=1/part-0.csv", "y\n");
        assertThatThrownBy(() -> ember.read().csv(dir.resolve("t").toString()))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass().name()).isEqualTo("CONFLICTING_PARTITION_COLUMN_NAMES"));
    }

    @Test
    void filtersOnPartitionColumnsSkipWholeDirectories() throws IOException {
        file("t/p=1/part-0.csv", "1\n");
        file("t/p=2/part-0.csv", "2\n");
        // Unreadable as an int: reading this directory would fail the query.
        file("t/p=3/part-0.csv", "not a number\n");
        ember.read().schema("v INT, p INT").option("mode", "FAILFAST").csv(dir.resolve("t").toString()).createOrReplaceTempView("pruned");

        assertThat(rows(ember.sql("SELECT v, p FROM pruned WHERE p < 3"))).containsExactly("[1,1]", "[2,2]");
        String plan = ember.sql("EXPLAIN SELECT v FROM pruned WHERE p = 2").collectAsList().get(0).get(0).toString();
        assertThat(plan).contains("PartitionFilters: [(p = 2)]").contains("1 splits");
        assertThat(ember.sql("SELECT count(*) FROM pruned WHERE p IN (1, 2)").collectAsList().get(0).get(0)).isEqualTo(2L);
    }

    @Test
    void globsMatchNamesAndAlternatives() throws IOException {
        file("d/2024-01/part-0.csv", "a\n");
        file("d/2024-02/part-0.csv", "b\n");
        file("d/2025-01/part-0.csv", "c\n");
        file("d/2024-01/other.txt", "z\n");
        String root = dir.resolve("d").toString();

        assertThat(rows(ember.read().csv(root + "/2024-*/part-*.csv"))).containsExactly("[a]", "[b]");
        assertThat(rows(ember.read().csv(root + "/{2024-02,2025-01}"))).containsExactly("[b]", "[c]");
        assertThat(rows(ember.read().csv(root + "/202?-0[1]"))).containsExactly("[a]", "[c]", "[z]");
        assertThat(rows(ember.read().option("pathGlobFilter", "*.csv").csv(root))).containsExactly("[a]", "[b]", "[c]");
        assertThat(rows(ember.read().csv(root + "/2024-01/part-0.csv", root + "/2025-01"))).containsExactly("[a]", "[c]");
        assertThatThrownBy(() -> ember.read().csv(root + "/1999-*"))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass().name()).isEqualTo("PATH_NOT_FOUND"));
    }

    @Test
    void partitionByWritesOneDirectoryPerValueWithoutThePartitionColumns() throws IOException {
        String out = dir.resolve("out").toString();
        ember.sql("SELECT * FROM VALUES (1, 'a/b', 10), (2, NULL, 10), (3, 'a/b', 20) AS t(id, k, n)")
                .write().partitionBy("k", "n").option("header", "true").csv(out);

        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            assertThat(files.filter(Files::isRegularFile).map(p -> dir.resolve("out").relativize(p).getParent())
                    .filter(p -> p != null).map(Path::toString).distinct().sorted())
                    .containsExactly("k=__HIVE_DEFAULT_PARTITION__/n=10", "k=a%2Fb/n=10", "k=a%2Fb/n=20");
        }
        DataFrame back = ember.read().option("header", "true").option("inferSchema", "true").csv(out);
        assertThat(back.schema().simpleString()).isEqualTo("struct<id:int,k:string,n:int>");
        assertThat(rows(back)).containsExactly("[1,a/b,10]", "[2,null,10]", "[3,a/b,20]");
    }

    @Test
    void dynamicOverwriteReplacesOnlyThePartitionsWritten() {
        String out = dir.resolve("dyn").toString();
        ember.sql("SELECT * FROM VALUES (1, 1), (2, 2) AS t(v, p)").write().partitionBy("p").csv(out);
        ember.sql("SELECT * FROM VALUES (9, 2), (7, 3) AS t(v, p)").write().partitionBy("p").mode("overwrite")
                .option("partitionOverwriteMode", "dynamic").csv(out);
        assertThat(rows(ember.read().schema("v INT, p INT").csv(out))).containsExactly("[1,1]", "[7,3]", "[9,2]");

        ember.sql("SELECT * FROM VALUES (5, 5) AS t(v, p)").write().partitionBy("p").mode("overwrite").csv(out);
        assertThat(rows(ember.read().schema("v INT, p INT").csv(out))).containsExactly("[5,5]");
        ember.sql("SELECT * FROM VALUES (6, 5) AS t(v, p)").write().partitionBy("p").mode("append").csv(out);
        assertThat(rows(ember.read().schema("v INT, p INT").csv(out))).containsExactly("[5,5]", "[6,5]");
    }

    @Test
    void partitionByChecksItsColumns() {
        DataFrame frame = ember.sql("SELECT 1 AS a, 2 AS b");
        assertThatThrownBy(() -> frame.write().partitionBy("c").csv(dir.resolve("x").toString()))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass().name()).isEqualTo("PARTITION_COLUMN_NOT_FOUND_IN_SCHEMA"));
        assertThatThrownBy(() -> frame.write().partitionBy("a", "b").csv(dir.resolve("x").toString()))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass().name()).isEqualTo("ALL_PARTITION_COLUMNS_NOT_ALLOWED"));
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
