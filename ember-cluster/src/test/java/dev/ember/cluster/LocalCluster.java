package dev.ember.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A master and workers as separate JVMs on loopback, for tests: each started from this JVM's
 * class path, each awaited until it prints that it is up, all killed (with the executors they
 * started) by {@link #close}, however the test ended.
 */
final class LocalCluster implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, String> environment;
    private String masterUrl;
    private Process master;
    private List<String> masterArguments;

    /** @param environment added to every process's environment ({@code EMBER_AUTH_SECRET}, say) */
    LocalCluster(Map<String, String> environment) {
        this.environment = environment;
    }

    String startMaster() throws Exception {
        return startMaster(List.of());
    }

    /** Starts the master with more arguments ({@code --recovery-dir DIR}); on a free port, which {@link #restartMaster} reuses. */
    String startMaster(List<String> arguments) throws Exception {
        masterArguments = arguments;
        master = start(concat(List.of(Master.class.getName(), "--host", "127.0.0.1", "--port", "0"), arguments), environment);
        String line = firstLine(master);
        masterUrl = line.substring(line.indexOf("ember://"));
        return masterUrl;
    }

    String masterUrl() {
        return masterUrl;
    }

    /** SIGKILLs the master. */
    void killMaster() throws InterruptedException {
        master.destroyForcibly();
        master.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts the master again, on the port it had and with the arguments it had. */
    void restartMaster() throws Exception {
        String port = masterUrl.substring(masterUrl.lastIndexOf(':') + 1);
        master = start(concat(List.of(Master.class.getName(), "--host", "127.0.0.1", "--port", port), masterArguments), environment);
        firstLine(master);
    }

    /** The executor processes a worker runs now. */
    static List<ProcessHandle> executorsOf(Process worker) {
        return worker.children().filter(ProcessHandle::isAlive).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    Process startWorker(int cores, Path workDir) throws Exception {
        return startWorker(cores, workDir, environment);
    }

    /** Starts a worker and returns its process once it registered, or failed to (then it has exited). */
    Process startWorker(int cores, Path workDir, Map<String, String> workerEnvironment) throws Exception {
        Process worker = start(List.of(Worker.class.getName(), masterUrl, "--cores", String.valueOf(cores), "--memory", "2g",
                "--work-dir", workDir.toString()), workerEnvironment);
        firstLine(worker);
        return worker;
    }

    private Process start(List<String> arguments, Map<String, String> processEnvironment) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-Xmx128m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove(ClusterSecret.ENVIRONMENT_VARIABLE);
        builder.environment().putAll(processEnvironment);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** The first line the process prints (its output goes on being drained so that it never blocks). */
    private static String firstLine(Process process) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> first = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try {
                StringBuilder output = new StringBuilder();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("Ember ")) {
                        first.complete(line);
                    }
                    output.append(line).append('\n');
                    if (Boolean.getBoolean("cluster.verbose")) {
                        System.err.println("[cluster] " + line);
                    }
                }
                first.complete("exited: " + output);
            } catch (IOException e) {
                first.completeExceptionally(e);
            }
        });
        drain.setDaemon(true);
        drain.start();
        return first.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (Process process : processes) {
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
