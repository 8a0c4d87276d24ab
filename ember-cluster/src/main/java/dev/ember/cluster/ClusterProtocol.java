package dev.ember.cluster;

import io.grpc.MethodDescriptor;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The cluster's gRPC services and their messages. Four services:
 * <ul>
 *   <li>{@code ember.Master} (the master): workers register and heartbeat (the reply carries the
 *       executors and drivers to launch, the drivers to kill and the applications that ended, so the
 *       master never connects to workers); drivers register, watch and end applications; submitters
 *       of cluster-mode drivers submit, watch and kill them, and workers fetch their jars.</li>
 *   <li>{@code ember.Driver} (each application's driver): executors fetch the application's jars and
 *       register when they start, heartbeat, and fetch broadcast values.</li>
 *   <li>{@code ember.Executor} (each executor): runs serialized tasks, streams the shuffle blocks
 *       it holds in chunks, frees shuffles and broadcasts, stops.</li>
 *   <li>{@code ember.ShuffleService} (each worker): streams the map outputs its executors left in
 *       their directories, so that they outlive the executor.</li>
 * </ul>
 */
final class ClusterProtocol {
    private ClusterProtocol() {
    }

    /**
     * A worker and the executors it runs (a master that restarted learns so what is in use), with
     * the port of its shuffle service and the address of its web UI.
     */
    record RegisterWorker(String workerId, String host, int cores, long memoryBytes, int shuffleServicePort, String webUiUrl,
            List<LaunchExecutor> running, List<String> runningDrivers) implements Serializable {
        RegisterWorker withRunning(List<LaunchExecutor> executors, List<String> drivers) {
            return new RegisterWorker(workerId, host, cores, memoryBytes, shuffleServicePort, webUiUrl, List.copyOf(executors),
                    List.copyOf(drivers));
        }
    }

    /** A worker is alive; {@code exited} are executors that ended by themselves since its last heartbeat, {@code driversEnded} drivers that ended. */
    record Heartbeat(String workerId, List<ExecutorExit> exited, List<DriverExit> driversEnded) implements Serializable {
    }

    record ExecutorExit(String applicationId, String executorId, String reason) implements Serializable {
    }

    /** A worker waits for orders: answered as soon as the master has some for it (it then heartbeats at once to get them), else at the call's deadline. */
    record AwaitOrders(String workerId) implements Serializable {
    }

    /**
     * What a worker is to do; {@code unknownWorker} asks it to register again (the master lost it).
     * Drivers to launch come with their description; those to kill by id. {@code reportRunning}
     * asks it to register again once it did the rest, so that a master that recovered its state
     * learns what the worker really runs (Spark's {@code MasterChanged}).
     */
    record HeartbeatReply(List<LaunchExecutor> launch, List<String> endedApplications, List<LaunchDriver> launchDrivers,
            List<String> killDrivers, boolean unknownWorker, boolean reportRunning) implements Serializable {
    }

    record LaunchExecutor(String applicationId, String executorId, String driverHost, int driverPort, int cores, long memoryBytes)
            implements Serializable {
    }

    /**
     * An application's wishes: cores in all ({@code ember.cores.max}, 0 for all there are), cores
     * and memory per executor. {@code id} is empty for a new application, else the id of one that
     * registers again with a master that restarted without knowing it. {@code webUiUrl} is the
     * application's UI ({@code ember.ui.webUrl}), empty without one; {@code user} who runs the driver.
     */
    record RegisterApplication(String id, String name, String user, String driverHost, int driverPort, int maxCores, int executorCores,
            long executorMemoryBytes, String webUiUrl) implements Serializable {
        RegisterApplication withId(String applicationId) {
            return new RegisterApplication(applicationId, name, user, driverHost, driverPort, maxCores, executorCores, executorMemoryBytes, webUiUrl);
        }
    }

    record ApplicationId(String id) implements Serializable {
    }

    /** Executors granted so far and their cores, and why none (more) could be, if so; {@code known} is false when the master has no such application. */
    record ApplicationState(boolean known, int executors, int cores, String waitingReason) implements Serializable {
    }

    /**
     * An executor that started; {@code shuffleLocation} is where its worker serves its map outputs
     * ({@code host:port/app/executor}); {@code maxMemory} its memory manager's budget (what storage may use).
     */
    record RegisterExecutor(String executorId, String host, int port, int cores, String shuffleLocation, long maxMemory) implements Serializable {
    }

    /** The executor lives; its cached blocks and broadcast values hold {@code storageMemoryUsed} bytes of its memory. */
    record ExecutorHeartbeat(String executorId, long storageMemoryUsed) implements Serializable {
    }

    /** The application's jars ({@code ember.jars}) by name, for executors to fetch before they run tasks. */
    record JarList(List<String> names) implements Serializable {
    }

    record JarName(String name) implements Serializable {
    }

    /** Whether the driver still counts on the executor: one it declared lost stops. */
    record HeartbeatAck(boolean known) implements Serializable {
    }

    /** One map output's blocks for reduce partitions {@code [startReduce, endReduce)}. */
    record FetchBlock(int shuffleId, int mapPartition, int startReduce, int endReduce) implements Serializable {
    }

    /** The blocks a worker's shuffle service serves from the files an executor of an application left, for reduce partitions {@code [startReduce, endReduce)}. */
    record FetchServedBlock(String applicationId, String executorId, int shuffleId, int mapPartition, int startReduce, int endReduce)
            implements Serializable {
    }

    record ShuffleId(int id) implements Serializable {
    }

    record BroadcastId(long id) implements Serializable {
    }

    record Ack() implements Serializable {
    }

    /**
     * A cluster-mode driver: the application's main class and arguments, the settings it is
     * submitted with, the cores and memory it takes on a worker ({@code ember.driver.cores},
     * {@code ember.driver.memory}), whether the master relaunches it when it fails, and the file
     * name of its jar.
     */
    record DriverDescription(String mainClass, List<String> arguments, Map<String, String> settings, int cores,
            long memoryBytes, boolean supervise, String jarName) implements Serializable {
    }

    /** A driver to launch, with its jar, which the master keeps for its workers to fetch. */
    record SubmitDriver(DriverDescription description, byte[] jar) implements Serializable {
    }

    record DriverId(String id) implements Serializable {
    }

    /**
     * A driver's state as Spark names them (SUBMITTED, RUNNING, RELAUNCHING, FINISHED, FAILED,
     * KILLED, ERROR), where it runs, and what to tell the user; {@code known} is false for a driver
     * the master has no record of.
     */
    record DriverStatus(boolean known, String state, String workerId, String workerHost, String message) implements Serializable {
    }

    record LaunchDriver(String driverId, DriverDescription description) implements Serializable {
    }

    /** A driver that ended on a worker: FINISHED (exit code 0), FAILED (another code), or KILLED by the worker. */
    record DriverExit(String driverId, String state, int exitCode) implements Serializable {
    }

    static final String MASTER = "ember.Master";
    static final String DRIVER = "ember.Driver";
    static final String EXECUTOR = "ember.Executor";
    static final String SHUFFLE_SERVICE = "ember.ShuffleService";

    static final MethodDescriptor<RegisterWorker, Ack> REGISTER_WORKER = control(MASTER, "RegisterWorker", RegisterWorker.class, Ack.class);
    static final MethodDescriptor<Heartbeat, HeartbeatReply> HEARTBEAT = control(MASTER, "Heartbeat", Heartbeat.class, HeartbeatReply.class);
    static final MethodDescriptor<AwaitOrders, Ack> AWAIT_ORDERS = control(MASTER, "AwaitOrders", AwaitOrders.class, Ack.class);
    static final MethodDescriptor<RegisterApplication, ApplicationId> REGISTER_APPLICATION =
            control(MASTER, "RegisterApplication", RegisterApplication.class, ApplicationId.class);
    static final MethodDescriptor<ApplicationId, ApplicationState> APPLICATION_STATE =
            control(MASTER, "ApplicationState", ApplicationId.class, ApplicationState.class);
    static final MethodDescriptor<ApplicationId, Ack> END_APPLICATION = control(MASTER, "EndApplication", ApplicationId.class, Ack.class);
    static final MethodDescriptor<SubmitDriver, DriverId> SUBMIT_DRIVER = control(MASTER, "SubmitDriver", SubmitDriver.class, DriverId.class);
    static final MethodDescriptor<DriverId, DriverStatus> DRIVER_STATUS = control(MASTER, "DriverStatus", DriverId.class, DriverStatus.class);
    /** Asks for a driver to be killed; the answer is its status then (KILLED once its worker killed it). */
    static final MethodDescriptor<DriverId, DriverStatus> KILL_DRIVER = control(MASTER, "KillDriver", DriverId.class, DriverStatus.class);
    /** A submitted driver's jar, in chunks, for the worker that launches it. */
    static final MethodDescriptor<DriverId, byte[]> FETCH_DRIVER_JAR =
            Rpc.serverStreaming(MASTER, "FetchDriverJar", Rpc.message(DriverId.class), Rpc.BYTES);

    /** An executor registers; the answer names the application's jars, which it fetches before running tasks. */
    static final MethodDescriptor<RegisterExecutor, JarList> REGISTER_EXECUTOR =
            control(DRIVER, "RegisterExecutor", RegisterExecutor.class, JarList.class);
    static final MethodDescriptor<ExecutorHeartbeat, HeartbeatAck> EXECUTOR_HEARTBEAT =
            control(DRIVER, "ExecutorHeartbeat", ExecutorHeartbeat.class, HeartbeatAck.class);
    /** A broadcast's value, Java-serialized: each executor asks once, the first time a task of it reads the broadcast. */
    static final MethodDescriptor<BroadcastId, byte[]> FETCH_BROADCAST =
            Rpc.unary(DRIVER, "FetchBroadcast", Rpc.message(BroadcastId.class), Rpc.BYTES);
    /** One of the application's jars, in chunks. */
    static final MethodDescriptor<JarName, byte[]> FETCH_JAR = Rpc.serverStreaming(DRIVER, "FetchJar", Rpc.message(JarName.class), Rpc.BYTES);

    /** A Java-serialized {@code TaskAttempt} in, its Java-serialized {@code TaskResult} out. */
    static final MethodDescriptor<byte[], byte[]> RUN_TASK = Rpc.unary(EXECUTOR, "RunTask", Rpc.BYTES, Rpc.BYTES);
    /** One map output's blocks for a range of reduce partitions, as chunks of their segments of the shuffle's block format. */
    static final MethodDescriptor<FetchBlock, byte[]> FETCH_BLOCK =
            Rpc.serverStreaming(EXECUTOR, "FetchBlock", Rpc.message(FetchBlock.class), Rpc.BYTES);
    static final MethodDescriptor<ShuffleId, Ack> REMOVE_SHUFFLE = control(EXECUTOR, "RemoveShuffle", ShuffleId.class, Ack.class);
    /** Drops the executor's copy of a broadcast (unpersisted or destroyed on the driver). */
    static final MethodDescriptor<BroadcastId, Ack> REMOVE_BROADCAST = control(EXECUTOR, "RemoveBroadcast", BroadcastId.class, Ack.class);
    static final MethodDescriptor<Ack, Ack> STOP_EXECUTOR = control(EXECUTOR, "Stop", Ack.class, Ack.class);

    /** A map output's segments for a range of reduce partitions, as the executor wrote them (one after the other in its file), in chunks. */
    static final MethodDescriptor<FetchServedBlock, byte[]> FETCH_SERVED_BLOCK =
            Rpc.serverStreaming(SHUFFLE_SERVICE, "FetchBlock", Rpc.message(FetchServedBlock.class), Rpc.BYTES);

    private static <Q, R> MethodDescriptor<Q, R> control(String service, String method, Class<Q> request, Class<R> response) {
        return Rpc.unary(service, method, Rpc.message(request), Rpc.message(response));
    }
}
