package dev.ember.bench;

import dev.ember.cluster.Master;
import dev.ember.cluster.Worker;
import dev.ember.fs.LocalFileSystem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One engine's standalone cluster on loopback for the benchmark's cluster mode: a master and
 * {@link ClusterShape#workers()} workers, each a JVM of its own started from the bench class path
 * (Ember's {@link Master} and {@link Worker}; Apache Spark's {@code org.apache.spark.deploy.master.Master}
 * and {@code ...worker.Worker} from the Spark jars, with Spark's module flags). Each process is
 * awaited until its log says it is up; their output goes to one log file. {@link #close} kills
 * them all with the executors they launched, however the run ended.
 */
final class BenchCluster implements AutoCloseable {
    private static final long START_TIMEOUT_SECONDS = 60;
    private static final String DAEMON_HEAP = "512m";

    private final String engine;
    private final ClusterShape shape;
    private final String executorMemory;
    private final Path workDirectory;
    private final PrintStream log;
    private final List<Process> processes = new ArrayList<>();
    private String masterUrl;

    private BenchCluster(String engine, ClusterShape shape, String executorMemory, Path workDirectory, PrintStream log) {
        this.engine = engine;
        this.shape = shape;
        this.executorMemory = executorMemory;
        this.workDirectory = workDirectory;
        this.log = log;
    }

    /** Starts {@code engine}'s master and workers; their output goes to {@code log}. */
    static BenchCluster start(String engine, ClusterShape shape, String executorMemory, Path log) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("ember-bench-cluster-" + engine + "-");
        BenchCluster cluster = new BenchCluster(engine, shape, executorMemory, work,
                new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8));
        try {
            switch (engine) {
                case "ember" -> cluster.startEmber();
                case "spark" -> cluster.startSpark();
                default -> throw new IllegalArgumentException(engine + " has no standalone cluster");
            }
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The master URL the driver connects to. */
    String masterUrl() {
        return masterUrl;
    }

    /**
     * The driver's settings: executors of {@code executorMemory} heap and one worker's cores each,
     * as many cores in all as the cluster has.
     */
    Map<String, String> driverSettings() throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        String prefix = engine.equals("spark") ? "spark." : "ember.";
        settings.put(prefix + "executor.memory", executorMemory);
        settings.put(prefix + "executor.cores", String.valueOf(shape.coresPerWorker()));
        settings.put(prefix + "cores.max", String.valueOf(shape.totalCores()));
        if (engine.equals("spark")) {
            settings.put("spark.driver.host", "127.0.0.1");
            settings.put("spark.driver.bindAddress", "127.0.0.1");
            settings.put("spark.executor.extraJavaOptions", String.join(" ", BenchEnvironment.sparkJvmFlags()));
            // The bench classes too: the start-up probe's function runs on the executors.
            settings.put("spark.executor.extraClassPath", BenchEnvironment.classPath());
        }
        return settings;
    }

    private void startEmber() throws IOException, InterruptedException {
        Process master = start(List.of("--host", "127.0.0.1", "--port", "0"), Master.class.getName(), Map.of());
        String line = awaitLine(master, "Ember master at ");
        masterUrl = line.substring(line.indexOf("ember://")).trim();
        for (int i = 0; i < shape.workers(); i++) {
            Process worker = start(List.of(masterUrl, "--host", "127.0.0.1", "--cores", String.valueOf(shape.coresPerWorker()),
                    "--memory", executorMemory, "--work-dir", workDirectory.resolve("worker-" + i).toString()), Worker.class.getName(), Map.of());
            awaitLine(worker, "Ember worker ");
        }
    }

    private void startSpark() throws IOException, InterruptedException {
        // A Spark worker builds its executors' command from SPARK_HOME, which must hold a jars
        // directory; the class path itself comes with the application (spark.executor.extraClassPath).
        Path sparkHome = Files.createDirectories(workDirectory.resolve("spark-home").resolve("jars")).getParent();
        Map<String, String> environment = Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_LOCAL_IP", "127.0.0.1",
                "SPARK_SCALA_VERSION", "2.13");
        int port = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        Process master = start(List.of("--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", "0"),
                "org.apache.spark.deploy.master.Master", environment);
        awaitLine(master, "I have been elected leader");
        for (int i = 0; i < shape.workers(); i++) {
            Process worker = start(List.of(masterUrl, "--host", "127.0.0.1", "--cores", String.valueOf(shape.coresPerWorker()),
                    "--memory", executorMemory, "--webui-port", "0", "--work-dir", workDirectory.resolve("worker-" + i).toString()),
                    "org.apache.spark.deploy.worker.Worker", environment);
            awaitLine(worker, "Successfully registered with master");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Process start(List<String> arguments, String mainClass, Map<String, String> environment) throws IOException {
        // Ember's workers start their executors on their own class path, archived for class-data sharing when it holds only jars.
        String classPath = engine.equals("ember") ? BenchEnvironment.jarClassPath() : BenchEnvironment.classPath();
        List<String> command = new ArrayList<>(BenchEnvironment.javaCommand(DAEMON_HEAP, mainClass, classPath));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /**
     * Copies the process's output to the log (on a daemon thread, for as long as it runs) and returns
     * its first line that contains {@code marker}; fails when it exits or takes too long first.
     */
    private String awaitLine(Process process, String marker) throws InterruptedException {
        CompletableFuture<String> found = new CompletableFuture<>();
        String name = process.info().arguments().map(args -> args[args.length - 1]).orElse("?");
        Thread drain = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    log.println("[" + engine + " " + process.pid() + "] " + line);
                    if (line.contains(marker)) {
                        found.complete(line);
                    }
                }
            } catch (IOException e) {
                // The process was killed: its output ends here.
            }
            found.completeExceptionally(new IllegalStateException(engine + " cluster process " + process.pid() + " (" + name
                    + ") exited before saying \"" + marker + "\"; see the cluster log"));
        }, "bench-cluster-log-" + process.pid());
        drain.setDaemon(true);
        drain.start();
        try {
            return found.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw (IllegalStateException) e.getCause();
        } catch (TimeoutException e) {
            throw new IllegalStateException(engine + " cluster process " + process.pid() + " did not start within "
                    + START_TIMEOUT_SECONDS + " s; see the cluster log");
        }
    }

    /** Kills the workers' executors, the workers and the master, and deletes the work directories. */
    @Override
    public void close() {
        // Workers first (with their executors), so that no master replaces what is being killed.
        for (int p = processes.size() - 1; p >= 0; p--) {
            processes.get(p).descendants().forEach(ProcessHandle::destroyForcibly);
            processes.get(p).destroyForcibly();
        }
        for (Process process : processes) {
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log.close();
        try {
            LocalFileSystem.deleteTree(workDirectory);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + workDirectory + ": " + e);
        }
    }

    @Override
    public String toString() {
        return engine + " cluster " + shape + " at " + masterUrl + " (executors of " + executorMemory + ")";
    }
}
