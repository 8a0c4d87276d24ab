package dev.ember.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ember cluster start|stop}: a standalone cluster of separate processes on this machine, a
 * master and N workers on loopback, for trying things out and for tests. Its state is a directory
 * ({@code --dir}): the master's URL, each process's id and start time (so that {@code stop} never
 * kills a process that merely reuses an id), the processes' logs, the workers' work directories and
 * the master's recovery directory.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Starts or stops a local standalone cluster (a master and workers, each a process of its own).",
        subcommands = {ClusterCommand.Start.class, ClusterCommand.Stop.class})
public final class ClusterCommand implements Callable<Integer> {
    static final String DEFAULT_DIRECTORY = "${sys:user.home}/.ember/cluster";
    private static final String PROCESSES = "processes";
    private static final String MASTER_URL = "master-url";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return EmberCli.EXIT_USAGE;
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Starts a master and workers on loopback; prints the master's URL, and where the web UIs are.")
    static final class Start implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "Workers to start. Default: ${DEFAULT-VALUE}.")
        int workers;

        @Option(names = "--cores", paramLabel = "C", defaultValue = "1", description = "Cores each worker offers. Default: ${DEFAULT-VALUE}.")
        int cores;

        @Option(names = "--memory", paramLabel = "SIZE", defaultValue = "1g", description = "Memory each worker offers. Default: ${DEFAULT-VALUE}.")
        String memory;

        @Option(names = "--port", paramLabel = "PORT", defaultValue = "7077", description = "The master's port (0: any free one). Default: ${DEFAULT-VALUE}.")
        int port;

        @Option(names = "--webui-port", paramLabel = "PORT", defaultValue = "8080",
                description = "The master's web UI port; the workers' follow from 8081 (the next free ones if taken; 0: any free ones). Default: ${DEFAULT-VALUE}.")
        int webUiPort;

        @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIRECTORY, description = "Where the cluster's state and logs go. Default: ${DEFAULT-VALUE}.")
        Path directory;

        @Override
        public Integer call() throws Exception {
            if (workers < 1 || cores < 1) {
                throw new CliException("--workers and --cores must be at least 1");
            }
            List<ProcessHandle> running = ClusterCommand.running(directory);
            if (!running.isEmpty()) {
                throw new CliException("a cluster is already running from " + directory + " (" + running.size()
                        + " processes); stop it first with: ember cluster stop --dir " + directory);
            }
            Files.createDirectories(directory);
            List<Process> started = new ArrayList<>();
            try {
                Process master = launch(List.of("dev.ember.cluster.Master", "--host", "127.0.0.1", "--port", String.valueOf(port),
                        "--webui-port", String.valueOf(webUiPort), "--recovery-dir", directory.resolve("recovery").toString()),
                        directory.resolve("master.log"), started);
                String line = awaitLine(master, directory.resolve("master.log"), "Ember master at ");
                String url = line.substring(line.indexOf("ember://")).trim();
                String masterUi = address(awaitLine(master, directory.resolve("master.log"), "Ember master UI at "));
                List<String> workerUis = new ArrayList<>();
                for (int i = 1; i <= workers; i++) {
                    Path log = directory.resolve("worker-" + i + ".log");
                    Process worker = launch(List.of("dev.ember.cluster.Worker", url, "--host", "127.0.0.1", "--cores", String.valueOf(cores),
                            "--memory", memory, "--work-dir", directory.resolve("worker-" + i).toString(),
                            "--webui-port", webUiPort == 0 ? "0" : "8081"), log, started);
                    workerUis.add(address(awaitLine(worker, log, "Ember worker UI at ")));
                }
                Files.writeString(directory.resolve(MASTER_URL), url + "\n");
                PrintWriter out = spec.commandLine().getOut();
                out.println(url);
                out.flush();
                spec.commandLine().getErr().println("Started a master and " + workers + " worker(s) of " + cores + " core(s) and " + memory
                        + "; logs in " + directory + "; stop with: ember cluster stop" + (directory.equals(defaultDirectory()) ? "" : " --dir " + directory));
                spec.commandLine().getErr().println("Master UI at " + masterUi + " (workers' UIs at " + String.join(", ", workerUis)
                        + "; each application's UI is linked from the master's)");
                return 0;
            } catch (RuntimeException | IOException | InterruptedException e) {
                started.forEach(p -> stop(p.toHandle()));
                Files.deleteIfExists(directory.resolve(PROCESSES));
                throw e;
            }
        }

        /** Starts a daemon with this JVM's java and class path, its output to {@code log}, and records it at once. */
        private Process launch(List<String> arguments, Path log, List<Process> started) throws IOException {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                    "-cp", System.getProperty("java.class.path")));
            // The TLS settings this launcher was given (EMBER_JAVA_OPTS) go on; passwords stay in the environment, off command lines.
            System.getProperties().stringPropertyNames().stream()
                    .filter(key -> (key.startsWith("ember.ssl.") || key.startsWith("spark.ssl.")) && !key.toLowerCase(java.util.Locale.ROOT).contains("password"))
                    .sorted().forEach(key -> command.add("-D" + key + "=" + System.getProperty(key)));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            started.add(process);
            Instant startedAt = process.info().startInstant().orElse(Instant.EPOCH);
            Files.writeString(directory.resolve(PROCESSES), process.pid() + " " + startedAt.toEpochMilli() + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            return process;
        }

        /** The address at the end of a line such as {@code Ember master UI at http://127.0.0.1:8080}. */
        private static String address(String line) {
            return line.substring(line.lastIndexOf(' ') + 1).trim();
        }

        /** Waits (30 s at most) until the process logs a line starting with {@code prefix}, and returns it. */
        private static String awaitLine(Process process, Path log, String prefix) throws IOException, InterruptedException {
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                Optional<String> line = Files.readAllLines(log).stream().filter(l -> l.startsWith(prefix)).findFirst();
                if (line.isPresent()) {
                    return line.get();
                }
                if (!process.isAlive()) {
                    throw new CliException("a cluster process exited at start; its log, " + log + ":\n" + Files.readString(log));
                }
                Thread.sleep(50);
            }
            throw new CliException("a cluster process did not start within 30 s; see " + log);
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops the processes of a cluster started with 'ember cluster start'.")
    static final class Stop implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIRECTORY, description = "The cluster's directory. Default: ${DEFAULT-VALUE}.")
        Path directory;

        @Override
        public Integer call() throws IOException {
            List<ProcessHandle> running = ClusterCommand.running(directory);
            // Workers first (they stop their executors), the master last.
            for (int i = running.size() - 1; i >= 0; i--) {
                stop(running.get(i));
            }
            Files.deleteIfExists(directory.resolve(PROCESSES));
            Files.deleteIfExists(directory.resolve(MASTER_URL));
            spec.commandLine().getErr().println(running.isEmpty() ? "No cluster was running from " + directory
                    : "Stopped " + running.size() + " process(es) of the cluster in " + directory);
            return 0;
        }
    }

    private static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".ember", "cluster");
    }

    /** The cluster's processes that still run, in the order started: those whose id and start time match what was recorded. */
    static List<ProcessHandle> running(Path directory) {
        Path processes = directory.resolve(PROCESSES);
        if (!Files.exists(processes)) {
            return List.of();
        }
        try {
            List<ProcessHandle> running = new ArrayList<>();
            for (String line : Files.readAllLines(processes)) {
                String[] fields = line.trim().split(" ");
                if (fields.length == 2) {
                    ProcessHandle.of(Long.parseLong(fields[0]))
                            .filter(p -> p.info().startInstant().map(Instant::toEpochMilli).orElse(0L) == Long.parseLong(fields[1]))
                            .filter(ProcessHandle::isAlive)
                            .ifPresent(running::add);
                }
            }
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks the process to stop (its shutdown hooks run: a worker stops its executors), then forces it after 10 s. */
    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
