package dev.ember.cluster;

import dev.ember.cluster.ClusterProtocol.Ack;
import dev.ember.cluster.ClusterProtocol.ApplicationId;
import dev.ember.cluster.ClusterProtocol.ApplicationState;
import dev.ember.cluster.ClusterProtocol.BroadcastId;
import dev.ember.cluster.ClusterProtocol.RegisterApplication;
import dev.ember.cluster.ClusterProtocol.RegisterExecutor;
import dev.ember.cluster.ClusterProtocol.ShuffleId;
import dev.ember.cluster.TaskEnvelope.ShuffleLocations;
import dev.ember.broadcast.Broadcast;
import dev.ember.config.EmberConf;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.events.EmberEvent;
import dev.ember.events.ListenerBus;
import dev.ember.memory.MemoryManager;
import dev.ember.cluster.ClusterProtocol.ExecutorHeartbeat;
import dev.ember.cluster.ClusterProtocol.HeartbeatAck;
import dev.ember.cluster.ClusterProtocol.JarList;
import dev.ember.cluster.ClusterProtocol.JarName;
import dev.ember.scheduler.FetchFailedException;
import dev.ember.scheduler.LocalTaskBackend;
import dev.ember.scheduler.MapStatus;
import dev.ember.scheduler.MapTask;
import dev.ember.scheduler.SerializedTask;
import dev.ember.scheduler.ShuffleStore;
import dev.ember.scheduler.StorageReports;
import dev.ember.scheduler.TaskAttempt;
import dev.ember.scheduler.TaskBackend;
import dev.ember.scheduler.TaskResult;
import dev.ember.storage.ElementStreams;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * The driver's side of a standalone cluster: registers the application with the master, waits
 * (boundedly) for the executors the master places to connect back, then runs each task attempt on
 * a free executor core: the attempt, with where the shuffle outputs it may read are, goes
 * Java-serialized in one call, its result comes back serialized. The broadcasts a task uses go as
 * their ids: each executor fetches a value from here once and keeps it until it is unpersisted. Map outputs stay on the executor
 * that wrote them, or in files its worker serves (the shuffle service, {@code ember.shuffle.service.enabled},
 * on by default); the driver's {@link ShuffleStore} records where ({@link ShuffleStore#publishRemote})
 * and their sizes, for the scheduler and adaptive execution.
 *
 * <p>Executors come and go: one that registers later (a replacement the master placed) takes
 * tasks from then on. One is lost when a call to it finds it unreachable, or when it has not
 * heartbeated for {@code ember.network.timeout}: its running attempts fail with
 * {@code EXECUTOR_LOST} (the scheduler attempts them again elsewhere) and the map outputs only it
 * held are marked lost. A task that cannot fetch a map output marks every output at the same place
 * lost (the executor, or the whole worker with its shuffle service), so that the scheduler
 * recomputes them. The driver also polls the master, registering the application again under the
 * same id should the master have restarted without knowing it. Executors added and lost (with
 * why) are posted on the session's bus, for the application UI's executors page.
 */
final class ClusterTaskBackend implements TaskBackend {
    /** How long to wait for the master to place executors, and for a task to find one registered, before failing. */
    static final String EXECUTOR_WAIT = "ember.cluster.executorWaitTimeout";
    /** Spark's {@code spark.scheduler.minRegisteredResourcesRatio}: the share of the cores placed that must have registered before jobs start. */
    static final String MIN_REGISTERED_RATIO = "ember.scheduler.minRegisteredResourcesRatio";
    /** Spark's {@code spark.scheduler.maxRegisteredResourcesWaitingTime}: how long jobs wait for that share at most (30 s). */
    static final String MAX_REGISTERED_WAIT = "ember.scheduler.maxRegisteredResourcesWaitingTime";
    static final String EXECUTOR_CORES = "ember.executor.cores";
    static final String CORES_MAX = "ember.cores.max";
    static final String DRIVER_HOST = "ember.driver.host";
    static final String SHUFFLE_SERVICE = "ember.shuffle.service.enabled";
    /** How long an executor may stay silent before it is lost (Spark's {@code spark.network.timeout}, 120 s). */
    static final String NETWORK_TIMEOUT = "ember.network.timeout";
    private static final long MASTER_POLL_MILLIS = 2_000;
    /** The application's jars, comma-separated local paths (Spark's {@code spark.jars}): served to the executors, which load tasks' classes from them. */
    static final String JARS = "ember.jars";
    /** The application UI's address, set by the UI when it started (before this backend): the master links to it. */
    static final String WEB_URL = "ember.ui.webUrl";

