package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.cluster.ClusterSecurity;
import dev.ember.cluster.Master;
import dev.ember.cluster.Worker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ember submit --deploy-mode cluster}, {@code --status} and {@code --kill} against a master and worker started here. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SubmitClusterModeTest {
    private static final String SAMPLE = SampleApplication.class.getName();

    @TempDir
    Path directory;

    @Test
    void submitsADriverWaitsForItAndReportsItsState() throws Exception {
        Path jar = jar();
        try (Master master = Master.start("127.0.0.1", 0, 0, ClusterSecurity.fromEnvironment(), Optional.empty());
                Worker worker = Worker.start(master.url(), "127.0.0.1", 1, 1L << 30, directory.resolve("work"), 0, ClusterSecurity.fromEnvironment())) {
            CliRun run = CliRun.run("submit", "--master", master.url(), "--deploy-mode", "cluster", "--driver-memory", "128m",
                    "--conf", "spark.standalone.submit.waitAppCompletion=true", "--class", SAMPLE, jar.toString(), "a");
            assertThat(run.exitCode()).as(run.err()).isZero();
            String id = run.out().trim();
            assertThat(id).matches("driver-\\d{14}-0000");
            assertThat(run.err()).contains("Driver successfully submitted as " + id).contains("State of driver " + id + " is FINISHED");

            CliRun status = CliRun.run("submit", "--master", master.url(), "--status", id);
            assertThat(status.exitCode()).isZero();
            assertThat(status.out()).startsWith("State of driver " + id + " is FINISHED\nDriver ran on 127.0.0.1 (worker-");

            CliRun failed = CliRun.run("submit", "--master", master.url(), "--deploy-mode", "cluster", "--driver-memory", "128m",
                    "--conf", "ember.standalone.submit.waitAppCompletion=true", "--class", SAMPLE, jar.toString(), "fail");
            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.err()).contains(" is FAILED");

            CliRun unknown = CliRun.run("submit", "--master", master.url(), "--kill", "driver-20000101000000-0042");
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.err()).isEqualTo("Error: the master has no record of driver driver-20000101000000-0042\n");
        }
    }

    @Test
    void clusterModeNeedsAStandaloneMaster() throws IOException {
        CliRun run = CliRun.run("submit", "--master", "local[2]", "--deploy-mode", "cluster", "--class", SAMPLE, jar().toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: cluster deploy mode needs a standalone master: --master ember://HOST:PORT, not local[2]\n");

        CliRun status = CliRun.run("submit", "--status", "driver-1");
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.err()).isEqualTo("Error: --status needs a standalone master: --master ember://HOST:PORT\n");

        CliRun mode = CliRun.run("submit", "--deploy-mode", "both", "--class", SAMPLE, jar().toString());
        assertThat(mode.err()).isEqualTo("Error: --deploy-mode must be client or cluster, not both\n");
    }

    /** A jar holding {@link SampleApplication}. */
    private Path jar() throws IOException {
        Path jar = directory.resolve("app.jar");
        String entry = SAMPLE.replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                InputStream classFile = SampleApplication.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
