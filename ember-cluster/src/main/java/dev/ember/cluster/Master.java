package dev.ember.cluster;

import static dev.ember.cluster.ClusterProtocol.APPLICATION_STATE;
import static dev.ember.cluster.ClusterProtocol.AWAIT_ORDERS;
import static dev.ember.cluster.ClusterProtocol.DRIVER_STATUS;
import static dev.ember.cluster.ClusterProtocol.FETCH_DRIVER_JAR;
import static dev.ember.cluster.ClusterProtocol.KILL_DRIVER;
import static dev.ember.cluster.ClusterProtocol.SUBMIT_DRIVER;
import static dev.ember.cluster.ClusterProtocol.END_APPLICATION;
import static dev.ember.cluster.ClusterProtocol.HEARTBEAT;
import static dev.ember.cluster.ClusterProtocol.REGISTER_APPLICATION;
import static dev.ember.cluster.ClusterProtocol.REGISTER_WORKER;

import dev.ember.cluster.ClusterProtocol.Ack;
import dev.ember.cluster.ClusterProtocol.ApplicationId;
import dev.ember.cluster.ClusterProtocol.ApplicationState;
import dev.ember.cluster.ClusterProtocol.AwaitOrders;
import dev.ember.cluster.ClusterProtocol.DriverDescription;
import dev.ember.cluster.ClusterProtocol.DriverExit;
import dev.ember.cluster.ClusterProtocol.DriverId;
import dev.ember.cluster.ClusterProtocol.DriverStatus;
import dev.ember.cluster.ClusterProtocol.LaunchDriver;
import dev.ember.cluster.ClusterProtocol.SubmitDriver;
import dev.ember.cluster.ClusterProtocol.ExecutorExit;
import dev.ember.cluster.ClusterProtocol.Heartbeat;
import dev.ember.cluster.ClusterProtocol.HeartbeatReply;
import dev.ember.cluster.ClusterProtocol.LaunchExecutor;
import dev.ember.cluster.ClusterProtocol.RegisterApplication;
import dev.ember.cluster.ClusterProtocol.RegisterWorker;
import dev.ember.ui.WebServer;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The standalone cluster's master: knows the workers (their cores and memory, alive while they
 * heartbeat) and the applications, and places each application's executors on workers with room,
 * spreading them over the workers as Spark's master does. Workers learn what to launch, and which
 * applications ended, from the replies to their heartbeats; they report executors that exited, for
 * which the master places replacements (up to {@link #MAX_EXECUTOR_FAILURES} per application).
 *
 * <p>Cluster deploy mode: submitters hand it drivers with their jar ({@link DriverClient}); it places
 * each on a worker with the driver's cores and memory free (drivers before executors, as Spark's
 * master), and the worker runs it ({@link DriverProcess}). A supervised driver that fails, or whose
 * worker is lost, is placed again; otherwise it ends FINISHED, FAILED, KILLED or ERROR (worker lost).
 *
 * <p>Recovery: with a recovery directory ({@code --recovery-dir}, {@code ember.deploy.recoveryDirectory})
 * the master writes its workers, applications and drivers (their jars too) there on every change and reads them back when it
 * starts, so a master restarted on the same address carries on. Applications keep running while it
 * is down (drivers and executors do not need it); without a recovery directory, workers register
 * again with the executors they run, and drivers register their applications again under the same id.
 * The recovered state may be wrong about what runs where (a launch placed but not yet sent when the
 * last master died), so each recovered worker is asked to register again with what it runs: drivers
 * and executors it does not report are lost (supervised drivers relaunched, others end in ERROR;
 * executors placed again), as Spark's master completes its recovery.
 *
 * <p>Its web UI ({@link MasterUi}, port 8080 or the next free one) shows {@link #status} snapshots.
 */
public final class Master implements AutoCloseable {
    /** A worker not heard from for this long is dropped with its executors (Spark's {@code spark.worker.timeout} is 60 s). */
    static final long WORKER_TIMEOUT_MILLIS = 30_000;
    /** Executors of an application that may exit before the master stops replacing them (Spark's {@code spark.deploy.maxExecutorRetries}). */
    static final int MAX_EXECUTOR_FAILURES = 10;
    public static final String RECOVERY_DIRECTORY = "ember.deploy.recoveryDirectory";
    /** The web UI's port when none is given, as Spark's master. */
    public static final int DEFAULT_WEB_UI_PORT = 8080;
    /** How many ended applications and dropped workers the UI goes on showing (Spark's {@code spark.deploy.retainedApplications} is 200). */
    static final int RETAINED = 50;
    private static final DateTimeFormatter DRIVER_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Server server;
    private final String url;
    private final Optional<MasterRecovery> recovery;
    private final Map<String, WorkerState> workers = new LinkedHashMap<>();
    /**
     * Workers taken up from the recovery directory that have not registered again since: what the
     * state says they run may be wrong (a launch placed but never sent before the last master died),
     * so their heartbeats ask them to report what they run.
     */
    private final Set<String> unreportedWorkers = new HashSet<>();
    /** The workers waiting for orders ({@code AWAIT_ORDERS}) by id, answered when there are some for them: executors launch without waiting for a heartbeat. */
    private final Map<String, StreamObserver<Ack>> awaitingOrders = new HashMap<>();
    private final Map<String, Application> applications = new LinkedHashMap<>();
    private final AtomicInteger applicationNumbers = new AtomicInteger();
    /** Drivers not ended (submitted, running, or waiting to be relaunched), in the order submitted. */
    private final Map<String, Driver> drivers = new LinkedHashMap<>();
    private int driverNumbers;
    private final Deque<MasterStatus.DriverInfo> completedDrivers = new ArrayDeque<>();
    /** Where the jars of drivers not ended are kept: in the recovery directory, else a directory of its own deleted on close. */
    private final Path driverJars;
    private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(Rpc.daemonThreads("ember-master-reaper"));
    private final Deque<MasterStatus.ApplicationInfo> completedApplications = new ArrayDeque<>();
    private final Deque<MasterStatus.WorkerInfo> deadWorkers = new ArrayDeque<>();
    private final WebServer webUi;
    private final String webUiUrl;

    private Master(String host, int port, int webUiPort, ClusterSecurity security, Optional<Path> recoveryDirectory) {
        this.recovery = recoveryDirectory.map(MasterRecovery::new);
        this.driverJars = driverJarDirectory(recoveryDirectory);
        recovery.ifPresent(r -> recover(r.read()));
        this.server = Rpc.serve(host, port, security, service());
        this.url = "ember://" + host + ":" + server.getPort();
        this.webUi = WebServer.start(host, webUiPort, "ember-master-ui", security.ui(), (path, query) -> MasterUi.route(status(), path));
        this.webUiUrl = webUi.url(host);
        reaper.scheduleWithFixedDelay(this::dropSilentWorkers, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Starts a master listening on {@code host:port} (0: a free port), its web UI on {@code webUiPort}
     * or the next free one (0: any free port); with a secret, it refuses peers that cannot prove it,
     * and its RPC and UI use TLS as {@code security} says. With a recovery directory, it keeps its state there, and takes it up from there if it holds some.
     */
    public static Master start(String host, int port, int webUiPort, ClusterSecurity security, Optional<Path> recoveryDirectory) {
        return new Master(host, port, webUiPort, security, recoveryDirectory);
    }

    private static Path driverJarDirectory(Optional<Path> recoveryDirectory) {
        try {
            return recoveryDirectory.isPresent() ? Files.createDirectories(recoveryDirectory.get().resolve("drivers"))
                    : Files.createTempDirectory("ember-master-drivers");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a directory for the drivers' jars", e);
        }
    }

    /** The recovery directory given, else the one of the system property {@link #RECOVERY_DIRECTORY}, if any. */
    public static Optional<Path> recoveryDirectory(Optional<Path> given) {
        return given.or(() -> Optional.ofNullable(System.getProperty(RECOVERY_DIRECTORY)).map(Path::of));
    }

    /** The URL drivers and workers reach it at, {@code ember://host:port}. */
    public String url() {
        return url;
    }

    /** Where its web UI is, {@code http://host:port} ({@code https} with TLS). */
    public String webUiUrl() {
        return webUiUrl;
    }

    /** What the master knows now, as the web UI shows it. */
    synchronized MasterStatus status() {
        long now = System.currentTimeMillis();
        List<MasterStatus.WorkerInfo> workerInfos = new ArrayList<>();
        workers.values().forEach(worker -> workerInfos.add(worker.info("ALIVE")));
        workerInfos.addAll(deadWorkers);
        return new MasterStatus(url, workerInfos, applications.values().stream().map(a -> a.info(now, "")).toList(),
                List.copyOf(completedApplications), drivers.values().stream().map(this::driverInfo).toList(), List.copyOf(completedDrivers));
    }

    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    @Override
    public void close() {
        reaper.shutdownNow();
        webUi.close();
        server.shutdownNow();
        if (recovery.isEmpty()) {
            Worker.deleteRecursively(driverJars);
        }
    }

    /** A worker as the master sees it: its resources, what is used, and what it is yet to be told. */
    private static final class WorkerState {
        final RegisterWorker info;
        int coresUsed;
        long memoryUsed;
        long lastHeartbeat = System.currentTimeMillis();
        final List<LaunchExecutor> toLaunch = new ArrayList<>();
        final Set<String> endedApplications = new LinkedHashSet<>();
        final List<LaunchDriver> driversToLaunch = new ArrayList<>();
        final List<String> driversToKill = new ArrayList<>();
        /** Executors it reported running for applications this master does not know (yet): their drivers may register again. */
        final List<LaunchExecutor> unclaimed = new ArrayList<>();

        WorkerState(RegisterWorker info) {
            this.info = info;
        }

        int freeCores() {
            return info.cores() - coresUsed;
        }

        long freeMemory() {
            return info.memoryBytes() - memoryUsed;
        }

        void use(LaunchExecutor launch, int sign) {
            coresUsed += sign * launch.cores();
            memoryUsed += sign * launch.memoryBytes();
        }

        void use(DriverDescription driver, int sign) {
            coresUsed += sign * driver.cores();
            memoryUsed += sign * driver.memoryBytes();
        }

        boolean hasOrders() {
            return !toLaunch.isEmpty() || !endedApplications.isEmpty() || !driversToLaunch.isEmpty() || !driversToKill.isEmpty();
        }

        MasterStatus.WorkerInfo info(String state) {
            return new MasterStatus.WorkerInfo(info.workerId(), info.host(), info.webUiUrl(), state, info.cores(), coresUsed, info.memoryBytes(),
                    memoryUsed, lastHeartbeat);
        }
    }

    /** An application and the executors placed for it. */
    private static final class Application {
        final String id;
        final RegisterApplication request;
        final List<Placement> executors = new ArrayList<>();
        int executorsPlaced;
        int executorFailures;
        String waitingReason = "";
        final long startTime;

        Application(String id, RegisterApplication request, long startTime) {
            this.id = id;
            this.request = request;
            this.startTime = startTime;
        }

        /** How it is now; {@code endState} is empty while it runs, then why it ended. */
        MasterStatus.ApplicationInfo info(long now, String endState) {
            String state = !endState.isEmpty() ? endState : executors.isEmpty() ? "WAITING" : "RUNNING";
            return new MasterStatus.ApplicationInfo(id, request.name(), request.user(), request.webUiUrl(), coresGranted(),
                    request.executorMemoryBytes(), state, startTime, now - startTime);
        }

        int coresGranted() {
            return executors.stream().mapToInt(p -> p.launch.cores()).sum();
        }

        int coresWanted() {
            return request.maxCores() <= 0 ? Integer.MAX_VALUE : request.maxCores();
        }

        void adopt(String workerId, LaunchExecutor launch) {
            executors.add(new Placement(workerId, launch));
            executorsPlaced = Math.max(executorsPlaced, Integer.parseInt(launch.executorId()) + 1);
        }
    }

    record Placement(String workerId, LaunchExecutor launch) implements Serializable {
    }

    /** A driver not ended: its state (SUBMITTED, RUNNING or RELAUNCHING) and its worker, empty while it has none. */
    private static final class Driver {
        final String id;
        final DriverDescription description;
        final long submitTime;
        String state = "SUBMITTED";
        String workerId = "";
        boolean killRequested;

        Driver(String id, DriverDescription description, long submitTime) {
            this.id = id;
            this.description = description;
            this.submitTime = submitTime;
        }
    }

    private ServerServiceDefinition service() {
        return ServerServiceDefinition.builder(ClusterProtocol.MASTER)
                .addMethod(REGISTER_WORKER, unary(this::registerWorker))
                .addMethod(HEARTBEAT, unary(this::heartbeat))
                .addMethod(AWAIT_ORDERS, ServerCalls.asyncUnaryCall(this::awaitOrders))
                .addMethod(REGISTER_APPLICATION, unary(this::registerApplication))
                .addMethod(APPLICATION_STATE, unary(this::applicationState))
                .addMethod(END_APPLICATION, unary(this::endApplication))
                .addMethod(SUBMIT_DRIVER, unary(this::submitDriver))
                .addMethod(DRIVER_STATUS, unary(this::driverStatus))
                .addMethod(KILL_DRIVER, unary(this::killDriver))
                .addMethod(FETCH_DRIVER_JAR, ServerCalls.asyncServerStreamingCall(this::sendDriverJar))
                .build();
    }

    static <Q, R> io.grpc.ServerCallHandler<Q, R> unary(Function<Q, R> handler) {
        return ServerCalls.asyncUnaryCall((Q request, StreamObserver<R> response) -> {
            response.onNext(handler.apply(request));
            response.onCompleted();
        });
    }

    /** A worker registers, or registers again with the executors it runs (this master restarted, or dropped it). */
    private synchronized Ack registerWorker(RegisterWorker registration) {
        WorkerState worker = new WorkerState(registration);
        WorkerState previous = workers.put(registration.workerId(), worker);
        unreportedWorkers.remove(registration.workerId());
        deadWorkers.removeIf(dead -> dead.id().equals(registration.workerId()));
        if (previous != null) {
            forgetExecutorsOn(registration.workerId());
            // Applications that ended after its last heartbeat but before it registered again: it must still be told.
            worker.endedApplications.addAll(previous.endedApplications);
        }
        for (Driver driver : List.copyOf(drivers.values())) {
            if (driver.workerId.equals(registration.workerId()) && !registration.runningDrivers().contains(driver.id)) {
                boolean neverTold = previous != null && previous.driversToLaunch.stream().anyMatch(l -> l.driverId().equals(driver.id));
                if (neverTold) {
                    relaunch(driver);
                } else {
                    driverLost(driver);
                }
            }
        }
        for (String driverId : registration.runningDrivers()) {
            Driver driver = drivers.get(driverId);
            if (driver == null) {
                worker.driversToKill.add(driverId); // ended while its worker was away
            } else {
                driver.workerId = registration.workerId();
                driver.state = "RUNNING";
                worker.use(driver.description, 1);
            }
        }
        for (LaunchExecutor running : registration.running()) {
            worker.use(running, 1);
            Application application = applications.get(running.applicationId());
            if (application != null) {
                application.adopt(registration.workerId(), running);
            } else if (completedApplications.stream().anyMatch(completed -> completed.id().equals(running.applicationId()))) {
                worker.endedApplications.add(running.applicationId());
            } else {
                worker.unclaimed.add(running);
            }
        }
        schedule();
        return new Ack();
    }

    /** Answers now when the worker has orders, else once it has ({@link #wakeWorkers}); a newer call from it answers the older one. */
    private synchronized void awaitOrders(AwaitOrders request, StreamObserver<Ack> response) {
        WorkerState worker = workers.get(request.workerId());
        if (worker != null && worker.hasOrders()) {
            answer(response);
            return;
        }
        ((ServerCallStreamObserver<Ack>) response).setOnCancelHandler(() -> {
            synchronized (this) {
                awaitingOrders.remove(request.workerId(), response);
            }
        });
        StreamObserver<Ack> previous = awaitingOrders.put(request.workerId(), response);
        if (previous != null) {
            answer(previous);
        }
    }

    /** Answers the waiting workers that have orders now. */
    private void wakeWorkers() {
        awaitingOrders.entrySet().removeIf(waiting -> {
            WorkerState worker = workers.get(waiting.getKey());
            if (worker == null || !worker.hasOrders()) {
                return false;
            }
            answer(waiting.getValue());
            return true;
        });
    }

    private static void answer(StreamObserver<Ack> response) {
        try {
            response.onNext(new Ack());
            response.onCompleted();
        } catch (RuntimeException e) {
            // The worker stopped waiting (its call was cancelled): its heartbeats get the orders.
        }
    }

    private synchronized HeartbeatReply heartbeat(Heartbeat heartbeat) {
        WorkerState worker = workers.get(heartbeat.workerId());
        if (worker == null) {
            return new HeartbeatReply(List.of(), List.of(), List.of(), List.of(), true, false);
        }
        worker.lastHeartbeat = System.currentTimeMillis();
        if (!heartbeat.exited().isEmpty() || !heartbeat.driversEnded().isEmpty()) {
            heartbeat.exited().forEach(exit -> executorExited(worker, exit));
            heartbeat.driversEnded().forEach(exit -> driverEnded(worker, exit));
            schedule();
        }
        HeartbeatReply reply = new HeartbeatReply(List.copyOf(worker.toLaunch), List.copyOf(worker.endedApplications),
                List.copyOf(worker.driversToLaunch), List.copyOf(worker.driversToKill), false, unreportedWorkers.contains(worker.info.workerId()));
        worker.toLaunch.clear();
        worker.endedApplications.clear();
        worker.driversToLaunch.clear();
        worker.driversToKill.clear();
        return reply;
    }

    /** Frees what an executor that exited held; {@link #schedule} then places a replacement. */
    private void executorExited(WorkerState worker, ExecutorExit exit) {
        worker.unclaimed.removeIf(launch -> launch.applicationId().equals(exit.applicationId()) && launch.executorId().equals(exit.executorId()));
        Application application = applications.get(exit.applicationId());
        if (application == null) {
            return;
        }
        for (Placement placement : List.copyOf(application.executors)) {
            if (placement.workerId().equals(worker.info.workerId()) && placement.launch().executorId().equals(exit.executorId())) {
                application.executors.remove(placement);
                worker.use(placement.launch(), -1);
                application.executorFailures++;
                System.err.println("Ember master: executor " + exit.executorId() + " of " + exit.applicationId() + " on "
                        + worker.info.host() + " " + exit.reason());
            }
        }
    }

    /** Takes a driver and its jar, to be placed on a worker; the id is Spark's form, {@code driver-yyyyMMddHHmmss-NNNN}. */
    private synchronized DriverId submitDriver(SubmitDriver submission) {
        String id = "driver-" + LocalDateTime.now().format(DRIVER_ID_TIME) + "-" + String.format("%04d", driverNumbers++);
        try {
            Files.write(driverJars.resolve(id + ".jar"), submission.jar());
        } catch (IOException e) {
            throw Status.INTERNAL.withDescription("the master could not keep the driver's jar: " + e).asRuntimeException();
        }
        drivers.put(id, new Driver(id, submission.description(), System.currentTimeMillis()));
        System.err.println("Ember master: driver " + id + " submitted (" + submission.description().mainClass() + ")");
        schedule();
        return new DriverId(id);
    }

    private synchronized DriverStatus driverStatus(DriverId id) {
        Driver driver = drivers.get(id.id());
        if (driver != null) {
            WorkerState worker = workers.get(driver.workerId);
            return new DriverStatus(true, driver.state, driver.workerId, worker == null ? "" : worker.info.host(), "");
        }
        return completedDrivers.stream().filter(d -> d.id().equals(id.id())).findFirst()
                .map(d -> new DriverStatus(true, d.state(), d.workerId(), d.workerHost(), ""))
                .orElseGet(() -> new DriverStatus(false, "", "", "", "the master has no record of driver " + id.id()));
    }

    /** A driver not placed yet is KILLED at once; a running one once its worker killed it. */
    private synchronized DriverStatus killDriver(DriverId id) {
        Driver driver = drivers.get(id.id());
        if (driver == null) {
            DriverStatus status = driverStatus(id);
            return status.known() ? new DriverStatus(true, status.state(), status.workerId(), status.workerHost(),
                    "driver " + id.id() + " has already ended") : status;
        }
        driver.killRequested = true;
        WorkerState worker = workers.get(driver.workerId);
        if (worker == null) {
            driverDone(driver, "KILLED");
        } else if (worker.driversToLaunch.removeIf(launch -> launch.driverId().equals(driver.id))) {
            // Placed but not yet sent: the worker never hears of it (a kill in the same reply would come before the launch).
            worker.use(driver.description, -1);
            driverDone(driver, "KILLED");
        } else {
            worker.driversToKill.add(driver.id);
        }
        schedule();
        DriverStatus status = driverStatus(id);
        return new DriverStatus(true, status.state(), status.workerId(), status.workerHost(), "kill request for " + id.id() + " submitted");
    }

    private void sendDriverJar(DriverId id, StreamObserver<byte[]> response) {
        synchronized (this) {
            if (!drivers.containsKey(id.id())) {
                response.onError(Status.NOT_FOUND.withDescription("no driver " + id.id() + " is waiting to run").asRuntimeException());
                return;
            }
        }
        Path jar = driverJars.resolve(id.id() + ".jar");
        try {
            FileChannel channel = FileChannel.open(jar);
            FileRangeSender.send(channel, 0, channel.size(), (ServerCallStreamObserver<byte[]>) response, jar.toString());
        } catch (IOException e) {
            response.onError(Status.INTERNAL.withDescription("reading " + jar + ": " + e).asRuntimeException());
        }
    }

    /** A driver ended on its worker: relaunched if supervised and it failed, else done. */
    private void driverEnded(WorkerState worker, DriverExit exit) {
        Driver driver = drivers.get(exit.driverId());
        if (driver == null || !driver.workerId.equals(worker.info.workerId())) {
            return;
        }
        worker.use(driver.description, -1);
        System.err.println("Ember master: driver " + driver.id + " on " + worker.info.host() + " ended " + exit.state() + " (exit code "
                + exit.exitCode() + ")");
        if (driver.killRequested) {
            driverDone(driver, "KILLED");
        } else if (!exit.state().equals("FINISHED") && driver.description.supervise()) {
            relaunch(driver);
        } else {
            driverDone(driver, exit.state());
        }
    }

    /** Its worker is gone (its process with it): supervised, it runs again elsewhere; else it ends in ERROR, as in Spark. */
    private void driverLost(Driver driver) {
        if (driver.killRequested) {
            driverDone(driver, "KILLED");
        } else if (driver.description.supervise()) {
            relaunch(driver);
        } else {
            driverDone(driver, "ERROR");
        }
    }

    /** {@link #scheduleDrivers} places it again, on any worker with room. */
    private static void relaunch(Driver driver) {
        driver.state = "RELAUNCHING";
        driver.workerId = "";
    }

    private void driverDone(Driver driver, String state) {
        driver.state = state;
        drivers.remove(driver.id);
        retain(completedDrivers, driverInfo(driver));
        try {
            Files.deleteIfExists(driverJars.resolve(driver.id + ".jar"));
        } catch (IOException e) {
            System.err.println("Ember master: could not delete the jar of " + driver.id + ": " + e);
        }
    }

    private MasterStatus.DriverInfo driverInfo(Driver driver) {
        WorkerState worker = workers.get(driver.workerId);
        return new MasterStatus.DriverInfo(driver.id, driver.submitTime, driver.workerId, worker == null ? "" : worker.info.host(),
                driver.state, driver.description.cores(), driver.description.memoryBytes(), driver.description.mainClass());
    }

    /** Places the drivers waiting for a worker on the one with the most free cores among those with room for them. */
    private void scheduleDrivers() {
        for (Driver driver : drivers.values()) {
            if (!driver.workerId.isEmpty()) {
                continue;
            }
            workers.values().stream()
                    .filter(w -> w.freeCores() >= driver.description.cores() && w.freeMemory() >= driver.description.memoryBytes())
                    .max(Comparator.comparingInt(WorkerState::freeCores))
                    .ifPresent(worker -> {
                        worker.use(driver.description, 1);
                        worker.driversToLaunch.add(new LaunchDriver(driver.id, driver.description));
                        driver.workerId = worker.info.workerId();
                        driver.state = "RUNNING";
                    });
        }
    }

    /** A new application, or one registering again under its id after this master restarted without knowing it. */
    private synchronized ApplicationId registerApplication(RegisterApplication request) {
        if (!request.id().isEmpty() && applications.containsKey(request.id())) {
            return new ApplicationId(request.id());
        }
        String id = request.id().isEmpty()
                ? "app-" + System.currentTimeMillis() + "-" + String.format("%04d", applicationNumbers.incrementAndGet())
                : request.id();
        Application application = new Application(id, request, System.currentTimeMillis());
        applications.put(id, application);
        for (WorkerState worker : workers.values()) {
            for (LaunchExecutor running : List.copyOf(worker.unclaimed)) {
                if (running.applicationId().equals(id)) {
                    worker.unclaimed.remove(running);
                    application.adopt(worker.info.workerId(), running);
                }
            }
        }
        schedule();
        return new ApplicationId(id);
    }

    private synchronized ApplicationState applicationState(ApplicationId id) {
        Application application = applications.get(id.id());
        if (application == null) {
            return new ApplicationState(false, 0, 0, "the master does not know application " + id.id());
        }
        return new ApplicationState(true, application.executors.size(), application.coresGranted(), application.waitingReason);
    }

    private synchronized Ack endApplication(ApplicationId id) {
        Application application = applications.remove(id.id());
        if (application != null) {
            retain(completedApplications, application.info(System.currentTimeMillis(), "FINISHED"));
            for (Placement placement : application.executors) {
                WorkerState worker = workers.get(placement.workerId());
                if (worker != null) {
                    worker.use(placement.launch(), -1);
                    worker.toLaunch.remove(placement.launch());
                }
            }
            // Every worker is told: one may run executors of it that the master does not know of.
            workers.values().forEach(worker -> worker.endedApplications.add(id.id()));
            schedule();
        }
        return new Ack();
    }

    /**
     * Places executors of waiting applications, oldest application first, one executor per worker
     * in turn (spreading an application over the workers), each with the application's cores per
     * executor (all the worker's free cores when it names none) and memory.
     */
    private void schedule() {
        scheduleDrivers();
        for (Application application : applications.values()) {
            if (application.executorFailures >= MAX_EXECUTOR_FAILURES) {
                application.waitingReason = application.executorFailures + " of its executors exited; no more are launched";
                continue;
            }
            boolean placed = true;
            while (placed && application.coresGranted() < application.coresWanted()) {
                placed = false;
                for (WorkerState worker : workers.values()) {
                    int cores = coresFor(application, worker);
                    if (cores > 0 && worker.freeMemory() >= application.request.executorMemoryBytes()) {
                        place(application, worker, cores);
                        placed = true;
                        if (application.coresGranted() >= application.coresWanted()) {
                            break;
                        }
                    }
                }
            }
            application.waitingReason = application.executors.isEmpty() ? whyNothingFits(application) : "";
        }
        recovery.ifPresent(r -> r.write(snapshot()));
        wakeWorkers();
    }

    private MasterRecovery.State snapshot() {
        return new MasterRecovery.State(workers.values().stream().map(w -> w.info).toList(),
                applications.values().stream().map(a -> new MasterRecovery.SavedApplication(a.id, a.request, a.startTime, a.executorsPlaced,
                        a.executorFailures, List.copyOf(a.executors))).toList(),
                drivers.values().stream().map(d -> new MasterRecovery.SavedDriver(d.id, d.description, d.submitTime, d.state, d.workerId,
                        d.killRequested)).toList(), driverNumbers);
    }

    /**
     * Takes up the state a master before this one wrote; its workers have {@link #WORKER_TIMEOUT_MILLIS} to be heard from again,
     * and to register again with what they run ({@link #unreportedWorkers}).
     */
    private void recover(MasterRecovery.State state) {
        for (RegisterWorker worker : state.workers()) {
            workers.put(worker.workerId(), new WorkerState(worker.withRunning(List.of(), List.of())));
            unreportedWorkers.add(worker.workerId());
        }
        for (MasterRecovery.SavedApplication saved : state.applications()) {
            Application application = new Application(saved.id(), saved.request(), saved.startTime());
            application.executorsPlaced = saved.executorsPlaced();
            application.executorFailures = saved.executorFailures();
            for (Placement placement : saved.executors()) {
                WorkerState worker = workers.get(placement.workerId());
                if (worker != null) {
                    worker.use(placement.launch(), 1);
                    application.executors.add(placement);
                }
            }
            applications.put(saved.id(), application);
        }
        driverNumbers = state.driverNumbers();
        for (MasterRecovery.SavedDriver saved : state.drivers()) {
            Driver driver = new Driver(saved.id(), saved.description(), saved.submitTime());
            driver.state = saved.state();
            driver.killRequested = saved.killRequested();
            WorkerState worker = workers.get(saved.workerId());
            if (worker != null) {
                worker.use(saved.description(), 1);
                driver.workerId = saved.workerId();
            }
            drivers.put(saved.id(), driver);
        }
        scheduleDrivers();
    }

    private static int coresFor(Application application, WorkerState worker) {
        int left = application.coresWanted() - application.coresGranted();
        int perExecutor = application.request.executorCores();
        if (perExecutor > 0) {
            return worker.freeCores() >= perExecutor && left >= perExecutor ? perExecutor : 0;
        }
        return Math.min(worker.freeCores(), left);
    }

    private void place(Application application, WorkerState worker, int cores) {
        String executorId = String.valueOf(application.executorsPlaced++);
        LaunchExecutor launch = new LaunchExecutor(application.id, executorId, application.request.driverHost(),
                application.request.driverPort(), cores, application.request.executorMemoryBytes());
        worker.use(launch, 1);
        worker.toLaunch.add(launch);
        application.executors.add(new Placement(worker.info.workerId(), launch));
    }

    private String whyNothingFits(Application application) {
        if (workers.isEmpty()) {
            return "no worker is registered with the master at " + url;
        }
        int cores = Math.max(1, application.request.executorCores());
        StringBuilder reason = new StringBuilder("it asks for executors of " + cores + " core(s) and "
                + (application.request.executorMemoryBytes() >> 20) + " MiB (ember.executor.cores, ember.executor.memory); free on the workers:");
        for (WorkerState worker : workers.values()) {
            reason.append(' ').append(worker.info.host()).append(" (").append(worker.freeCores()).append(" cores, ")
                    .append(worker.freeMemory() >> 20).append(" MiB)");
        }
        return reason.toString();
    }

    private synchronized void dropSilentWorkers() {
        long now = System.currentTimeMillis();
        List<String> silent = workers.values().stream().filter(w -> now - w.lastHeartbeat > WORKER_TIMEOUT_MILLIS)
                .map(w -> w.info.workerId()).toList();
        for (String workerId : silent) {
            retain(deadWorkers, workers.remove(workerId).info("DEAD"));
            unreportedWorkers.remove(workerId);
            forgetExecutorsOn(workerId);
            List.copyOf(drivers.values()).stream().filter(d -> d.workerId.equals(workerId)).forEach(this::driverLost);
        }
        if (!silent.isEmpty()) {
            schedule();
        }
    }

    private static <T> void retain(Deque<T> retained, T item) {
        retained.addFirst(item);
        if (retained.size() > RETAINED) {
            retained.removeLast();
        }
    }

    private void forgetExecutorsOn(String workerId) {
        applications.values().forEach(application -> application.executors.removeIf(p -> p.workerId().equals(workerId)));
    }

    /**
     * {@code Master [--host H] [--port P] [--webui-port P] [--recovery-dir DIR]}: runs a master until
     * killed, printing its URL and its web UI's. Security settings: {@link ClusterSecurity#fromEnvironment}.
     */
    public static void main(String[] args) throws InterruptedException {
        Arguments arguments = Arguments.parse(args);
        Master master = start(arguments.option("--host", "127.0.0.1"), Integer.parseInt(arguments.option("--port", "7077")),
                Integer.parseInt(arguments.option("--webui-port", String.valueOf(DEFAULT_WEB_UI_PORT))), ClusterSecurity.fromEnvironment(),
                recoveryDirectory(Optional.ofNullable(arguments.option("--recovery-dir", null)).map(Path::of)));
        Runtime.getRuntime().addShutdownHook(new Thread(master::close));
        master.printAddresses();
        master.awaitTermination();
    }

    /** The two lines a person starting a master needs: where to point workers and drivers, and where to look. */
    public void printAddresses() {
        System.out.println("Ember master at " + url);
        System.out.println("Ember master UI at " + webUiUrl);
        System.out.flush();
    }
}