    private final MasterAddress masterAddress;
    private final ClusterSecurity security;
    private final ManagedChannel master;
    private final Server server;
    private final ShuffleStore shuffles;
    private final BlockFetcher fetcher;
    private final Map<String, Executor> executors = new ConcurrentHashMap<>();
    /** One entry per free executor core. */
    private final BlockingQueue<Executor> freeCores = new LinkedBlockingQueue<>();
    /** Where each map output is, by shuffle and map partition: sent with every task. */
    private final Map<Integer, String[]> outputLocations = new ConcurrentHashMap<>();
    /** When each executor was last heard from. */
    private final Map<String, Long> lastHeartbeat = new ConcurrentHashMap<>();
    /** Posts the storage memory the executors' heartbeats report, when it changed. */
    private final StorageReports storageReports;
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(Rpc.daemonThreads("ember-driver-watch"));
    private final boolean shuffleService;
    private final long networkTimeoutMillis;
    private final long executorWaitMillis;
    /** The jars executors fetch, by the name they get: its position and file name. */
    private final Map<String, Path> jars = new LinkedHashMap<>();
    private final ListenerBus events;
    private final EmberConf conf;
    /** Frees the executors' copies of a broadcast unpersisted or destroyed here. */
    private final LongConsumer forgetBroadcast = this::forgetBroadcast;
    private RegisterApplication registration;
    private volatile ApplicationId application;
    private ExecutorService taskThreads;
    private int slots;

    /** An executor; {@code shuffleLocation} is where its worker serves its map outputs (empty without a shuffle service). */
    private record Executor(String id, String location, String shuffleLocation, int cores, ManagedChannel channel) {
    }

    /** Listens for its executors and opens the channel to the master; {@link #start} registers the application. */
    ClusterTaskBackend(MasterAddress masterAddress, EmberConf conf, MemoryManager memory, Path localDirectory, ListenerBus events) {
        this.masterAddress = masterAddress;
        this.conf = conf;
        this.events = events;
        this.storageReports = new StorageReports(events);
        this.security = ClusterSecurity.fromConf(conf);
        this.master = Rpc.channel(masterAddress.host(), masterAddress.port(), security);
        master.getState(true); // connects now, while the server and the UI start, not when the application registers
        this.server = Rpc.serve(driverHost(conf, masterAddress), 0, security, service());
        this.shuffles = new ShuffleStore(memory, localDirectory);
        this.fetcher = new BlockFetcher(security);
        shuffles.setRemoteBlocks(fetcher);
        shuffles.onRemove(this::forgetShuffle);
        Broadcast.addRemovalListener(forgetBroadcast);
        this.shuffleService = Boolean.parseBoolean(conf.get(SHUFFLE_SERVICE, "true"));
        this.networkTimeoutMillis = conf.intValue(NETWORK_TIMEOUT, 120) * 1000L;
        this.executorWaitMillis = conf.intValue(EXECUTOR_WAIT, 60) * 1000L;
        for (String jar : conf.get(JARS, "").split(",")) {
            if (!jar.isBlank()) {
                Path path = Path.of(jar.trim()).toAbsolutePath();
                if (!Files.isRegularFile(path)) {
                    throw EmberException.of(ErrorClass.CLUSTER_NO_EXECUTORS, "reason", "the application jar " + path + " (" + JARS + ") does not exist");
                }
                jars.put(jars.size() + "-" + path.getFileName(), path);
            }
        }
    }

