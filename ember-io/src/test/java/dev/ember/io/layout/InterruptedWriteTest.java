package dev.ember.io.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that dies (killed, or a failing task) leaves its destination as it was, and readers never see its staged files. */
class InterruptedWriteTest {
    @TempDir
    Path dir;

    /** Every file under a directory with its content. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    private static List<String> rows(EmberSession ember, String path) {
        return ember.read().csv(path).collectAsList().stream().map(Row::toString).sorted().toList();
    }

    @Test
    void killedWriteLeavesTheOldContents() throws Exception {
        Path destination = dir.resolve("dest");
        try (EmberSession ember = EmberSession.builder().master("local[2]").getOrCreate()) {
            ember.sql("SELECT 1 AS id, 2 AS x").write().csv(destination.toString());
        }
        Map<String, String> before = snapshot(destination);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LongWrite.class.getName(), destination.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (stagedBytes() < 100_000) {
                assertThat(child.isAlive()).as("the child still writes; its log:\n%s", log()).isTrue();
                assertThat(System.nanoTime()).as("staged data within a minute").isLessThan(deadline);
                Thread.sleep(50);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }

        assertThat(snapshot(destination)).isEqualTo(before);
        try (EmberSession ember = EmberSession.builder().master("local[2]").getOrCreate()) {
            assertThat(rows(ember, destination.toString())).containsExactly("[1,2]");
            // The killed job's staging directory is still beside the destination, hidden: reading the parent skips it.
            assertThat(stagedBytes()).isPositive();
            assertThat(ember.read().csv(dir.toString()).count()).isEqualTo(1);
        }
    }

    /** The bytes written so far under staging directories of the destination. */
    private long stagedBytes() throws IOException {
        long bytes = 0;
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path staging : entries.filter(p -> p.getFileName().toString().startsWith(".dest.ember-staging-")).toList()) {
                try (Stream<Path> walk = Files.walk(staging)) {
                    for (Path file : walk.filter(Files::isRegularFile).toList()) {
                        bytes += Files.size(file);
                    }
                } catch (IOException e) {
                    // a file closed or moved while listing: count it next time
                }
            }
        }
        return bytes;
    }

    private String log() throws IOException {
        Path log = dir.resolve("child.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Test
    void failingJobLeavesTheDestinationUnchanged() throws IOException {
        Path destination = dir.resolve("out");
        try (EmberSession ember = EmberSession.builder().master("local[2]").getOrCreate()) {
            ember.sql("SELECT 1 AS a").write().csv(destination.toString());
            Map<String, String> before = snapshot(destination);

            assertThatThrownBy(() -> ember.range(0, 10_000, 1, 2).selectExpr("id", "10 / (id - 9000) AS q", "id % 3 AS p")
                    .write().mode("overwrite").partitionBy("p").csv(destination.toString()))
                    .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass().name()).isEqualTo("DIVIDE_BY_ZERO"));
            assertThat(snapshot(destination)).isEqualTo(before);
            assertThatThrownBy(() -> ember.range(0, 10).selectExpr("1 / 0 AS q")
                    .write().csv(dir.resolve("fresh").toString())).isInstanceOf(EmberException.class);
            assertThat(dir.resolve("fresh")).doesNotExist();
            try (Stream<Path> left = Files.list(dir)) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactly("out");
            }
        }
    }
}
