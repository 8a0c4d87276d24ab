package dev.ember.cluster;

import static dev.ember.cluster.ClusterProtocol.APPLICATION_STATE;
import static dev.ember.cluster.ClusterProtocol.END_APPLICATION;
import static dev.ember.cluster.ClusterProtocol.HEARTBEAT;
import static dev.ember.cluster.ClusterProtocol.REGISTER_APPLICATION;
import static dev.ember.cluster.ClusterProtocol.REGISTER_WORKER;

import dev.ember.cluster.ClusterProtocol.Ack;
import dev.ember.cluster.ClusterProtocol.ApplicationId;
import dev.ember.cluster.ClusterProtocol.ApplicationState;
import dev.ember.cluster.ClusterProtocol.Heartbeat;
import dev.ember.cluster.ClusterProtocol.HeartbeatReply;
import dev.ember.cluster.ClusterProtocol.LaunchExecutor;
import dev.ember.cluster.ClusterProtocol.RegisterApplication;
import dev.ember.cluster.ClusterProtocol.RegisterWorker;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The standalone cluster's master: knows the workers (their cores and memory, alive while they
 * heartbeat) and the applications, and places each application's executors on workers with room,
 * spreading them over the workers as Spark's master does. Workers learn what to launch, and which
 * applications ended, from the replies to their heartbeats.
 */
public final class Master implements AutoCloseable {
    /** A worker not heard from for this long is dropped with its executors (Spark's {@code spark.worker.timeout} is 60 s). */
    static final long WORKER_TIMEOUT_MILLIS = 30_000;

    private final Server server;
    private final String url;
    private final Map<String, WorkerState> workers = new LinkedHashMap<>();
    private final Map<String, Application> applications = new LinkedHashMap<>();
    private final AtomicInteger applicationNumbers = new AtomicInteger();
    private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(Rpc.daemonThreads("ember-master-reaper"));

    private Master(String host, int port, Optional<String> secret) {
        this.server = Rpc.serve(host, port, secret, service());
        this.url = "ember://" + host + ":" + server.getPort();
        reaper.scheduleWithFixedDelay(this::dropSilentWorkers, 1, 1, TimeUnit.SECONDS);
    }

    /** Starts a master listening on {@code host:port} (0: a free port); with a secret, it refuses peers without it. */
    public static Master start(String host, int port, Optional<String> secret) {
        return new Master(host, port, secret);
    }

    /** The URL drivers and workers reach it at, {@code ember://host:port}. */
    public String url() {
        return url;
    }

    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    @Override
    public void close() {
        reaper.shutdownNow();
        server.shutdownNow();
    }

    /** A worker as the master sees it: its resources, what is used, and what it is yet to be told. */
    private static final class WorkerState {
        final RegisterWorker info;
        int coresUsed;
        long memoryUsed;
        long lastHeartbeat = System.currentTimeMillis();
        final List<LaunchExecutor> toLaunch = new ArrayList<>();
        final List<String> endedApplications = new ArrayList<>();

        WorkerState(RegisterWorker info) {
            this.info = info;
        }

        int freeCores() {
            return info.cores() - coresUsed;
        }

        long freeMemory() {
            return info.memoryBytes() - memoryUsed;
        }
    }

    /** An application and the executors placed for it. */
    private static final class Application {
        final String id;
        final RegisterApplication request;
        final List<Placement> executors = new ArrayList<>();
        int executorsPlaced;
        String waitingReason = "";

        Application(String id, RegisterApplication request) {
            this.id = id;
            this.request = request;
        }

        int coresGranted() {
            return executors.stream().mapToInt(p -> p.launch.cores()).sum();
        }

        int coresWanted() {
            return request.maxCores() <= 0 ? Integer.MAX_VALUE : request.maxCores();
        }
    }

    private record Placement(String workerId, LaunchExecutor launch) {
    }

    private ServerServiceDefinition service() {
        return ServerServiceDefinition.builder(ClusterProtocol.MASTER)
                .addMethod(REGISTER_WORKER, unary(this::registerWorker))
                .addMethod(HEARTBEAT, unary(this::heartbeat))
                .addMethod(REGISTER_APPLICATION, unary(this::registerApplication))
                .addMethod(APPLICATION_STATE, unary(this::applicationState))
                .addMethod(END_APPLICATION, unary(this::endApplication))
                .build();
    }

    static <Q, R> io.grpc.ServerCallHandler<Q, R> unary(Function<Q, R> handler) {
        return ServerCalls.asyncUnaryCall((Q request, StreamObserver<R> response) -> {
            response.onNext(handler.apply(request));
            response.onCompleted();
        });
    }

    private synchronized Ack registerWorker(RegisterWorker worker) {
        WorkerState previous = workers.put(worker.workerId(), new WorkerState(worker));
        if (previous != null) {
            forgetExecutorsOn(worker.workerId());
        }
        schedule();
        return new Ack();
    }

    private synchronized HeartbeatReply heartbeat(Heartbeat heartbeat) {
        WorkerState worker = workers.get(heartbeat.workerId());
        if (worker == null) {
            return new HeartbeatReply(List.of(), List.of(), true);
        }
        worker.lastHeartbeat = System.currentTimeMillis();
        HeartbeatReply reply = new HeartbeatReply(List.copyOf(worker.toLaunch), List.copyOf(worker.endedApplications), false);
        worker.toLaunch.clear();
        worker.endedApplications.clear();
        return reply;
    }

    private synchronized ApplicationId registerApplication(RegisterApplication request) {
        String id = "app-" + System.currentTimeMillis() + "-" + String.format("%04d", applicationNumbers.incrementAndGet());
        applications.put(id, new Application(id, request));
        schedule();
        return new ApplicationId(id);
    }

    private synchronized ApplicationState applicationState(ApplicationId id) {
        Application application = applications.get(id.id());
        if (application == null) {
            return new ApplicationState(0, "the master does not know application " + id.id());
        }
        return new ApplicationState(application.executors.size(), application.waitingReason);
    }

    private synchronized Ack endApplication(ApplicationId id) {
        Application application = applications.remove(id.id());
        if (application != null) {
            for (Placement placement : application.executors) {
                WorkerState worker = workers.get(placement.workerId());
                if (worker != null) {
                    worker.coresUsed -= placement.launch().cores();
                    worker.memoryUsed -= placement.launch().memoryBytes();
                    worker.toLaunch.remove(placement.launch());
                    worker.endedApplications.add(id.id());
                }
            }
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
        for (Application application : applications.values()) {
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
        worker.coresUsed += cores;
        worker.memoryUsed += launch.memoryBytes();
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
            workers.remove(workerId);
            forgetExecutorsOn(workerId);
        }
        if (!silent.isEmpty()) {
            schedule();
        }
    }

    private void forgetExecutorsOn(String workerId) {
        applications.values().forEach(application -> application.executors.removeIf(p -> p.workerId().equals(workerId)));
    }

    /** {@code Master [--host H] [--port P]}: runs a master until killed, printing its URL. The secret comes from the environment. */
    public static void main(String[] args) throws InterruptedException {
        Arguments arguments = Arguments.parse(args);
        Master master = start(arguments.option("--host", "127.0.0.1"), Integer.parseInt(arguments.option("--port", "7077")),
                ClusterSecret.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(master::close));
        System.out.println("Ember master at " + master.url());
        System.out.flush();
        master.awaitTermination();
    }
}
