package dev.ember.io.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.fs.Location;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions writing and reading {@code s3a://} paths on a real S3 server, through the commit protocol. */
class S3EndToEndTest {
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private static S3TestServer server;

    private String bucket;
    private EmberSession ember;

    @BeforeAll
    static void startServer() throws Exception {
        server = new S3TestServer();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void start() {
        bucket = "e2e-" + BUCKETS.incrementAndGet();
        server.createBucket(bucket);
        ember = session("ember.hadoop.", server.settings());
    }

    @AfterEach
    void stop() {
        ember.close();
    }

    private static EmberSession session(String prefix, Map<String, String> settings) {
        EmberSession.Builder builder = EmberSession.builder().master("local[2]");
        settings.forEach((key, value) -> builder.config(prefix + key, value));
        return builder.getOrCreate();
    }

    private String path(String key) {
        return "s3a://" + bucket + "/" + key;
    }

    private DataFrame numbers(EmberSession session, int count) {
        return session.range(0, count, 1, 2).selectExpr("id", "concat('v', cast(id AS string)) AS name");
    }

    private List<String> readCsv(EmberSession session, String path) {
        return session.read().option("header", "true").option("inferSchema", "true").csv(path).orderBy("id", "name")
                .collectAsList().stream().map(S3EndToEndTest::text).toList();
    }

    private static String text(Row row) {
        return row.get(0) + "," + row.get(1);
    }

    /** Every object in the bucket, by key. */
    private List<String> keys() throws IOException {
        Location root = Location.of("s3a://" + bucket);
        return new S3FileSystem(server.settings()).listFiles(root).stream().map(f -> root.relativize(f.location())).toList();
    }

    @Test
    void writesCsvAndTextAndReadsThemBack() throws IOException {
        numbers(ember, 4).write().option("header", "true").csv(path("out"));
        numbers(ember, 3).selectExpr("name").write().text(path("lines"));

        assertThat(readCsv(ember, path("out"))).containsExactly("0,v0", "1,v1", "2,v2", "3,v3");
        assertThat(ember.read().text(path("lines")).orderBy("value").collectAsList()).extracting(row -> row.get(0))
                .containsExactly("v0", "v1", "v2");
        assertThat(keys()).contains("out/_SUCCESS", "lines/_SUCCESS").allSatisfy(key -> assertThat(key).doesNotContain("ember-staging"));
        assertThat(keys()).filteredOn(key -> key.startsWith("out/part-")).hasSize(2).allSatisfy(key -> assertThat(key).endsWith(".csv"));
    }

    @Test
    void saveModesOnAnExistingDestination() throws IOException {
        String out = path("out");
        numbers(ember, 2).write().option("header", "true").csv(out);
        List<String> firstFiles = keys();

        assertThatThrownBy(() -> numbers(ember, 5).write().csv(out)).isInstanceOf(EmberException.class)
                .satisfies(e -> assertThat(((EmberException) e).errorClass()).isEqualTo(ErrorClass.PATH_ALREADY_EXISTS))
                .hasMessageContaining(out);
        numbers(ember, 5).write().mode("ignore").csv(out);
        assertThat(keys()).isEqualTo(firstFiles);

        numbers(ember, 2).write().mode("append").option("header", "true").csv(out);
        assertThat(readCsv(ember, out)).containsExactly("0,v0", "0,v0", "1,v1", "1,v1");

        ember.range(7, 9, 1, 1).selectExpr("id", "'new' AS name").write().mode("overwrite").option("header", "true").csv(out);
        assertThat(readCsv(ember, out)).containsExactly("7,new", "8,new");
        assertThat(keys()).filteredOn(key -> key.startsWith("out/part-")).hasSize(1);
        assertThat(keys()).noneMatch(key -> key.contains("ember-"));
    }

    @Test
    void aFailingJobLeavesTheDestinationAsItWas() throws IOException {
        String out = path("out");
        numbers(ember, 3).write().option("header", "true").csv(out);
        List<String> before = keys();

        // Under ANSI mode a division by zero fails the task that meets row 2.
        DataFrame failing = ember.range(0, 4, 1, 2).selectExpr("id", "cast(10 / (id - 2) AS string) AS name");
        assertThatThrownBy(() -> failing.write().mode("overwrite").option("header", "true").csv(out)).isInstanceOf(EmberException.class);
        assertThatThrownBy(() -> failing.write().mode("append").csv(out)).isInstanceOf(EmberException.class);

        assertThat(keys()).isEqualTo(before);
        assertThat(readCsv(ember, out)).containsExactly("0,v0", "1,v1", "2,v2");
    }

    @Test
    void sparkHadoopSettingsConfigureTheFileSystemToo() {
        try (EmberSession spark = session("spark.hadoop.", server.settings())) {
            numbers(spark, 2).write().option("header", "true").csv(path("spark"));
            assertThat(readCsv(spark, "s3://" + bucket + "/spark")).containsExactly("0,v0", "1,v1");
        }
    }

    @Test
    void storeErrorsAreEmberErrorsNamingThePath() {
        assertThatThrownBy(() -> ember.read().csv("s3a://no-such-bucket/data")).isInstanceOf(EmberException.class)
                .satisfies(e -> assertThat(((EmberException) e).errorClass()).isEqualTo(ErrorClass.PATH_NOT_FOUND))
                .hasMessageContaining("s3a://no-such-bucket/data");
        assertThatThrownBy(() -> ember.read().csv(path("missing"))).isInstanceOf(EmberException.class)
                .satisfies(e -> assertThat(((EmberException) e).errorClass()).isEqualTo(ErrorClass.PATH_NOT_FOUND));
        assertThatThrownBy(() -> numbers(ember, 1).write().csv("s3a://no-such-bucket/out")).isInstanceOf(EmberException.class)
                .satisfies(e -> assertThat(((EmberException) e).errorClass()).isEqualTo(ErrorClass.IO_ERROR))
                .hasMessageContaining("s3a://no-such-bucket/out").hasMessageContaining("does not exist");

        Map<String, String> wrongSecret = new java.util.HashMap<>(server.settings());
        wrongSecret.put("fs.s3a.secret.key", "wrong");
        try (EmberSession denied = session("ember.hadoop.", wrongSecret)) {
            assertThatThrownBy(() -> denied.read().csv(path("data"))).isInstanceOf(EmberException.class)
                    .satisfies(e -> assertThat(((EmberException) e).errorClass()).isEqualTo(ErrorClass.IO_ERROR))
                    .hasMessageContaining(path("data")).hasMessageContaining("access denied");
        }
    }
}
