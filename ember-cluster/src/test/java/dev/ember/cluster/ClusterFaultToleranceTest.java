package dev.ember.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.broadcast.Broadcast;
import dev.ember.rdd.Pair;
import dev.ember.rdd.PairRdd;
import dev.ember.sql.EmberSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs finish with exact results while the test SIGKILLs an executor, a worker or the master
 * midway. "Midway" is made certain by a gate: the job's reduce tasks announce themselves with a
 * file, then wait until the test creates the gate file, which it does only after the kill.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ClusterFaultToleranceTest {
    /** Sums of n for n in [0, 1000) by n % 7. */
    private static final Map<Integer, Long> EXPECTED = IntStream.range(0, 1000).boxed()
            .collect(Collectors.groupingBy(n -> n % 7, TreeMap::new, Collectors.summingLong(n -> n)));

    @TempDir
    Path work;
    private Path gate;
    private Path started;

    @BeforeEach
    void gates() throws IOException {
        gate = work.resolve("gate");
        started = Files.createDirectories(work.resolve("started"));
    }

    @Test
    void survivesTheLossOfAnExecutorAndUsesItsReplacement() throws Exception {
        try (LocalCluster cluster = new LocalCluster(Map.of())) {
            cluster.startMaster();
            Process worker = cluster.startWorker(1, work.resolve("worker-1"));
            cluster.startWorker(1, work.resolve("worker-2"));
            try (EmberSession session = session(cluster)) {
                Broadcast<Integer> one = session.context().broadcast(1);
                assertThat(session.context().parallelize(List.of(1, 2), 2).map(n -> n * one.value()).reduce(Integer::sum)).isEqualTo(3);
                CompletableFuture<Map<Integer, Long>> job = gatedJob(session);
                awaitReduceTasks(2);
                ProcessHandle executor = LocalCluster.executorsOf(worker).get(0);
                executor.destroyForcibly();
                executor.onExit().get(10, TimeUnit.SECONDS);
                Files.createFile(gate);
                assertThat(job.get(60, TimeUnit.SECONDS)).isEqualTo(EXPECTED);

                // The master placed a replacement on the worker; it registers with the driver, takes tasks and fetches the broadcast anew.
                awaitExecutorsOf(worker, 1);
                long sum = session.context().parallelize(IntStream.rangeClosed(1, 100).boxed().toList(), 8).map(n -> n * one.value())
                        .reduce(Integer::sum);
                assertThat(sum).isEqualTo(5050);
            }
        }
    }

    @Test
    void recomputesTheMapOutputsOfALostWorker() throws Exception {
        try (LocalCluster cluster = new LocalCluster(Map.of())) {
            cluster.startMaster();
            Process worker = cluster.startWorker(1, work.resolve("worker-1"));
            cluster.startWorker(1, work.resolve("worker-2"));
            try (EmberSession session = session(cluster)) {
                CompletableFuture<Map<Integer, Long>> job = gatedJob(session);
                awaitReduceTasks(2);
                List<ProcessHandle> executors = LocalCluster.executorsOf(worker);
                worker.destroyForcibly(); // its executor notices and stops; its shuffle service is gone with it
                for (ProcessHandle executor : executors) {
                    executor.onExit().get(10, TimeUnit.SECONDS);
                }
                Files.createFile(gate);
                assertThat(job.get(60, TimeUnit.SECONDS)).isEqualTo(EXPECTED);
            }
        }
    }

    @Test
    void applicationsRunOnWhileTheMasterIsDownAndItRecoversThem() throws Exception {
        try (LocalCluster cluster = new LocalCluster(Map.of())) {
            cluster.startMaster(List.of("--recovery-dir", work.resolve("recovery").toString()));
            cluster.startWorker(1, work.resolve("worker-1"));
            cluster.startWorker(1, work.resolve("worker-2"));
            try (EmberSession session = session(cluster)) {
                CompletableFuture<Map<Integer, Long>> job = gatedJob(session);
                awaitReduceTasks(2);
                cluster.killMaster();
                Files.createFile(gate);
                assertThat(job.get(60, TimeUnit.SECONDS)).isEqualTo(EXPECTED);

                cluster.restartMaster();
                long sum = session.context().parallelize(IntStream.rangeClosed(1, 100).boxed().toList(), 4).map(n -> n).reduce(Integer::sum);
                assertThat(sum).isEqualTo(5050);
            }
            // The restarted master knew the application from its recovery directory: it had the workers clean up after it.
            awaitNoExecutorDirectories();
        }
    }

    private static EmberSession session(LocalCluster cluster) {
        return EmberSession.builder().master(cluster.masterUrl()).config("ember.executor.memory", "256m").getOrCreate();
    }

    /** Sums by n % 7 over 4 map and 4 reduce tasks; each reduce task waits at the gate. */
    private CompletableFuture<Map<Integer, Long>> gatedJob(EmberSession session) {
        String gateFile = gate.toString();
        String startedDirectory = started.toString();
        return CompletableFuture.supplyAsync(() -> new TreeMap<>(PairRdd.of(session.context().parallelize(IntStream.range(0, 1000).boxed().toList(), 4)
                .mapToPair(n -> Pair.of(n % 7, (long) n)).reduceByKey(Long::sum, 4)
                .mapPartitions(pairs -> Gate.pass(gateFile, startedDirectory, pairs))).collectAsMap()));
    }

    private void awaitReduceTasks(int count) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (fileCount(started) < count) {
            assertThat(System.currentTimeMillis()).as("reduce tasks waiting at the gate").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void awaitExecutorsOf(Process worker, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (LocalCluster.executorsOf(worker).size() < count) {
            assertThat(System.currentTimeMillis()).as("a replacement executor").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private void awaitNoExecutorDirectories() throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!executorDirectories().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(executorDirectories()).isEmpty();
    }

    private List<Path> executorDirectories() throws IOException {
        try (Stream<Path> paths = Files.walk(work)) {
            return paths.filter(p -> p.getFileName().toString().matches("\\d+") && p.getParent().getFileName().toString().startsWith("app-"))
                    .toList();
        }
    }

    private static long fileCount(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }

    /** What runs in the executors: announce the task, wait for the gate, go on. */
    static final class Gate {
        private Gate() {
        }

        static <T> java.util.Iterator<T> pass(String gate, String started, java.util.Iterator<T> elements) {
            try {
                Files.createFile(Path.of(started, UUID.randomUUID().toString()));
                long deadline = System.currentTimeMillis() + 90_000;
                while (!Files.exists(Path.of(gate)) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return elements;
        }
    }
}
