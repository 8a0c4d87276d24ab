package dev.ember.cluster;

import dev.ember.cluster.ClusterProtocol.AwaitOrders;
import dev.ember.cluster.ClusterProtocol.DriverExit;
import dev.ember.cluster.ClusterProtocol.DriverId;
import dev.ember.cluster.ClusterProtocol.ExecutorExit;
import dev.ember.cluster.ClusterProtocol.Heartbeat;
import dev.ember.cluster.ClusterProtocol.HeartbeatReply;
import dev.ember.cluster.ClusterProtocol.LaunchDriver;
import dev.ember.cluster.ClusterProtocol.LaunchExecutor;
import dev.ember.cluster.ClusterProtocol.RegisterWorker;
import dev.ember.config.JvmOptions;
import dev.ember.fs.LocalFileSystem;
import dev.ember.ui.WebServer;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
 * started ahead ({@link ExecutorProcess#STANDBY}, with the worker's security settings, nothing of any
 * application) and hands it the next launch whose heap is the spare's: its directory is moved to
 * the executor's, and the application's arguments are written to its standard input. A new spare,
 * with that heap, is then started. Spares die with the worker (they are killed when it stops, and
 * exit when their standard input ends). The system property {@link #SPARE_EXECUTOR} {@code =false}
 * turns spares off: every executor then starts when launched.
 *
 * <p>Cluster-mode drivers the master places on it run as child JVMs too ({@link DriverProcess}, with
 * the driver's memory as heap), in {@code workDir/DRIVER} (kept when it ends, for its logs), its jar
 * fetched from the master. They get the worker's security settings, then the settings they were
 * submitted with, on their standard input, and exit when it ends (the worker is gone). The worker
 * reports each driver that ends, and kills those the master asks it to.
 */
public final class Worker implements AutoCloseable {
    static final long HEARTBEAT_MILLIS = 250;
    /** How long one call waiting for orders lasts before the worker makes another. */
    private static final long ORDERS_WAIT_SECONDS = 20;
    /** The web UI's port when none is given, as Spark's worker. */
    public static final int DEFAULT_WEB_UI_PORT = 8081;
    /** Whether a worker keeps a spare executor (a system property, as Spark's {@code spark.worker.*} settings); true by default. */
    public static final String SPARE_EXECUTOR = "ember.worker.spareExecutor";
    /**
     * A test hook: the worker skips its heartbeats while the file this system property names exists,
     * so a test can crash the master while a launch waits to be sent.
     */
    static final String PAUSE_HEARTBEATS_WHILE = "ember.worker.test.pauseHeartbeatsWhile";
    /** How many ended executors the UI goes on showing. */
    private static final int RETAINED_EXECUTORS = 50;

    private final String workerId = "worker-" + UUID.randomUUID();
    private final RegisterWorker registration;
    private final Path workDirectory;
    private final ClusterSecurity security;
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
    /** The drivers running, by id. */
    private final Map<String, RunningDriver> drivers = new ConcurrentHashMap<>();
    /** Drivers that ended, for the next heartbeat to report. */
    private final List<DriverExit> driversEnded = new ArrayList<>();
    /** Drivers that ended, newest first, for the UI. */
    private final Deque<WorkerStatus.DriverInfo> finishedDrivers = new ArrayDeque<>();

    /** A started executor JVM waiting to be handed a launch, in its own directory, with a heap of {@code memoryBytes}. */
    private record Spare(Process process, Path directory, long memoryBytes) {
    }

    /** The spare executor, or null while none (the worker stopped, or could not start one). */
    private Spare spare;
    /** True when it keeps no spare: spares are off, or it stopped. */
    private boolean noSpares;
    private final Optional<Path> heartbeatsPaused;

    private record RunningExecutor(LaunchExecutor launch, Process process, Path directory) {
        WorkerStatus.ExecutorInfo info(String state) {
            return new WorkerStatus.ExecutorInfo(launch.applicationId(), launch.executorId(), launch.cores(), launch.memoryBytes(), state,
                    directory.toString());
        }
    }

    private record RunningDriver(LaunchDriver launch, Process process, Path directory) {
        WorkerStatus.DriverInfo info(String state) {
            return new WorkerStatus.DriverInfo(launch.driverId(), launch.description().mainClass(), launch.description().cores(),
                    launch.description().memoryBytes(), state, directory.toString());
        }
    }

    private Worker(String masterUrl, String host, int cores, long memoryBytes, Path workDirectory, int webUiPort, ClusterSecurity security) {
        MasterAddress address = MasterAddress.parse(masterUrl);
        this.masterUrl = masterUrl;
        this.workDirectory = workDirectory.toAbsolutePath();
        this.shuffleService = Rpc.serve(host, 0, security, new ShuffleService(this.workDirectory).definition());
        this.webUi = WebServer.start(host, webUiPort, "ember-worker-ui", security.ui(),
                (path, query) -> WorkerUi.route(this, path, WebServer.parameters(query)));
        this.registration = new RegisterWorker(workerId, host, cores, memoryBytes, shuffleService.getPort(), webUi.url(host), List.of(), List.of());
        this.security = security;
        this.master = Rpc.channel(address.host(), address.port(), security);
        this.noSpares = !Boolean.parseBoolean(System.getProperty(SPARE_EXECUTOR, "true"));
        this.heartbeatsPaused = Optional.ofNullable(System.getProperty(PAUSE_HEARTBEATS_WHILE)).map(Path::of);
        this.archive = ExecutorArchive.of(this.workDirectory, java(), System.getProperty("java.class.path"));
    }

    /**
     * Registers with the master at {@code masterUrl} ({@code ember://host:port}) and heartbeats from
     * then on; its web UI listens on {@code webUiPort} or the next free one (0: any free port).
     */
    public static Worker start(String masterUrl, String host, int cores, long memoryBytes, Path workDirectory, int webUiPort,
            ClusterSecurity security) {
        Worker worker = new Worker(masterUrl, host, cores, memoryBytes, workDirectory, webUiPort, security);
        try {
            worker.register();
        } catch (RuntimeException e) {
            worker.close();
            throw e;
        }
        worker.heartbeats.scheduleWithFixedDelay(worker::heartbeat, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
        Rpc.daemonThreads("ember-worker-orders").newThread(worker::awaitOrders).start();
        // The archive first (its training run is a spare's start-up), then the spare that uses it.
        Rpc.daemonThreads("ember-worker-spares").newThread(() -> {
            worker.archive.create(worker.executorCommand(memoryBytes, List.of(ExecutorProcess.STANDBY)), worker.security);
            worker.startSpare(memoryBytes);
        }).start();
        return worker;
    }

    /** Registers, with the executors and drivers running now: a master that restarted learns so what this worker's resources are used by. */
    private void register() {
        List<LaunchExecutor> running = executors.values().stream().flatMap(List::stream).map(RunningExecutor::launch).toList();
        ClientCalls.blockingUnaryCall(master, ClusterProtocol.REGISTER_WORKER, deadline(),
                registration.withRunning(running, List.copyOf(drivers.keySet())));
    }

    /** Where its web UI is, {@code http://host:port} ({@code https} with TLS). */
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
        List<WorkerStatus.DriverInfo> runningDrivers = drivers.values().stream().map(d -> d.info("RUNNING")).toList();
        synchronized (finished) {
            return new WorkerStatus(workerId, masterUrl, registration.host(), registration.cores(), registration.memoryBytes(), running,
                    List.copyOf(finished), runningDrivers, List.copyOf(finishedDrivers));
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

    /** The file of one of its drivers' logs ({@code stdout} or {@code stderr}), as {@link #logFile} for executors. */
    Optional<Path> driverLogFile(String driverId, String logType) {
        if (!logType.equals("stdout") && !logType.equals("stderr")) {
            return Optional.empty();
        }
        WorkerStatus status = status();
        return Stream.concat(status.runningDrivers().stream(), status.finishedDrivers().stream()).filter(d -> d.driverId().equals(driverId))
                .findFirst().map(d -> Path.of(d.workDirectory()).resolve(logType).normalize())
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

    /**
     * Waits for the master to have orders (executors or drivers to launch or kill, applications
     * ended), and heartbeats at once to get them, until the worker stops: an application's
     * executors start as soon as it registers, not at the next heartbeat.
     */
    private void awaitOrders() {
        while (!heartbeats.isShutdown() && !Thread.currentThread().isInterrupted()) {
            try {
                ClientCalls.blockingUnaryCall(master, ClusterProtocol.AWAIT_ORDERS,
                        CallOptions.DEFAULT.withDeadlineAfter(ORDERS_WAIT_SECONDS, TimeUnit.SECONDS), new AwaitOrders(workerId));
                heartbeats.execute(this::heartbeat);
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.DEADLINE_EXCEEDED) {
                    pause(); // the master is down or stopping: the heartbeats go on without this
                }
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return; // stopped meanwhile
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(HEARTBEAT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void heartbeat() {
        if (heartbeatsPaused.filter(Files::exists).isPresent()) {
            return;
        }
        try {
            collectExited();
            collectEndedDrivers();
            List<ExecutorExit> report;
            List<DriverExit> driverReport;
            synchronized (exited) {
                report = List.copyOf(exited);
                driverReport = List.copyOf(driversEnded);
            }
            HeartbeatReply reply = ClientCalls.blockingUnaryCall(master, ClusterProtocol.HEARTBEAT, deadline(),
                    new Heartbeat(workerId, report, driverReport));
            synchronized (exited) {
                exited.removeAll(report);
                driversEnded.removeAll(driverReport);
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
            reply.killDrivers().forEach(this::killDriver);
            reply.launch().forEach(this::launch);
            reply.launchDrivers().forEach(this::launchDriver);
            if (reply.reportRunning()) {
                register();
            }
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

    /** Moves the drivers that ended by themselves to {@link #driversEnded}: FINISHED with exit code 0, else FAILED. */
    private void collectEndedDrivers() {
        for (RunningDriver driver : List.copyOf(drivers.values())) {
            if (!driver.process().isAlive() && drivers.remove(driver.launch().driverId(), driver)) {
                int code = driver.process().exitValue();
                driverEnded(driver, code == 0 ? "FINISHED" : "FAILED", code);
            }
        }
    }

    private void driverEnded(RunningDriver driver, String state, int exitCode) {
        synchronized (exited) {
            driversEnded.add(new DriverExit(driver.launch().driverId(), state, exitCode));
        }
        synchronized (finished) {
            finishedDrivers.addFirst(driver.info(state + " (" + exitCode + ")"));
            if (finishedDrivers.size() > RETAINED_EXECUTORS) {
                finishedDrivers.removeLast();
            }
        }
    }

    private void killDriver(String driverId) {
        RunningDriver driver = drivers.remove(driverId);
        if (driver != null) {
            kill(driver.process());
            driverEnded(driver, "KILLED", driver.process().isAlive() ? -1 : driver.process().exitValue());
        }
    }

    /**
     * Launches a driver in {@code workDir/DRIVER}: its jar fetched from the master, its output
     * appended to {@code stdout} and {@code stderr} there (a relaunched driver's logs follow the
     * previous attempt's). A launch that fails is reported as a FAILED driver.
     */
    private void launchDriver(LaunchDriver launch) {
        Path directory = workDirectory.resolve(launch.driverId());
        try {
            Files.createDirectories(directory);
            Path jar = directory.resolve(Path.of(launch.description().jarName()).getFileName().toString());
            try (OutputStream out = Files.newOutputStream(jar)) {
                Iterator<byte[]> chunks = ClientCalls.blockingServerStreamingCall(master, ClusterProtocol.FETCH_DRIVER_JAR,
                        CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.MINUTES), new DriverId(launch.driverId()));
                while (chunks.hasNext()) {
                    out.write(chunks.next());
                }
            }
            Map<String, String> settings = new LinkedHashMap<>(launch.description().settings());
            settings.put("ember.master", masterUrl);
            settings.put("ember.submit.deployMode", "cluster");
            settings.put(ClusterTaskBackend.DRIVER_HOST, registration.host());
            // Other jars it names must be where the worker can read them, as in Spark; the application's is here.
            settings.merge("ember.jars", jar.toString(), (given, application) -> given + "," + application);
            List<String> command = javaCommand(launch.description().memoryBytes(), List.of(), DriverProcess.class);
            command.add(jar.toString());
            command.add(launch.description().mainClass());
            command.addAll(launch.description().arguments());
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("stdout").toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(directory.resolve("stderr").toFile()));
            Process process = startWithSettings(builder);
            try {
                ClusterSecurity.writeSettings(settings, new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                kill(process);
                throw e;
            }
            drivers.put(launch.driverId(), new RunningDriver(launch, process, directory));
        } catch (IOException | RuntimeException e) {
            System.err.println("Ember worker: could not launch driver " + launch.driverId() + ": " + e);
            synchronized (exited) {
                driversEnded.add(new DriverExit(launch.driverId(), "FAILED", -1));
            }
        }
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

    /**
     * The java command of an executor with a heap of {@code memoryBytes}, all of it from the start, on this worker's java
     * and class path, and its archive if any: the old generation then need not grow (by collections) under what tasks
     * hold for a while (map outputs waiting to be written, the build sides of joins).
     */
    private List<String> executorCommand(long memoryBytes, List<String> arguments) {
        List<String> jvmOptions = new ArrayList<>(archive.jvmOptions());
        jvmOptions.add("-Xms" + (memoryBytes >> 20) + "m");
        List<String> command = javaCommand(memoryBytes, jvmOptions, ExecutorProcess.class);
        command.addAll(List.of("--host", registration.host()));
        command.addAll(arguments);
        return command;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The java command running {@code main} with a heap of {@code memoryBytes} (and Ember's young generation for it,
     * {@link JvmOptions#youngGeneration}) and JVM options, on this worker's java and class path.
     */
    private static List<String> javaCommand(long memoryBytes, List<String> jvmOptions, Class<?> main) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + (memoryBytes >> 20) + "m", JvmOptions.youngGeneration(memoryBytes)));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        return command;
    }

    /** Starts an executor JVM in {@code directory}, its output going to files there, as {@link #startWithSettings}. */
    private Process start(List<String> command, Path directory) throws IOException {
        return startWithSettings(new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(directory.resolve("stdout").toFile()).redirectError(directory.resolve("stderr").toFile()));
    }

    /**
     * Starts a child JVM and writes it the worker's security settings on its standard input: secrets
     * are neither on its command line nor in its environment (which the processes it starts would inherit).
     */
    private Process startWithSettings(ProcessBuilder builder) throws IOException {
        ClusterSecurity.ENVIRONMENT.keySet().forEach(builder.environment()::remove);
        Process process = builder.start();
        try {
            security.writeTo(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            kill(process);
            throw e;
        }
        return process;
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
        try {
            LocalFileSystem.deleteTree(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
        }
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        webUi.close();
        stopSpare();
        new ArrayList<>(drivers.keySet()).forEach(this::killDriver);
        new ArrayList<>(executors.keySet()).forEach(this::endApplication);
        shuffleService.shutdownNow();
        Rpc.shutdown(master);
    }

    /**
     * {@code Worker MASTER_URL [--host H] [--cores N] [--memory SIZE] [--work-dir DIR] [--webui-port P]}:
     * runs a worker until killed, printing where its web UI is. Security settings: {@link ClusterSecurity#fromEnvironment}.
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
                Integer.parseInt(arguments.option("--webui-port", String.valueOf(DEFAULT_WEB_UI_PORT))), ClusterSecurity.fromEnvironment());
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
