package dev.ember.cluster;

import dev.ember.cluster.ClusterProtocol.Ack;
import dev.ember.cluster.ClusterProtocol.ApplicationId;
import dev.ember.cluster.ClusterProtocol.ApplicationState;
import dev.ember.cluster.ClusterProtocol.RegisterApplication;
import dev.ember.cluster.ClusterProtocol.RegisterExecutor;
import dev.ember.cluster.ClusterProtocol.ShuffleId;
import dev.ember.cluster.TaskEnvelope.ShuffleLocations;
import dev.ember.config.EmberConf;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.memory.MemoryManager;
import dev.ember.scheduler.LocalTaskBackend;
import dev.ember.scheduler.MapStatus;
import dev.ember.scheduler.ShuffleStore;
import dev.ember.scheduler.TaskAttempt;
import dev.ember.scheduler.TaskBackend;
import dev.ember.scheduler.TaskResult;
import dev.ember.storage.ElementStreams;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The driver's side of a standalone cluster: registers the application with the master, waits
 * (boundedly) for the executors the master places to connect back, then runs each task attempt on
 * a free executor core: the attempt, with where the shuffle outputs it may read are, goes
 * Java-serialized in one call, its result comes back serialized. Map outputs stay on the executor
 * that wrote them; the driver's {@link ShuffleStore} records where ({@link ShuffleStore#publishRemote})
 * and their sizes, for the scheduler and adaptive execution.
 */
final class ClusterTaskBackend implements TaskBackend {
    /** How long to wait for executors before failing (Spark waits on {@code spark.scheduler.maxRegisteredResourcesWaitingTime}, 30 s). */
    static final String EXECUTOR_WAIT = "ember.cluster.executorWaitTimeout";
    static final String EXECUTOR_CORES = "ember.executor.cores";
    static final String CORES_MAX = "ember.cores.max";
    static final String DRIVER_HOST = "ember.driver.host";

    private final MasterAddress masterAddress;
    private final Optional<String> secret;
    private final ManagedChannel master;
    private final Server server;
    private final ShuffleStore shuffles;
    private final BlockFetcher fetcher;
    private final Map<String, Executor> executors = new ConcurrentHashMap<>();
    /** One entry per free executor core. */
    private final BlockingQueue<Executor> freeCores = new LinkedBlockingQueue<>();
    /** Where each map output is, by shuffle and map partition: sent with every task. */
    private final Map<Integer, String[]> outputLocations = new ConcurrentHashMap<>();
    private ApplicationId application;
    private ExecutorService taskThreads;
    private int slots;

    private record Executor(String id, String location, int cores, ManagedChannel channel) {
    }

    private ClusterTaskBackend(MasterAddress masterAddress, EmberConf conf, MemoryManager memory, Path localDirectory) {
        this.masterAddress = masterAddress;
        this.secret = ClusterSecret.fromConf(conf);
        this.master = Rpc.channel(masterAddress.host(), masterAddress.port(), secret);
        this.server = Rpc.serve(driverHost(conf, masterAddress), 0, secret, service());
        this.shuffles = new ShuffleStore(memory, localDirectory);
        this.fetcher = new BlockFetcher(secret);
        shuffles.setRemoteBlocks(fetcher);
        shuffles.onRemove(this::forgetShuffle);
    }

