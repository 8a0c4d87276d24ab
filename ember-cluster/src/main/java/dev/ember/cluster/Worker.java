package dev.ember.cluster;

import dev.ember.cluster.ClusterProtocol.ExecutorExit;
import dev.ember.cluster.ClusterProtocol.Heartbeat;
import dev.ember.cluster.ClusterProtocol.HeartbeatReply;
import dev.ember.cluster.ClusterProtocol.LaunchExecutor;
import dev.ember.cluster.ClusterProtocol.RegisterWorker;
import dev.ember.ui.WebServer;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A standalone cluster's worker: offers its cores and memory to the master, and launches the
 * executors the master places on it as child JVMs (the same java and class path as itself, the
 * application's executor memory as {@code -Xmx}), each in a work directory of its own under
 * {@code workDir/APP/EXECUTOR}. An executor that exits by itself is reported to the master with
 * the next heartbeat (which places a replacement). The worker's {@link ShuffleService} serves the
 * map outputs its executors leave in their directories. When an application ends, its executors
 * are killed and their directories deleted; so are all of them when the worker stops. Its web UI
 * ({@link WorkerUi}, port 8081 or the next free one) lists its executors and serves their logs.
 *
 * <p>Starting a JVM and loading its classes takes seconds, so the worker keeps one spare executor
 * started ahead ({@link ExecutorProcess#STANDBY}, with the worker's secret but nothing of any
 * application) and hands it the next launch whose heap is the spare's: its directory is moved to
 * the executor's, and the application's arguments are written to its standard input. A new spare,
 * with that heap, is then started. Spares die with the worker (they are killed when it stops, and
 * exit when their standard input ends). The system property {@link #SPARE_EXECUTOR} {@code =false}
 * turns spares off: every executor then starts when launched.
 */
public final class Worker implements AutoCloseable {
    static final long HEARTBEAT_MILLIS = 250;
    /** The web UI's port when none is given, as Spark's worker. */
    public static final int DEFAULT_WEB_UI_PORT = 8081;
    /** Whether a worker keeps a spare executor (a system property, as Spark's {@code spark.worker.*} settings); true by default. */
    public static final String SPARE_EXECUTOR = "ember.worker.spareExecutor";
    /** How many ended executors the UI goes on showing. */
    private static final int RETAINED_EXECUTORS = 50;

    private final String workerId = "worker-" + UUID.randomUUID();
    private final RegisterWorker registration;
    private final Path workDirectory;
    private final Optional<String> secret;
    private final ManagedChannel master;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(Rpc.daemonThreads("ember-worker-heartbeat"));
    private final Server shuffleService;
    /** The executors running, by application. */
    private final Map<String, List<RunningExecutor>> executors = new ConcurrentHashMap<>();
    /** Executors that exited by themselves, for the next heartbeat to report. */
    private final List<ExecutorExit> exited = new ArrayList<>();
    private boolean masterUnreachable;
    private final String masterUrl;
    private final WebServer webUi;
    private final ExecutorArchive archive;
    /** Executors that ended (exited, or killed with their application), newest first, for the UI. */
    private final Deque<WorkerStatus.ExecutorInfo> finished = new ArrayDeque<>();

    /** A started executor JVM waiting to be handed a launch, in its own directory, with a heap of {@code memoryBytes}. */
    private record Spare(Process process, Path directory, long memoryBytes) {
    }

    /** The spare executor, or null while none (the worker stopped, or could not start one). */
    private Spare spare;
    /** True when it keeps no spare: spares are off, or it stopped. */
    private boolean noSpares;

    private record RunningExecutor(LaunchExecutor launch, Process process, Path directory) {
        WorkerStatus.ExecutorInfo info(String state) {
            return new WorkerStatus.ExecutorInfo(launch.applicationId(), launch.executorId(), launch.cores(), launch.memoryBytes(), state,
                    directory.toString());
        }
    }

    private Worker(String masterUrl, String host, int cores, long memoryBytes, Path workDirectory, int webUiPort, Optional<String> secret) {
        MasterAddress address = MasterAddress.parse(masterUrl);
        this.masterUrl = masterUrl;
        this.workDirectory = workDirectory.toAbsolutePath();
        this.shuffleService = Rpc.serve(host, 0, secret, new ShuffleService(this.workDirectory).definition());
        this.webUi = WebServer.start(host, webUiPort, "ember-worker-ui", (path, query) -> WorkerUi.route(this, path, WebServer.parameters(query)));
        this.registration = new RegisterWorker(workerId, host, cores, memoryBytes, shuffleService.getPort(), "http://" + host + ":" + webUi.port(),
                List.of());
        this.secret = secret;
        this.master = Rpc.channel(address.host(), address.port(), secret);
        this.noSpares = !Boolean.parseBoolean(System.getProperty(SPARE_EXECUTOR, "true"));
        this.archive = ExecutorArchive.of(this.workDirectory, java(), System.getProperty("java.class.path"));
    }

    /**
     * Registers with the master at {@code masterUrl} ({@code ember://host:port}) and heartbeats from
     * then on; its web UI listens on {@code webUiPort} or the next free one (0: any free port).
     */
    public static Worker start(String masterUrl, String host, int cores, long memoryBytes, Path workDirectory, int webUiPort,
            Optional<String> secret) {
        Worker worker = new Worker(masterUrl, host, cores, memoryBytes, workDirectory, webUiPort, secret);
        try {
            worker.register();
        } catch (RuntimeException e) {
            worker.close();
            throw e;
        }
        worker.heartbeats.scheduleWithFixedDelay(worker::heartbeat, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
        // The archive first (its training run is a spare's start-up), then the spare that uses it.
        Rpc.daemonThreads("ember-worker-spares").newThread(() -> {
            worker.archive.create(worker.executorCommand(memoryBytes, List.of(ExecutorProcess.STANDBY)));
            worker.startSpare(memoryBytes);
        }).start();
        return worker;
    }

    /** Registers, with the executors running now: a master that restarted learns so what this worker's resources are used by. */
    private void register() {
        List<LaunchExecutor> running = executors.values().stream().flatMap(List::stream).map(RunningExecutor::launch).toList();
        ClientCalls.blockingUnaryCall(master, ClusterProtocol.REGISTER_WORKER, deadline(), registration.withRunning(running));
    }

    /** Where its web UI is, {@code http://host:port}. */
    public String webUiUrl() {
        return registration.webUiUrl();
    }

    /** Its executors now, as the web UI shows them. */
    WorkerStatus status() {
        List<WorkerStatus.ExecutorInfo> running = new ArrayList<>();
        executors.values().forEach(list -> {
            synchronized (list) {
                list.forEach(executor -> running.add(executor.info("RUNNING")));
            }
        });
        synchronized (finished) {
            return new WorkerStatus(workerId, masterUrl, registration.host(), registration.cores(), registration.memoryBytes(), running,
                    List.copyOf(finished));
        }
    }

    /**
     * The file of one of its executors' logs ({@code stdout} or {@code stderr}) if there is such an
     * executor and log: only files of the work directories it made are ever served.
     */
    Optional<Path> logFile(String applicationId, String executorId, String logType) {
        if (!logType.equals("stdout") && !logType.equals("stderr")) {
            return Optional.empty();
        }
        WorkerStatus status = status();
        return Stream.concat(status.running().stream(), status.finished().stream())
                .filter(e -> e.applicationId().equals(applicationId) && e.executorId().equals(executorId)).findFirst()
                .map(e -> Path.of(e.workDirectory()).resolve(logType).normalize())
                .filter(file -> file.startsWith(workDirectory) && Files.isRegularFile(file));
    }

    private void ended(RunningExecutor executor, String state) {
        synchronized (finished) {
            finished.addFirst(executor.info(state));
            if (finished.size() > RETAINED_EXECUTORS) {
                finished.removeLast();
            }
        }
    }

    private static CallOptions deadline() {
        return CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private void heartbeat() {
        try {
            collectExited();
            List<ExecutorExit> report;
            synchronized (exited) {
                report = List.copyOf(exited);
            }
            HeartbeatReply reply = ClientCalls.blockingUnaryCall(master, ClusterProtocol.HEARTBEAT, deadline(), new Heartbeat(workerId, report));
            synchronized (exited) {
                exited.removeAll(report);
            }
            if (masterUnreachable) {
                masterUnreachable = false;
                System.err.println("Ember worker: the master answers again");
            }
            if (reply.unknownWorker()) {
                register();
                return;
            }
            reply.endedApplications().forEach(this::endApplication);
            reply.launch().forEach(this::launch);
        } catch (StatusRuntimeException e) {
            // The master is unreachable for now (said once); the next heartbeat tries again.
            if (!masterUnreachable) {
                masterUnreachable = true;
                System.err.println("Ember worker: heartbeat to the master failed: " + e.getStatus().getCode() + " " + e.getStatus().getDescription());
            }
        } catch (RuntimeException e) {
            System.err.println("Ember worker: " + e);
        }
    }

    /** Moves the executors that are no longer alive (and were not killed by this worker) to {@link #exited}. */
    private void collectExited() {
        executors.forEach((application, running) -> {
            synchronized (running) {
                for (RunningExecutor executor : List.copyOf(running)) {
                    if (!executor.process().isAlive()) {
                        running.remove(executor);
                        ended(executor, "EXITED (" + executor.process().exitValue() + ")");
                        synchronized (exited) {
                            exited.add(new ExecutorExit(application, executor.launch().executorId(),
                                    "exited with code " + executor.process().exitValue()));
                        }
                    }
                }
            }
        });
    }

    private void launch(LaunchExecutor launch) {
        Path directory = workDirectory.resolve(launch.applicationId()).resolve(launch.executorId());
        List<String> arguments = List.of("--driver-host", launch.driverHost(), "--driver-port", String.valueOf(launch.driverPort()),
                "--executor-id", launch.executorId(), "--cores", String.valueOf(launch.cores()), "--app-id", launch.applicationId(),
                "--shuffle-service", registration.host() + ":" + registration.shuffleServicePort(), "--work-dir", directory.toString());
        try {
            Files.createDirectories(directory.getParent());
            Process process = handSpare(launch, directory, arguments).orElse(null);
            if (process == null) {
                Files.createDirectories(directory);
                process = start(executorCommand(launch.memoryBytes(), arguments), directory);
            }
            List<RunningExecutor> running = executors.computeIfAbsent(launch.applicationId(), id -> new ArrayList<>());
            synchronized (running) {
                running.add(new RunningExecutor(launch, process, directory));
            }
        } catch (IOException e) {
            System.err.println("Ember worker: could not launch executor " + launch.executorId() + " of " + launch.applicationId() + ": " + e);
        }
        startSpare(launch.memoryBytes());
    }

    /** The java command of an executor with a heap of {@code memoryBytes}, on this worker's java and class path, and its archive if any. */
    private List<String> executorCommand(long memoryBytes, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + (memoryBytes >> 20) + "m"));
        command.addAll(archive.jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ExecutorProcess.class.getName(), "--host", registration.host()));
        command.addAll(arguments);
        return command;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Starts an executor JVM in {@code directory}, its output going to files there, with the worker's secret and no other. */
    private Process start(List<String> command, Path directory) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(directory.resolve("stdout").toFile()).redirectError(directory.resolve("stderr").toFile());
        builder.environment().remove(ClusterSecret.ENVIRONMENT_VARIABLE);
        secret.ifPresent(s -> builder.environment().put(ClusterSecret.ENVIRONMENT_VARIABLE, s));
        return builder.start();
    }

    /** Starts a spare executor with a heap of {@code memoryBytes} if there is none (a failure only costs the next launch its speed). */
    private synchronized void startSpare(long memoryBytes) {
        if (noSpares || spare != null) {
            return;
        }
        Path directory = workDirectory.resolve("spare-" + UUID.randomUUID());
        try {
            Files.createDirectories(directory);
            spare = new Spare(start(executorCommand(memoryBytes, List.of(ExecutorProcess.STANDBY)), directory), directory, memoryBytes);
        } catch (IOException e) {
            System.err.println("Ember worker: could not start a spare executor: " + e);
            deleteRecursively(directory);
        }
    }

    /**
     * Hands the spare to {@code launch} if it has the heap asked for and is alive: moves its
     * directory (its open logs with it) to {@code directory}, then writes it the launch's arguments.
     * A spare of another heap is stopped (the next spare gets this launch's heap).
     */
    private synchronized Optional<Process> handSpare(LaunchExecutor launch, Path directory, List<String> arguments) {
        Spare taken = spare;
        if (taken == null) {
            return Optional.empty();
        }
        spare = null;
        try {
            if (taken.memoryBytes() != launch.memoryBytes()) {
                throw new IOException("the spare executor has another heap size");
            }
            if (!taken.process().isAlive()) {
                throw new IOException("the spare executor exited with code " + taken.process().exitValue());
            }
            Files.move(taken.directory(), directory, StandardCopyOption.ATOMIC_MOVE);
            Writer input = new OutputStreamWriter(taken.process().getOutputStream(), StandardCharsets.UTF_8);
            input.write(String.join("\n", arguments) + "\n\n");
            input.flush();
            return Optional.of(taken.process());
        } catch (IOException e) {
            System.err.println("Ember worker: the spare executor is not used (" + e.getMessage() + "), starting another");
            kill(taken.process());
            deleteRecursively(taken.directory());
            deleteRecursively(directory);
            return Optional.empty();
        }
    }

    private synchronized void stopSpare() {
        noSpares = true;
        if (spare != null) {
            kill(spare.process());
            deleteRecursively(spare.directory());
            spare = null;
        }
    }

    /** Kills the application's executors (and whatever they started) and deletes their directories. */
    private void endApplication(String applicationId) {
        List<RunningExecutor> running = executors.remove(applicationId);
        if (running != null) {
            synchronized (running) {
                running.forEach(executor -> {
                    kill(executor.process());
                    ended(executor, "KILLED");
                });
            }
        }
        deleteRecursively(workDirectory.resolve(applicationId));
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
        }
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        webUi.close();
        stopSpare();
        new ArrayList<>(executors.keySet()).forEach(this::endApplication);
        shuffleService.shutdownNow();
        Rpc.shutdown(master);
    }

    /**
     * {@code Worker MASTER_URL [--host H] [--cores N] [--memory SIZE] [--work-dir DIR] [--webui-port P]}:
     * runs a worker until killed, printing where its web UI is. The secret comes from the environment.
     */
    public static void main(String[] args) throws InterruptedException {
        Arguments arguments = Arguments.parse(args);
        if (arguments.positional().size() != 1) {
            System.err.println("usage: Worker ember://HOST:PORT [--host H] [--cores N] [--memory SIZE] [--work-dir DIR]");
            System.exit(2);
        }
        Worker worker = start(arguments.positional().get(0), arguments.option("--host", "127.0.0.1"),
                Integer.parseInt(arguments.option("--cores", String.valueOf(Runtime.getRuntime().availableProcessors()))),
                Sizes.parse(arguments.option("--memory", "1g")), Path.of(arguments.option("--work-dir", "work")),
                Integer.parseInt(arguments.option("--webui-port", String.valueOf(DEFAULT_WEB_UI_PORT))), ClusterSecret.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(worker::close));
        worker.printAddresses();
        Thread.currentThread().join();
    }

    /** That it is up, and where its web UI is. */
    public void printAddresses() {
        System.out.println("Ember worker " + workerId + " registered with " + masterUrl);
        System.out.println("Ember worker UI at " + registration.webUiUrl());
        System.out.flush();
    }
}