    /** Registers the application with the master and waits for its executors as {@link #awaitExecutors} says (the session closes it should that fail). */
    @Override
    public void start() {
        register(conf);
        awaitExecutors(conf);
        watch.scheduleWithFixedDelay(this::dropSilentExecutors, 1, 1, TimeUnit.SECONDS);
        watch.scheduleWithFixedDelay(this::pollMaster, MASTER_POLL_MILLIS, MASTER_POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The address executors reach the driver at: {@code ember.driver.host}, else this machine's address (loopback for a loopback master). */
    private static String driverHost(EmberConf conf, MasterAddress master) {
        String configured = conf.get(DRIVER_HOST, null);
        if (configured != null) {
            return configured;
        }
        if (master.host().equals("127.0.0.1") || master.host().equals("localhost")) {
            return "127.0.0.1";
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    private ServerServiceDefinition service() {
        return ServerServiceDefinition.builder(ClusterProtocol.DRIVER)
                .addMethod(ClusterProtocol.REGISTER_EXECUTOR, Master.unary(this::registerExecutor))
                .addMethod(ClusterProtocol.EXECUTOR_HEARTBEAT, Master.unary(this::executorHeartbeat))
                .addMethod(ClusterProtocol.FETCH_JAR, ServerCalls.asyncServerStreamingCall(this::sendJar))
                .addMethod(ClusterProtocol.FETCH_BROADCAST, ServerCalls.asyncUnaryCall(this::sendBroadcast))
                .build();
    }

    /** Sends a broadcast's value to an executor that reads it for the first time. */
    private void sendBroadcast(BroadcastId id, StreamObserver<byte[]> response) {
        Optional<Broadcast<?>> broadcast = Broadcast.live(id.id());
        if (broadcast.isEmpty()) {
            response.onError(Status.NOT_FOUND.withDescription("Failed to get broadcast_" + id.id()).asRuntimeException());
            return;
        }
        response.onNext(ElementStreams.writeObject(broadcast.get().value()));
        response.onCompleted();
    }

    /** Sends one of the application's jars; nothing but those is served. */
    private void sendJar(JarName name, StreamObserver<byte[]> response) {
        Path jar = jars.get(name.name());
        if (jar == null) {
            response.onError(Status.NOT_FOUND.withDescription("no application jar " + name.name()).asRuntimeException());
            return;
        }
        try {
            FileChannel channel = FileChannel.open(jar);
            FileRangeSender.send(channel, 0, channel.size(), (ServerCallStreamObserver<byte[]>) response, jar.toString());
        } catch (IOException e) {
            response.onError(Status.INTERNAL.withDescription("reading " + jar + ": " + e).asRuntimeException());
        }
    }

    private void register(EmberConf conf) {
        long memory = conf.bytesValue(MemoryManager.EXECUTOR_MEMORY, 1L << 30);
        String host = server.getListenSockets().isEmpty() ? "127.0.0.1"
                : ((java.net.InetSocketAddress) server.getListenSockets().get(0)).getHostString();
        registration = new RegisterApplication("", conf.get(EmberConf.APP_NAME, "ember"), System.getProperty("user.name", ""), host,
                server.getPort(), conf.intValue(CORES_MAX, 0), conf.intValue(EXECUTOR_CORES, 0), memory, conf.get(WEB_URL, ""));
        try {
            application = ClientCalls.blockingUnaryCall(master, ClusterProtocol.REGISTER_APPLICATION, deadline(), registration);
        } catch (StatusRuntimeException e) {
            throw EmberException.of(ErrorClass.CLUSTER_NO_EXECUTORS, "reason", "the master at ember://" + masterAddress.host() + ":"
                    + masterAddress.port() + " did not answer (" + e.getStatus().getCode() + ": " + e.getStatus().getDescription() + ")")
                    .withCause(e);
        }
    }

    private static CallOptions deadline() {
        return CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /**
     * Waits until the master has placed executors (failing with its reason when it placed none in
     * time), then, as Spark's scheduler backends do, until the share {@link #MIN_REGISTERED_RATIO}
     * of their cores has registered, for at most {@link #MAX_REGISTERED_WAIT}. The share is 0 by
     * default (Spark's in standalone mode), so that the session, and the first job, go on while the
     * executors connect: the slots are the cores placed, and a task waits for a registered free one.
     */
    private void awaitExecutors(EmberConf conf) {
        double ratio = conf.doubleValue(MIN_REGISTERED_RATIO, 0);
        if (ratio < 0 || ratio > 1) {
            throw EmberException.of(ErrorClass.INVALID_CONF_VALUE, "value", String.valueOf(ratio), "key", MIN_REGISTERED_RATIO,
                    "detail", "a share between 0 and 1 is expected");
        }
        long started = System.currentTimeMillis();
        long registeredWaitMillis = conf.millisValue(MAX_REGISTERED_WAIT, "30s");
        ApplicationState state;
        while (true) {
            state = ClientCalls.blockingUnaryCall(master, ClusterProtocol.APPLICATION_STATE, deadline(), application);
            long waited = System.currentTimeMillis() - started;
            if (state.executors() == 0 ? waited > executorWaitMillis
                    : registeredCores() >= ratio * state.cores() || waited > registeredWaitMillis) {
                break;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw EmberException.of(ErrorClass.CLUSTER_NO_EXECUTORS, "reason", "interrupted while waiting for executors");
            }
        }
        if (state.executors() == 0) {
            throw EmberException.of(ErrorClass.CLUSTER_NO_EXECUTORS, "reason", state.waitingReason());
        }
        slots = Math.max(state.cores(), registeredCores());
        taskThreads = LocalTaskBackend.newTaskThreads(slots);
    }

    private int registeredCores() {
        return executors.values().stream().mapToInt(Executor::cores).sum();
    }

    /** An executor started: at the application's start, or later as a replacement of one that was lost. */
    private synchronized JarList registerExecutor(RegisterExecutor request) {
        String location = request.host() + ":" + request.port();
        Executor executor = new Executor(request.executorId(), location, shuffleService ? request.shuffleLocation() : "", request.cores(),
                Rpc.channel(request.host(), request.port(), security));
        executor.channel().getState(true); // connects now: the first task does not wait for it
        lastHeartbeat.put(request.executorId(), System.currentTimeMillis());
        Executor previous = executors.put(request.executorId(), executor);
        if (previous != null) {
            executorLost(previous, "registered again");
        }
        for (int core = 0; core < request.cores(); core++) {
            freeCores.add(executor);
        }
        events.post(new EmberEvent.ExecutorAdded(System.currentTimeMillis(), executor.id(), location, executor.cores(), request.maxMemory()));
        return new JarList(List.copyOf(jars.keySet()));
    }

    private HeartbeatAck executorHeartbeat(ExecutorHeartbeat heartbeat) {
        boolean known = executors.containsKey(heartbeat.executorId());
        if (known) {
            lastHeartbeat.put(heartbeat.executorId(), System.currentTimeMillis());
            storageReports.report(heartbeat.executorId(), heartbeat.storageMemoryUsed());
        }
        return new HeartbeatAck(known);
    }

    private void dropSilentExecutors() {
        long now = System.currentTimeMillis();
        for (Executor executor : executors.values()) {
            if (now - lastHeartbeat.getOrDefault(executor.id(), now) > networkTimeoutMillis) {
                executorLost(executor, "no heartbeat for " + networkTimeoutMillis / 1000 + " s");
            }
        }
    }

    /**
     * Forgets a lost executor: it takes no more tasks, its calls are cut short (their attempts fail
     * and run again elsewhere), and the map outputs only it held are lost.
     */
    private void executorLost(Executor executor, String reason) {
        synchronized (this) {
            if (!executors.remove(executor.id(), executor)) {
                return; // already handled
            }
            freeCores.removeIf(core -> core == executor);
            lastHeartbeat.remove(executor.id());
            storageReports.forget(executor.id());
        }
        System.err.println("Ember: lost executor " + executor.id() + " at " + executor.location() + ": " + reason);
        events.post(new EmberEvent.ExecutorRemoved(System.currentTimeMillis(), executor.id(), reason));
        loseOutputsAt(executor.location());
        executor.channel().shutdownNow();
    }

    /** Marks lost every map output held at {@code server} ({@code host:port}), whoever wrote it, so that the scheduler recomputes them. */
    private void loseOutputsAt(String server) {
        int[] lost = {0};
        outputLocations.forEach((shuffleId, locations) -> {
            synchronized (locations) {
                for (int map = 0; map < locations.length; map++) {
                    if (locations[map] != null && BlockFetcher.server(locations[map]).equals(server)) {
                        locations[map] = null;
                        shuffles.lose(shuffleId, map);
                        lost[0]++;
                    }
                }
            }
        });
        if (lost[0] > 0) {
            System.err.println("Ember: " + lost[0] + " map output(s) at " + server + " lost; they are computed again");
        }
    }

    /** Registers the application again under its id when the master (restarted) does not know it; a master that is down is asked again later. */
    private void pollMaster() {
        try {
            ApplicationState state = ClientCalls.blockingUnaryCall(master, ClusterProtocol.APPLICATION_STATE, deadline(), application);
            if (!state.known()) {
                RegisterApplication again = registration.withId(application.id());
                ClientCalls.blockingUnaryCall(master, ClusterProtocol.REGISTER_APPLICATION, deadline(), again);
            }
        } catch (StatusRuntimeException e) {
            // The master is down for now: the application runs on without it.
        }
    }

    @Override
    public int slots() {
        return slots;
    }

    @Override
    public ExecutorService taskThreads() {
        return taskThreads;
    }

    @Override
    public List<ExecutorInfo> executors() {
        return executors.values().stream()
                .map(executor -> new ExecutorInfo(executor.id(), executor.location(), executor.cores())).toList();
    }

    @Override
    public ShuffleStore shuffles() {
        return shuffles;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> TaskResult<T> run(TaskAttempt<T> attempt) {
        byte[] request;
        try {
            TaskAttempt<T> serialized = new TaskAttempt<>(attempt.stageId(), attempt.partition(), attempt.attemptNumber(),
                    attempt.taskAttemptId(), SerializedTask.of(attempt.task()));
            request = ElementStreams.writeObject(new TaskEnvelope(serialized, attempt.task() instanceof MapTask, locations()));
        } catch (RuntimeException e) {
            return TaskResult.failure(EmberException.internal("the task could not be serialized: " + e.getMessage(), e));
        }
        Executor executor;
        try {
            executor = takeFreeCore();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TaskResult.failure(e);
        }
        if (executor == null) {
            return TaskResult.failure(EmberException.of(ErrorClass.CLUSTER_NO_EXECUTORS, "reason",
                    "no executor of the application was registered with the driver at " + server.getListenSockets() + " for "
                            + executorWaitMillis / 1000 + " s (" + EXECUTOR_WAIT + "): none connected back, or all were lost"
                            + " (the workers' work directories hold their logs)"));
        }
        try {
            byte[] reply = ClientCalls.blockingUnaryCall(executor.channel(), ClusterProtocol.RUN_TASK, CallOptions.DEFAULT, request);
            TaskResult<T> result = (TaskResult<T>) ElementStreams.readObject(reply);
            if (result.failure() == null && result.value() instanceof MapStatus status) {
                // Map tasks leave their output with the worker's shuffle service when there is one; the tasks that
                // write a cached DataFrame's partitions leave them on the executor.
                boolean served = attempt.task() instanceof MapTask && !executor.shuffleLocation().isEmpty();
                String location = served ? executor.shuffleLocation() : executor.location();
                shuffles.publishRemote(status, location);
                String[] locations = outputLocations.computeIfAbsent(status.shuffleId(), id -> new String[shuffles.mapPartitions(id)]);
                synchronized (locations) {
                    locations[status.mapPartition()] = location;
                }
            } else if (result.failure() instanceof FetchFailedException lost) {
                String location = locationOf(lost.shuffleId(), lost.mapPartition());
                if (location != null) {
                    loseOutputsAt(BlockFetcher.server(location));
                }
            }
            return result.measured(result.metrics(), executor.id());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.CANCELLED) {
                Thread.currentThread().interrupt();
            } else if (e.getStatus().getCode() == Status.Code.UNAVAILABLE) {
                executorLost(executor, e.getStatus().getCode() + " " + e.getStatus().getDescription());
            }
            return TaskResult.failure(EmberException.of(ErrorClass.EXECUTOR_LOST, "executor", executor.id() + " (" + executor.location() + ")",
                    "detail", String.valueOf(e.getStatus())).withCause(e));
        } finally {
            release(executor);
        }
    }

    /** A free core of a live executor; {@code null} when there has been no executor at all for {@link #EXECUTOR_WAIT}. */
    private Executor takeFreeCore() throws InterruptedException {
        long lastExecutorSeen = System.currentTimeMillis();
        while (true) {
            Executor executor = freeCores.poll(200, TimeUnit.MILLISECONDS);
            if (executor != null) {
                synchronized (this) {
                    if (executors.get(executor.id()) == executor) {
                        return executor;
                    }
                }
                continue; // a core of an executor lost meanwhile
            }
            if (!executors.isEmpty()) {
                lastExecutorSeen = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - lastExecutorSeen > executorWaitMillis) {
                return null;
            }
        }
    }

    private synchronized void release(Executor executor) {
        if (executors.get(executor.id()) == executor) {
            freeCores.add(executor);
        }
    }

    private String locationOf(int shuffleId, int mapPartition) {
        String[] locations = outputLocations.get(shuffleId);
        if (locations == null) {
            return null;
        }
        synchronized (locations) {
            return mapPartition < locations.length ? locations[mapPartition] : null;
        }
    }

    /** A snapshot of where the map outputs are, for a task to take along. */
    private List<ShuffleLocations> locations() {
        List<ShuffleLocations> snapshot = new ArrayList<>();
        outputLocations.forEach((shuffleId, locations) -> {
            synchronized (locations) {
                snapshot.add(new ShuffleLocations(shuffleId, shuffles.format(shuffleId), locations.clone()));
            }
        });
        return snapshot;
    }

    /** A shuffle the driver freed: forgotten here, and freed on every executor. */
    private void forgetShuffle(int shuffleId) {
        if (outputLocations.remove(shuffleId) != null) {
            tellExecutors(ClusterProtocol.REMOVE_SHUFFLE, new ShuffleId(shuffleId));
        }
    }

    private void forgetBroadcast(long broadcastId) {
        tellExecutors(ClusterProtocol.REMOVE_BROADCAST, new BroadcastId(broadcastId));
    }

    /** Sends every executor a request, not waiting for the answers: one that is gone has nothing to free. */
    private <Q> void tellExecutors(MethodDescriptor<Q, Ack> method, Q request) {
        for (Executor executor : executors.values()) {
            ClientCalls.asyncUnaryCall(executor.channel().newCall(method, deadline()), request, new StreamObserver<Ack>() {
                @Override
                public void onNext(Ack value) {
                }

                @Override
                public void onError(Throwable t) {
                    // Gone already: so is what it held.
                }

                @Override
                public void onCompleted() {
                }
            });
        }
    }

    /** Ends the application: the master tells the workers, which kill its executors and clean their directories; the executors are told to stop too. */
    @Override
    public void close() {
        Broadcast.removeRemovalListener(forgetBroadcast);
        watch.shutdownNow();
        if (taskThreads != null) {
            taskThreads.shutdownNow();
        }
        // The master first, so that it does not replace the executors stopped next; waiting for a
        // connection, as a master that restarted may have left the channel backing off.
        if (application != null) {
            try {
                ClientCalls.blockingUnaryCall(master, ClusterProtocol.END_APPLICATION, deadline().withWaitForReady(), application);
            } catch (StatusRuntimeException e) {
                System.err.println("Ember: could not tell the master that " + application.id() + " ended: " + e.getStatus());
            }
        }
        for (Executor executor : executors.values()) {
            try {
                ClientCalls.blockingUnaryCall(executor.channel(), ClusterProtocol.STOP_EXECUTOR, CallOptions.DEFAULT.withDeadlineAfter(2, TimeUnit.SECONDS),
                        new Ack());
            } catch (StatusRuntimeException e) {
                // Already gone; the worker cleans up after it either way.
            }
            Rpc.shutdown(executor.channel());
        }
        Rpc.shutdown(master);
        server.shutdownNow();
        fetcher.close();
        shuffles.close();
    }
}
