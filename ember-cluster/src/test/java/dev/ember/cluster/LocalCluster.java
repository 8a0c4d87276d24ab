package dev.ember.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A master and workers as separate JVMs on loopback, for tests: each started from this JVM's
 * class path, each awaited until it prints that it is up, all killed (with the executors they
 * started) by {@link #close}, however the test ended.
 */
final class LocalCluster implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    /** The lines each process printed that start with "Ember " (that it is up, where its UI is), then "exited: OUTPUT" once it ended. */
    private final Map<Process, BlockingQueue<String>> announcements = new ConcurrentHashMap<>();
    private final Map<Process, String> webUis = new ConcurrentHashMap<>();
    private String masterUrl;
    private Process master;
    private List<String> masterArguments;

    /** @param environment added to every process's environment ({@code EMBER_AUTH_SECRET}, say) */
    LocalCluster(Map<String, String> environment) {
        this(environment, List.of());
    }

    /** @param jvmOptions added to every process's JVM options ({@code -Dember.ssl.enabled=true}, say) */
    LocalCluster(Map<String, String> environment, List<String> jvmOptions) {
        this.environment = environment;
        this.jvmOptions = jvmOptions;
    }

    String startMaster() throws Exception {
        return startMaster(List.of());
    }

    /** Starts the master with more arguments ({@code --recovery-dir DIR}); on a free port, which {@link #restartMaster} reuses. */
    String startMaster(List<String> arguments) throws Exception {
        masterArguments = arguments;
        master = start(concat(List.of(Master.class.getName(), "--host", "127.0.0.1", "--port", "0", "--webui-port", "0"), arguments), environment);
        String line = awaitLine(master, "Ember master at ");
        masterUrl = line.substring(line.indexOf("ember://"));
        webUis.put(master, address(awaitLine(master, "Ember master UI at ")));
        return masterUrl;
    }

    String masterUrl() {
        return masterUrl;
    }

    String masterWebUi() {
        return webUis.get(master);
    }

    /** The web UI of a worker this cluster started. */
    String webUiOf(Process worker) {
        return webUis.get(worker);
    }

    private static String address(String line) {
        return line.substring(line.lastIndexOf(' ') + 1).trim();
    }

    /** SIGKILLs the master. */
    void killMaster() throws InterruptedException {
        master.destroyForcibly();
        master.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts the master again, on the port it had and with the arguments it had. */
    void restartMaster() throws Exception {
        String port = masterUrl.substring(masterUrl.lastIndexOf(':') + 1);
        master = start(concat(List.of(Master.class.getName(), "--host", "127.0.0.1", "--port", port, "--webui-port", "0"), masterArguments),
                environment);
        awaitLine(master, "Ember master at ");
        webUis.put(master, address(awaitLine(master, "Ember master UI at ")));
    }

    /** The executor processes a worker runs now for applications (not its spare). */
    static List<ProcessHandle> executorsOf(Process worker) {
        return worker.children().filter(ProcessHandle::isAlive).filter(p -> !isSpare(p)).toList();
    }

    /** The spare executors a worker runs now, waiting for an application. */
    static List<ProcessHandle> sparesOf(Process worker) {
        return worker.children().filter(ProcessHandle::isAlive).filter(LocalCluster::isSpare).toList();
    }

    /**
     * Whether the process is a spare: its working directory is still a spare's ({@code spare-*}),
     * not yet moved to an application's (read from /proc: its command line stays the spare's).
     */
    private static boolean isSpare(ProcessHandle process) {
        try {
            Path directory = Files.readSymbolicLink(Path.of("/proc", String.valueOf(process.pid()), "cwd"));
            return directory.getFileName().toString().startsWith("spare-");
        } catch (IOException e) {
            return false; // it exited
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    Process startWorker(int cores, Path workDir) throws Exception {
        return startWorker(cores, workDir, environment);
    }

    Process startWorker(int cores, Path workDir, Map<String, String> workerEnvironment) throws Exception {
        return startWorker(cores, workDir, workerEnvironment, List.of());
    }

    /**
     * Starts a worker (its JVM with {@code jvmOptions}, such as {@code -Dember.worker.spareExecutor=false})
     * and returns its process once it registered, or failed to (then it has exited).
     */
    Process startWorker(int cores, Path workDir, Map<String, String> workerEnvironment, List<String> jvmOptions) throws Exception {
        Process worker = start(concat(jvmOptions, List.of(Worker.class.getName(), masterUrl, "--cores", String.valueOf(cores), "--memory", "2g",
                "--work-dir", workDir.toString(), "--webui-port", "0")), workerEnvironment);
        String line = awaitLine(worker, "Ember worker UI at ");
        if (!line.startsWith("exited: ")) {
            webUis.put(worker, address(line));
        }
        return worker;
    }

    private Process start(List<String> arguments, Map<String, String> processEnvironment) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-Xmx128m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        ClusterSecurity.ENVIRONMENT.keySet().forEach(builder.environment()::remove);
        builder.environment().putAll(processEnvironment);
        Process process = builder.start();
        processes.add(process);
        announcements.put(process, drain(process));
        return process;
    }

    /** Reads what the process prints as it goes (so that it never blocks), keeping its announcements. */
    private static BlockingQueue<String> drain(Process process) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread drain = new Thread(() -> {
            StringBuilder output = new StringBuilder();
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("Ember ")) {
                        lines.add(line);
                    }
                    output.append(line).append('\n');
                    if (Boolean.getBoolean("cluster.verbose")) {
                        System.err.println("[cluster] " + line);
                    }
                }
            } catch (IOException e) {
                output.append(e);
            }
            lines.add("exited: " + output);
        });
        drain.setDaemon(true);
        drain.start();
        return lines;
    }

    /** The next line the process announces that starts with {@code prefix}, or "exited: OUTPUT" if it ended first. */
    private String awaitLine(Process process, String prefix) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            String line = announcements.get(process).poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new IllegalStateException("no line '" + prefix + "...' from the process within 30 s");
            }
            if (line.startsWith(prefix) || line.startsWith("exited: ")) {
                return line;
            }
        }
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
