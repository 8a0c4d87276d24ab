package dev.ember.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.accumulator.LongAccumulator;
import dev.ember.broadcast.Broadcast;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.events.EmberEvent;
import dev.ember.rdd.Pair;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A master and two workers as processes of their own on loopback, and a driver in this JVM. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ClusterIntegrationTest {
    @TempDir
    Path work;

    /** A broadcast value that counts how often this JVM (the driver) serializes it. */
    record Counted(byte[] payload) implements Serializable {
        static final AtomicInteger WRITES = new AtomicInteger();

        private Object writeReplace() {
            WRITES.incrementAndGet();
            return this;
        }
    }

    @Test
    void runsRddJobsAndQueriesOnExecutorsOfTwoWorkers() throws Exception {
        try (LocalCluster cluster = new LocalCluster(Map.of())) {
            String master = cluster.startMaster();
            cluster.startWorker(1, work.resolve("worker-1"));
            cluster.startWorker(1, work.resolve("worker-2"));
            // Spark's setting: the session waits for all the cores placed (else for none of them).
            try (EmberSession session = EmberSession.builder().master(master).config("ember.executor.memory", "256m")
                    .config("ember.sql.autoBroadcastJoinThreshold", "-1").config("ember.sql.adaptive.autoBroadcastJoinThreshold", "-1")
                    .config("spark.scheduler.minRegisteredResourcesRatio", "1.0").getOrCreate()) {
                assertThat(session.context().defaultParallelism()).isEqualTo(2);
                assertThat(executorDirectories()).hasSize(2);

                long sum = session.context().parallelize(IntStream.rangeClosed(1, 1000).boxed().toList(), 4).map(n -> n * 2)
                        .reduce(Integer::sum);
                assertThat(sum).isEqualTo(1_001_000);

                // Broadcast values and accumulators reach the executors and come back from them.
                Broadcast<Map<Integer, String>> names = session.context().broadcast(Map.of(0, "zero", 1, "one"));
                LongAccumulator odd = session.context().longAccumulator("odd");
                List<String> named = session.context().parallelize(List.of(0, 1, 0, 1, 1), 2).map(n -> {
                    if (n % 2 == 1) {
                        odd.add(1);
                    }
                    return names.value().get(n);
                }).collect();
                assertThat(named).containsExactly("zero", "one", "zero", "one", "one");
                assertThat(odd.value()).isEqualTo(3L);

                // A broadcast goes to each executor once, not with each of its tasks.
                Broadcast<Counted> counted = session.context().broadcast(new Counted(new byte[1 << 20]));
                int writesBefore = Counted.WRITES.get();
                long read = session.context().parallelize(IntStream.range(0, 12).boxed().toList(), 12)
                        .map(n -> counted.value().payload().length).reduce(Integer::sum);
                assertThat(read).isEqualTo(12L << 20);
                assertThat(Counted.WRITES.get() - writesBefore).isBetween(1, 2);

                Map<Integer, Long> byRemainder = session.context().parallelize(IntStream.range(0, 1000).boxed().toList(), 4)
                        .mapToPair(n -> Pair.of(n % 7, (long) n)).reduceByKey(Long::sum, 3).collectAsMap();
                assertThat(byRemainder).hasSize(7).containsEntry(0, 71_071L).containsEntry(6, 70_929L);

                String query = """
                        SELECT o.k, count(*) AS n, sum(l.v) AS total
                        FROM (SELECT id AS k FROM range(0, 10)) o JOIN (SELECT id % 10 AS k, id AS v FROM range(0, 10000)) l ON o.k = l.k
                        WHERE o.k < 3
                        GROUP BY o.k ORDER BY o.k""";
                List<Row> rows = session.sql(query).collectAsList();
                assertThat(rows).extracting(Row::toString).containsExactly("[0,1000,4995000]", "[1,1000,4996000]", "[2,1000,4997000]");

                // The small side broadcast instead: every task reads it whole, from both executors.
                session.sql("SET ember.sql.autoBroadcastJoinThreshold=10MB");
                assertThat(session.sql(query).collectAsList()).isEqualTo(rows);
                // Per-operator metrics come back from the executors with the tasks' results.
                assertThat(session.sql("EXPLAIN ANALYZE " + query).collectAsList().get(0).getString(0))
                        .containsPattern("Range \\(0, step=1, count=10000, splits=\\d+\\) rows=10,000 time=");

                // Each executor builds the broadcast side's table once for all its tasks (6 here): 10 rows, or 2 x 10.
                String explained = session.sql("EXPLAIN ANALYZE SELECT count(*) FROM range(0, 10000, 1, 6) l"
                        + " JOIN (SELECT id AS k FROM range(0, 10)) o ON l.id % 10 = o.k").collectAsList().get(0).getString(0);
                Matcher built = Pattern.compile("broadcast right .*buildRows=(\\d+)").matcher(explained);
                assertThat(built.find()).as(explained).isTrue();
                assertThat(Integer.parseInt(built.group(1))).as(explained).isIn(10, 20);

                // Shuffle-read metrics count the blocks fetched from the other executor as well as a task's own.
                List<EmberEvent.TaskEnd> ends = new CopyOnWriteArrayList<>();
                List<String> mapStages = new CopyOnWriteArrayList<>();
                session.addListener(event -> {
                    if (event instanceof EmberEvent.TaskEnd end) {
                        ends.add(end);
                    }
                    if (event instanceof EmberEvent.StageSubmitted stage && stage.name().startsWith("map stage")) {
                        mapStages.add(stage.name());
                    }
                });

                // The main query reads the aggregation shuffle its scalar subquery computed (on the executors), not its own.
                String shared = "WITH t AS (SELECT id % 10 AS k, sum(id) AS s FROM range(0, 10000, 1, 4) GROUP BY id % 10)"
                        + " SELECT k, s FROM t WHERE s = (SELECT max(s) FROM t)";
                assertThat(session.sql(shared).collectAsList()).extracting(Row::toString).containsExactly("[9,5004000]");
                assertThat(session.events().waitUntilEmpty(10_000)).isTrue();
                assertThat(mapStages).hasSize(2);
                ends.clear();
                session.sql("SELECT id % 10 AS k, count(*) FROM range(0, 10000, 1, 2) GROUP BY id % 10").collectAsList();
                assertThat(session.events().waitUntilEmpty(10_000)).isTrue();
                assertThat(ends.stream().mapToLong(end -> end.metrics().shuffleWriteRecords()).sum()).isEqualTo(20);
                assertThat(ends.stream().mapToLong(end -> end.metrics().shuffleReadRecords()).sum()).isEqualTo(20);

                // A cached DataFrame's partitions stay on the executors that computed them.
                DataFrame cached = session.sql("SELECT id % 5 AS k FROM range(0, 1000)").cache();
                assertThat(cached.count()).isEqualTo(1000);
                assertThat(cached.filter("k = 4").count()).isEqualTo(200);
            }
            awaitNoExecutorDirectories();
        }
    }

    @Test
    void aWorkerHandsItsSpareExecutorToTheNextApplicationAndKillsItWhenItStops() throws Exception {
        try (LocalCluster cluster = new LocalCluster(Map.of(ClusterSecurity.ENVIRONMENT_VARIABLE, "s3cret"))) {
            String master = cluster.startMaster();
            Process worker = cluster.startWorker(1, work.resolve("worker-1"));
            ProcessHandle spare = awaitOne(() -> LocalCluster.sparesOf(worker));
            // The spare's heap is the worker's memory (2g): an application asking for that gets it.
            try (EmberSession session = EmberSession.builder().master(master).config("ember.executor.memory", "2g")
                    .config("ember.authenticate", "true").config("ember.authenticate.secret", "s3cret").getOrCreate()) {
                assertThat(session.context().parallelize(List.of(1, 2, 3), 1).map(n -> n * 10).collect()).containsExactly(10, 20, 30);
                assertThat(LocalCluster.executorsOf(worker)).extracting(ProcessHandle::pid).containsExactly(spare.pid());
                assertThat(executorDirectories()).hasSize(1);
                assertThat(Files.exists(executorDirectories().get(0).resolve("stderr"))).isTrue();
                awaitOne(() -> LocalCluster.sparesOf(worker));
            }
            awaitNoExecutorDirectories();
            ProcessHandle next = awaitOne(() -> LocalCluster.sparesOf(worker));
            assertThat(next.pid()).isNotEqualTo(spare.pid());
            // A killed worker cannot kill its spare: the spare exits when its standard input ends.
            worker.destroyForcibly();
            assertThat(next.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        }
    }

    @Test
    void aWorkerWithoutSparesStartsEachExecutorWhenLaunched() throws Exception {
        try (LocalCluster cluster = new LocalCluster(Map.of())) {
            String master = cluster.startMaster();
            Process worker = cluster.startWorker(1, work.resolve("worker-1"), Map.of(), List.of("-D" + Worker.SPARE_EXECUTOR + "=false"));
            try (EmberSession session = EmberSession.builder().master(master).config("ember.executor.memory", "256m").getOrCreate()) {
                assertThat(session.context().parallelize(List.of(1, 2, 3), 1).map(n -> n * 10).collect()).containsExactly(10, 20, 30);
                assertThat(LocalCluster.executorsOf(worker)).hasSize(1);
                // With spares, one of this heap would have been started as the executor was launched.
                assertThat(LocalCluster.sparesOf(worker)).isEmpty();
            }
            awaitNoExecutorDirectories();
            assertThat(LocalCluster.sparesOf(worker)).isEmpty();
        }
    }

    private static ProcessHandle awaitOne(java.util.function.Supplier<List<ProcessHandle>> processes) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        // One listing is checked and returned: a process being started can look different from one listing to the next.
        List<ProcessHandle> found = processes.get();
        while (found.size() != 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            found = processes.get();
        }
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void refusesPeersWithoutTheSecret() throws Exception {
        try (LocalCluster cluster = new LocalCluster(Map.of(ClusterSecurity.ENVIRONMENT_VARIABLE, "right"))) {
            String master = cluster.startMaster();
            Process intruder = cluster.startWorker(1, work.resolve("intruder"), Map.of(ClusterSecurity.ENVIRONMENT_VARIABLE, "wrong"));
            assertThat(intruder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(intruder.exitValue()).isNotZero();

            assertThatThrownBy(() -> EmberSession.builder().master(master).config("ember.authenticate", "true")
                    .config("ember.authenticate.secret", "wrong").getOrCreate())
                    .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.CLUSTER_NO_EXECUTORS))
                    .hasMessageContaining("UNAUTHENTICATED");

            // The right secret gets through, to a master without workers: a clear error, soon.
            assertThatThrownBy(() -> EmberSession.builder().master(master).config("ember.authenticate", "true")
                    .config("ember.authenticate.secret", "right").config("ember.cluster.executorWaitTimeout", "1").getOrCreate())
                    .hasMessageContaining("No worker accepted the application: no worker is registered with the master at " + master);
        }
    }

    @Test
    void shipsTheApplicationJarToTheExecutors() throws Exception {
        Path jar = compileToJar("app.Tripler", """
                package app;
                public class Tripler implements dev.ember.rdd.function.Function<Integer, Integer> {
                    public Integer call(Integer n) { return n * 3; }
                }""");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (LocalCluster cluster = new LocalCluster(Map.of());
                URLClassLoader application = new URLClassLoader(new URL[] {jar.toUri().toURL()}, previous)) {
            String master = cluster.startMaster();
            cluster.startWorker(1, work.resolve("worker-1"));
            // As ember submit runs an application: its classes come from a loader over its jar, which the workers do not have.
            Thread.currentThread().setContextClassLoader(application);
            @SuppressWarnings("unchecked")
            dev.ember.rdd.function.Function<Integer, Integer> tripler =
                    (dev.ember.rdd.function.Function<Integer, Integer>) application.loadClass("app.Tripler").getConstructor().newInstance();
            try (EmberSession session = EmberSession.builder().master(master).config("ember.executor.memory", "256m")
                    .config("ember.jars", jar.toString()).getOrCreate()) {
                int sum = session.context().parallelize(IntStream.rangeClosed(1, 10).boxed().toList(), 2).map(tripler).reduce(Integer::sum);
                assertThat(sum).isEqualTo(165);
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Attempt 0 of partition 3 hangs (a minute, unless interrupted); every other attempt is quick. */
    private static int stuckOnFirstAttempt(int n) throws InterruptedException {
        dev.ember.exec.TaskContext task = dev.ember.exec.TaskContext.get();
        if (task.partitionId() == 3 && task.attemptNumber() == 0) {
            TimeUnit.MINUTES.sleep(1);
        }
        return n;
    }

    @Test
    void aStuckTaskAttemptIsOvertakenBySpeculationOnTheOtherExecutor() throws Exception {
        try (LocalCluster cluster = new LocalCluster(Map.of())) {
            String master = cluster.startMaster();
            cluster.startWorker(1, work.resolve("worker-1"));
            cluster.startWorker(1, work.resolve("worker-2"));
            try (EmberSession session = EmberSession.builder().master(master).config("ember.executor.memory", "256m")
                    .config("spark.speculation", "true").config("spark.speculation.interval", "50ms").getOrCreate()) {
                LongAccumulator mapped = session.context().longAccumulator("mapped");
                long started = System.nanoTime();
                Map<Integer, Long> byRemainder = session.context().parallelize(IntStream.range(0, 1000).boxed().toList(), 4)
                        .map(n -> {
                            mapped.add(1);
                            return stuckOnFirstAttempt(n);
                        })
                        .mapToPair(n -> Pair.of(n % 7, (long) n)).reduceByKey(Long::sum, 3).collectAsMap();
                assertThat(byRemainder).hasSize(7).containsEntry(0, 71_071L).containsEntry(6, 70_929L);
                assertThat(mapped.value()).isEqualTo(1000L);
                assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(40));
            }
        }
    }

    private Path compileToJar(String className, String source) throws Exception {
        Path sources = Files.createDirectories(work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path file = sources.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.writeString(file, source);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), file.toString());
        assertThat(status).isZero();
        Path jar = work.resolve("app.jar");
        String entry = className.replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(classes.resolve(entry)));
            out.closeEntry();
        }
        return jar;
    }

    private List<Path> executorDirectories() throws Exception {
        while (true) {
            try (Stream<Path> paths = Files.walk(work)) {
                return paths.filter(p -> p.getFileName().toString().matches("\\d+") && p.getParent().getFileName().toString().startsWith("app-"))
                        .toList();
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof NoSuchFileException)) {
                    throw e;
                }
                // A worker deleted a directory as it was listed: list again.
            }
        }
    }

    /** Workers kill the executors of an ended application and delete their directories. */
    private void awaitNoExecutorDirectories() throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!executorDirectories().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(executorDirectories()).isEmpty();
    }
}
