package dev.ember.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster deploy mode: drivers submitted to a master (a process) run on its worker (a process) as
 * processes of their own, with an application jar compiled here, which neither the worker nor the
 * executors have on their class path.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ClusterDeployModeTest {
    /**
     * {@code Job OUT MODE}: writes its pid to OUT.pid, then, in mode "sum", runs a job on the
     * cluster and writes its result to OUT; "sleep" sleeps; "once" sleeps on its first run (it
     * leaves OUT.marker) and runs the job on the next.
     */
    private static final String JOB = """
            package app;
            import dev.ember.sql.EmberSession;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.List;
            public class Job {
                public static void main(String[] args) throws Exception {
                    Path out = Path.of(args[0]);
                    Path marker = Path.of(args[0] + ".marker");
                    boolean sleep = args[1].equals("sleep") || args[1].equals("once") && !Files.exists(marker);
                    Files.writeString(marker, "");
                    Files.writeString(Path.of(args[0] + ".pid"), String.valueOf(ProcessHandle.current().pid()));
                    if (sleep) {
                        Thread.sleep(600_000);
                    }
                    try (EmberSession session = EmberSession.builder().appName("job").getOrCreate()) {
                        int sum = session.context().parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 2).map(n -> n * 3).reduce(Integer::sum);
                        Files.writeString(out, sum + " " + session.conf().get("ember.submit.deployMode", "client"));
                    }
                }
            }""";
    private static final Map<String, String> SETTINGS = Map.of("ember.driver.memory", "256m", "spark.executor.memory", "256m");

    @TempDir
    static Path work;
    private static LocalCluster cluster;
    private static Process worker;
    private static Path jar;

    @BeforeAll
    static void startCluster() throws Exception {
        jar = compileToJar(work.resolve("app"));
        cluster = new LocalCluster(Map.of());
        cluster.startMaster();
        worker = cluster.startWorker(2, work.resolve("worker"));
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void aSubmittedDriverRunsOnTheWorkerToFinishedAndIsShownInTheUis() throws Exception {
        Path out = work.resolve("sum.txt");
        try (DriverClient client = DriverClient.connect(cluster.masterUrl(), SETTINGS)) {
            String id = client.submit(jar, "app.Job", List.of(out.toString(), "sum"), SETTINGS, false);
            assertThat(id).matches("driver-\\d{14}-\\d{4}");

            DriverClient.Status status = client.awaitEnd(id, 200);
            assertThat(status.state()).isEqualTo("FINISHED");
            assertThat(Files.readString(out)).isEqualTo("165 cluster");
            assertThat(client.status(id).workerHost()).isEqualTo("127.0.0.1");

            String json = get(cluster.masterWebUi() + "/json");
            assertThat(json).contains("\"completeddrivers\"").contains("\"id\" : \"" + id + "\"").contains("\"mainclass\" : \"app.Job\"")
                    .contains("\"state\" : \"FINISHED\"");
            assertThat(get(cluster.masterWebUi() + "/")).contains("Completed Drivers (").contains(id);
            String workerPage = get(cluster.webUiOf(worker) + "/");
            assertThat(workerPage).contains(id).contains("/logPage/?driverId=" + id + "&amp;logType=stderr");
            assertThat(get(cluster.webUiOf(worker) + "/logPage/?driverId=" + id + "&logType=stdout")).contains("stdout of driver " + id);
        }
        assertThatThrownBy(() -> {
            try (DriverClient client = DriverClient.connect(cluster.masterUrl(), Map.of())) {
                client.status("driver-20000101000000-9999");
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no record of driver driver-20000101000000-9999");
    }

    @Test
    void aKilledDriverEndsKilledAndItsProcessIsGone() throws Exception {
        Path out = work.resolve("killed.txt");
        try (DriverClient client = DriverClient.connect(cluster.masterUrl(), SETTINGS)) {
            String id = client.submit(jar, "app.Job", List.of(out.toString(), "sleep"), SETTINGS, true);
            ProcessHandle driver = ProcessHandle.of(awaitPid(out, p -> true)).orElseThrow();
            assertThat(client.status(id).state()).isEqualTo("RUNNING");

            assertThat(client.kill(id).message()).contains("kill request for " + id);
            assertThat(client.awaitEnd(id, 200).state()).isEqualTo("KILLED");
            assertThat(driver.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
            assertThat(client.kill(id).message()).contains("has already ended");
        }
    }

    @Test
    void aSupervisedDriverKilledByASignalIsRelaunchedAndFinishes() throws Exception {
        Path out = work.resolve("supervised.txt");
        try (DriverClient client = DriverClient.connect(cluster.masterUrl(), SETTINGS)) {
            String id = client.submit(jar, "app.Job", List.of(out.toString(), "once"), SETTINGS, true);
            long first = awaitPid(out, p -> true);
            ProcessHandle.of(first).orElseThrow().destroyForcibly();

            long second = awaitPid(out, p -> p != first);
            assertThat(second).isNotEqualTo(first);
            assertThat(client.awaitEnd(id, 200).state()).isEqualTo("FINISHED");
            assertThat(Files.readString(out)).isEqualTo("165 cluster");
        }
    }

    @Test
    void anUnsupervisedDriverKilledByASignalEndsFailed() throws Exception {
        Path out = work.resolve("unsupervised.txt");
        try (DriverClient client = DriverClient.connect(cluster.masterUrl(), SETTINGS)) {
            String id = client.submit(jar, "app.Job", List.of(out.toString(), "once"), SETTINGS, false);
            ProcessHandle.of(awaitPid(out, p -> true)).orElseThrow().destroyForcibly();

            assertThat(client.awaitEnd(id, 200).state()).isEqualTo("FAILED");
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void withASecretSubmissionsMustProveItAndDriversGetItOnStandardInput() throws Exception {
        String secret = "deploy-secret-" + System.nanoTime();
        Map<String, String> settings = Map.of("ember.driver.memory", "256m", "ember.executor.memory", "256m", "spark.authenticate", "true",
                "spark.authenticate.secret", secret);
        try (LocalCluster secured = new LocalCluster(Map.of(ClusterSecurity.ENVIRONMENT_VARIABLE, secret))) {
            secured.startMaster();
            secured.startWorker(2, work.resolve("secured-worker"));
            assertThatThrownBy(() -> {
                try (DriverClient client = DriverClient.connect(secured.masterUrl(), SETTINGS)) {
                    client.submit(jar, "app.Job", List.of(work.resolve("refused.txt").toString(), "sum"), SETTINGS, false);
                }
            }).hasMessageContaining("UNAUTHENTICATED");

            try (DriverClient client = DriverClient.connect(secured.masterUrl(), settings)) {
                Path sleeping = work.resolve("secured-sleep.txt");
                String sleeper = client.submit(jar, "app.Job", List.of(sleeping.toString(), "sleep"), settings, false);
                long pid = awaitPid(sleeping, p -> true);
                assertThat(Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline"))).doesNotContain(secret);
                assertThat(Files.readString(Path.of("/proc", String.valueOf(pid), "environ"))).doesNotContain(secret);
                client.kill(sleeper);
                assertThat(client.awaitEnd(sleeper, 200).state()).isEqualTo("KILLED");

                Path out = work.resolve("secured-sum.txt");
                String id = client.submit(jar, "app.Job", List.of(out.toString(), "sum"), settings, false);
                assertThat(client.awaitEnd(id, 200).state()).isEqualTo("FINISHED");
                assertThat(Files.readString(out)).isEqualTo("165 cluster");
            }
        }
    }

    /**
     * The master dies after placing two drivers on the worker, before the worker heard of them (its
     * heartbeats paused): the recovered master's state says they run, the worker reports that they
     * do not, so the supervised one is launched again and finishes, the other ends in ERROR.
     */
    @Test
    void driversPlacedJustBeforeTheMasterDiedAreRelaunchedIfSupervisedElseEndInError() throws Exception {
        Path paused = work.resolve("heartbeats-paused");
        Path out = work.resolve("placed-supervised.txt");
        try (LocalCluster recovering = new LocalCluster(Map.of())) {
            recovering.startMaster(List.of("--recovery-dir", work.resolve("recovery").toString()));
            recovering.startWorker(2, work.resolve("recovering-worker"), Map.of(), List.of("-D" + Worker.PAUSE_HEARTBEATS_WHILE + "=" + paused));
            String supervised;
            String unsupervised;
            try (DriverClient client = DriverClient.connect(recovering.masterUrl(), SETTINGS)) {
                Files.writeString(paused, "");
                Thread.sleep(4 * Worker.HEARTBEAT_MILLIS); // lets a heartbeat under way end
                supervised = client.submit(jar, "app.Job", List.of(out.toString(), "sum"), SETTINGS, true);
                unsupervised = client.submit(jar, "app.Job", List.of(work.resolve("placed-unsupervised.txt").toString(), "sum"), SETTINGS, false);
                assertThat(client.status(supervised).state()).isEqualTo("RUNNING");
                assertThat(client.status(unsupervised).state()).isEqualTo("RUNNING");
            }
            recovering.killMaster();
            recovering.restartMaster();
            Files.delete(paused);

            try (DriverClient client = DriverClient.connect(recovering.masterUrl(), SETTINGS)) {
                assertThat(client.awaitEnd(unsupervised, 200).state()).isEqualTo("ERROR");
                assertThat(client.awaitEnd(supervised, 200).state()).isEqualTo("FINISHED");
                assertThat(Files.readString(out)).isEqualTo("165 cluster");
            }
            assertThat(work.resolve("placed-unsupervised.txt.pid")).doesNotExist();
        }
    }

    /** The pid the job wrote to OUT.pid, once it is one {@code wanted} accepts (60 s at most). */
    private static long awaitPid(Path out, Predicate<Long> wanted) throws Exception {
        Path file = Path.of(out + ".pid");
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(file)) {
                String text = Files.readString(file).trim();
                if (!text.isEmpty() && wanted.test(Long.parseLong(text))) {
                    return Long.parseLong(text);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the driver did not write " + file);
    }

    static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    /** The job compiled against this class path, alone in a jar. */
    static Path compileToJar(Path directory) throws Exception {
        Path sources = Files.createDirectories(directory.resolve("src"));
        Path classes = Files.createDirectories(directory.resolve("classes"));
        Path file = sources.resolve("Job.java");
        Files.writeString(file, JOB);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), file.toString());
        assertThat(status).isZero();
        Path jar = directory.resolve("job.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path entry : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(entry).toString()));
                out.write(Files.readAllBytes(entry));
                out.closeEntry();
            }
        }
        return jar;
    }
}
