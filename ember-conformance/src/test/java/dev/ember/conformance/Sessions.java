package dev.ember.conformance;

import dev.ember.config.EmberConf;
import dev.ember.sql.EmberSession;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The two engines, each started once per test JVM on first use and configured alike: two local
 * task threads, the JVM's time zone as session time zone, ANSI mode on.
 */
final class Sessions {
    private static SparkSession spark;
    private static EmberSession ember;
    private static Map<String, String> initialSettings;

    private Sessions() {
    }

    /**
     * A fresh Spark session for one case: its own temporary views and SQL settings, sharing the one
     * SparkContext, so that no case sees what another created.
     */
    static synchronized SparkSession newSparkSession() {
        if (spark == null) {
            spark = SparkSession.builder()
                    .appName("ember-conformance")
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.session.timeZone", timeZone())
                    .config("spark.sql.datetime.java8API.enabled", "true")
                    .config("spark.sql.ansi.enabled", "true")
                    .config("spark.sql.warehouse.dir", warehouse("spark").toString())
                    .getOrCreate();
        }
        return spark.newSession();
    }

    /**
     * The Ember session. It is shared by all cases (cases therefore use {@code CREATE OR REPLACE}
     * for their views). A failure to start is thrown to the case that asked, and retried by the next.
     */
    static synchronized EmberSession ember() {
        if (ember == null) {
            ember = EmberSession.builder()
                    .appName("ember-conformance")
                    .master("local[2]")
                    .config("ember.sql.session.timeZone", timeZone())
                    .config("ember.sql.warehouse.dir", warehouse("ember").toString())
                    .getOrCreate();
            initialSettings = ember.conf().all();
        }
        return ember;
    }

    /**
     * The Ember session with the settings it started with, for a new case: what a case changed with
     * {@code SET} (such as the session time zone) must not reach the next, as each Spark case gets
     * a fresh session.
     */
    static synchronized EmberSession emberForNewCase() {
        EmberSession session = ember();
        EmberConf conf = session.conf();
        conf.all().keySet().stream().filter(key -> !initialSettings.containsKey(key)).forEach(conf::unset);
        initialSettings.forEach(conf::set);
        return session;
    }

    static String timeZone() {
        return ZoneId.systemDefault().getId();
    }

    /** {@code src/test/resources/data} of this module, what {@code ${data}} in a case stands for. */
    static Path dataDirectory() {
        return moduleDirectory().resolve("src/test/resources/data");
    }

    /**
     * A fresh, empty directory for one engine's files in one case, what {@code ${tmp}} stands
     * for: {@code target/conformance-scratch/<engine>/<case>}.
     */
    static Path scratchDirectory(String engine, String caseName) {
        Path directory = moduleDirectory().resolve("target/conformance-scratch").resolve(engine).resolve(caseName.replaceAll("[^A-Za-z0-9_.-]", "_"));
        deleteRecursively(directory);
        return directory;
    }

    /** The engine's warehouse of tables, emptied when the engine starts (Spark's catalog of tables is in memory). */
    private static Path warehouse(String engine) {
        Path directory = moduleDirectory().resolve("target/conformance-warehouse").resolve(engine);
        deleteRecursively(directory);
        return directory;
    }

    private static void deleteRecursively(Path directory) {
        if (!java.nio.file.Files.exists(directory)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(directory)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(path);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path moduleDirectory() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }
}