    static ClusterTaskBackend start(MasterAddress masterAddress, EmberConf conf, MemoryManager memory, Path localDirectory) {
        ClusterTaskBackend backend = new ClusterTaskBackend(masterAddress, conf, memory, localDirectory);
        try {
            backend.register(conf);
            backend.awaitExecutors(conf.intValue(EXECUTOR_WAIT, 60) * 1000L);
            return backend;
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
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
                .build();
    }

    private void register(EmberConf conf) {
        long memory = conf.bytesValue(MemoryManager.EXECUTOR_MEMORY, 1L << 30);
        String host = server.getListenSockets().isEmpty() ? "127.0.0.1"
                : ((java.net.InetSocketAddress) server.getListenSockets().get(0)).getHostString();
        RegisterApplication request = new RegisterApplication(conf.get(EmberConf.APP_NAME, "ember"), host, server.getPort(),
                conf.intValue(CORES_MAX, 0), conf.intValue(EXECUTOR_CORES, 0), memory);
        try {
            application = ClientCalls.blockingUnaryCall(master, ClusterProtocol.REGISTER_APPLICATION, deadline(), request);
        } catch (StatusRuntimeException e) {
            throw EmberException.of(ErrorClass.CLUSTER_NO_EXECUTORS, "reason", "the master at ember://" + masterAddress.host() + ":"
                    + masterAddress.port() + " did not answer (" + e.getStatus().getCode() + ": " + e.getStatus().getDescription() + ")")
                    .withCause(e);
        }
    }

    private static CallOptions deadline() {
        return CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** Waits until every executor the master placed has connected, or fails when none did in time. */
    private void awaitExecutors(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        ApplicationState state;
        while (true) {
            state = ClientCalls.blockingUnaryCall(master, ClusterProtocol.APPLICATION_STATE, deadline(), application);
            boolean allConnected = state.executors() > 0 && executors.size() >= state.executors();
            if (allConnected || System.currentTimeMillis() > deadline) {
                break;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw EmberException.of(ErrorClass.CLUSTER_NO_EXECUTORS, "reason", "interrupted while waiting for executors");
            }
        }
        if (executors.isEmpty()) {
            String reason = state.executors() == 0 ? state.waitingReason()
                    : state.executors() + " executor(s) were placed but none connected back to the driver at "
                    + server.getListenSockets() + " within " + timeoutMillis / 1000 + " s (the workers' work directories hold their logs)";
            throw EmberException.of(ErrorClass.CLUSTER_NO_EXECUTORS, "reason", reason);
        }
        slots = executors.values().stream().mapToInt(Executor::cores).sum();
        taskThreads = LocalTaskBackend.newTaskThreads(slots);
    }

    private Ack registerExecutor(RegisterExecutor request) {
        String location = request.host() + ":" + request.port();
        Executor executor = new Executor(request.executorId(), location, request.cores(), Rpc.channel(request.host(), request.port(), secret));
        executors.put(request.executorId(), executor);
        for (int core = 0; core < request.cores(); core++) {
            freeCores.add(executor);
        }
        return new Ack();
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
            request = ElementStreams.writeObject(new TaskEnvelope(attempt, locations()));
        } catch (RuntimeException e) {
            return TaskResult.failure(EmberException.internal("the task could not be serialized: " + e.getMessage(), e));
        }
        Executor executor;
        try {
            executor = freeCores.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TaskResult.failure(e);
        }
        try {
            byte[] reply = ClientCalls.blockingUnaryCall(executor.channel(), ClusterProtocol.RUN_TASK, CallOptions.DEFAULT, request);
            TaskResult<T> result = (TaskResult<T>) ElementStreams.readObject(reply);
            // Map tasks, and the tasks that write a cached DataFrame's partitions, leave their output on the executor.
            if (result.failure() == null && result.value() instanceof MapStatus status) {
                shuffles.publishRemote(status, executor.location());
                String[] locations = outputLocations.computeIfAbsent(status.shuffleId(), id -> new String[shuffles.mapPartitions(id)]);
                synchronized (locations) {
                    locations[status.mapPartition()] = executor.location();
                }
            }
            return result.measured(result.metrics(), executor.id());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.CANCELLED) {
                Thread.currentThread().interrupt();
            }
            return TaskResult.failure(EmberException.of(ErrorClass.EXECUTOR_LOST, "executor", executor.id() + " (" + executor.location() + ")",
                    "detail", String.valueOf(e.getStatus())).withCause(e));
        } finally {
            freeCores.add(executor);
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
            for (Executor executor : executors.values()) {
                ClientCalls.asyncUnaryCall(executor.channel().newCall(ClusterProtocol.REMOVE_SHUFFLE, deadline()), new ShuffleId(shuffleId),
                        new io.grpc.stub.StreamObserver<Ack>() {
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
    }

    /** Ends the application: the master tells the workers, which kill its executors and clean their directories. */
    @Override
    public void close() {
        if (taskThreads != null) {
            taskThreads.shutdownNow();
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
        if (application != null) {
            try {
                ClientCalls.blockingUnaryCall(master, ClusterProtocol.END_APPLICATION, deadline(), application);
            } catch (StatusRuntimeException e) {
                System.err.println("Ember: could not tell the master that " + application.id() + " ended: " + e.getStatus());
            }
        }
        Rpc.shutdown(master);
        server.shutdownNow();
        fetcher.close();
        shuffles.close();
    }
}
