package dev.ember.cluster;

import dev.ember.broadcast.Broadcast;
import dev.ember.broadcast.BroadcastStore;
import dev.ember.cluster.ClusterProtocol.Ack;
import dev.ember.cluster.ClusterProtocol.BroadcastId;
import dev.ember.cluster.ClusterProtocol.FetchBlock;
import dev.ember.cluster.ClusterProtocol.RegisterExecutor;
import dev.ember.cluster.ClusterProtocol.ShuffleId;
import dev.ember.cluster.TaskEnvelope.ShuffleLocations;
import dev.ember.config.EmberConf;
import dev.ember.error.EmberException;
import dev.ember.memory.MemoryManager;
import dev.ember.cluster.ClusterProtocol.ExecutorHeartbeat;
import dev.ember.cluster.ClusterProtocol.HeartbeatAck;
import dev.ember.cluster.ClusterProtocol.JarList;
import dev.ember.cluster.ClusterProtocol.JarName;
import dev.ember.scheduler.DagScheduler;
import dev.ember.scheduler.LocalTaskBackend;
import dev.ember.scheduler.MapStatus;
import io.grpc.StatusRuntimeException;
import dev.ember.scheduler.SerializedTask;
import dev.ember.scheduler.ShuffleStore;
import dev.ember.scheduler.TaskAttempt;
import dev.ember.scheduler.TaskResult;
import dev.ember.storage.ElementStreams;
import io.grpc.CallOptions;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An executor: a JVM a worker launched for one application. It serves the driver's tasks (run
 * with its own memory manager and, as local directory, its work directory), keeps the map outputs
 * of the tasks it ran and streams them to the executors that read them, and keeps the broadcast
 * values its tasks read, fetched from the driver once each. It registers with the driver, which
 * answers with the application's jars to fetch, and heartbeats to it. With its
 * worker's shuffle service, each map output is written to files of its directory as the task ends
 * ({@link ShuffleFiles}), which the worker serves from then on, should this executor die. It stops when told to, when its worker is gone, or when the driver
 * is (no heartbeat answered for {@link #DRIVER_TIMEOUT_MILLIS}) or has given it up.
 */
public final class ExecutorProcess {
    private static final int CHUNK_BYTES = 256 << 10;
    static final long HEARTBEAT_MILLIS = 500;
    static final long DRIVER_TIMEOUT_MILLIS = 30_000;
    /** The argument that makes a spare executor, waiting to be handed to an application. */
    static final String STANDBY = "standby";
    /** The task a spare runs on itself while it waits. */
    private static final DagScheduler.PartitionTask<Integer> WARM_UP_TASK = (context, partition) -> partition;

    private final LocalTaskBackend tasks;
    private final ShuffleStore shuffles;
    private final BlockFetcher fetcher;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile String location;
    /** Where the worker serves this executor's map outputs ({@code host:port/app/executor}), or empty without a shuffle service. */
    private final String shuffleLocation;
    private final ShuffleFiles shuffleFiles;
    /** The broadcast values this executor's tasks read, fetched from its driver once each; in its storage memory or on disk. */
    private final BroadcastStore broadcasts;
    private volatile ManagedChannel driver;
    /**
     * Where tasks' classes are loaded from: this executor's class path, and the application's jars,
     * fetched once registered (a task that comes before waits for them).
     */
    private final CompletableFuture<ClassLoader> applicationClasses = new CompletableFuture<>();

    private ExecutorProcess(int cores, Path localDirectory, ClusterSecurity security, String shuffleLocation) {
        this.shuffleLocation = shuffleLocation;
        this.shuffleFiles = new ShuffleFiles(localDirectory);
        this.tasks = new LocalTaskBackend(cores, MemoryManager.fromConf(new EmberConf(Map.of())), localDirectory);
        this.shuffles = tasks.shuffles();
        this.broadcasts = new BroadcastStore(tasks.memory(), localDirectory, this::fetchBroadcast);
        this.fetcher = new BlockFetcher(security);
        shuffles.setRemoteBlocks(fetcher);
    }

    /**
     * {@code ExecutorProcess --driver-host H --driver-port P --executor-id E --cores N --host H --app-id A
     * --shuffle-service H:P [--work-dir DIR]}. Its worker's security settings come first on standard input
     * ({@link ClusterSecurity#writeTo}), which only that worker can write. With {@code --standby}, a spare
     * executor: it loads its classes, then waits for the rest of its arguments on standard input (one
     * per line, an empty line last). It exits should standard input end first.
     */
    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args);
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Optional<ClusterSecurity> given = ClusterSecurity.readFrom(input);
        if (given.isEmpty()) {
            System.exit(0); // the worker is gone
        }
        ClusterSecurity security = given.get();
        if (arguments.positional().contains(STANDBY)) {
            warmUp(arguments.option("--host", "127.0.0.1"), security);
            Optional<Arguments> handed = awaitHandOver(args, input);
            if (handed.isEmpty()) {
                System.exit(0); // the worker is gone, or stopped this spare
            }
            arguments = handed.get();
        }
        String host = arguments.option("--host", "127.0.0.1");
        int cores = Integer.parseInt(arguments.option("--cores", "1"));
        String executorId = arguments.option("--executor-id", "0");
        String shuffleService = arguments.option("--shuffle-service", "");
        String shuffleLocation = shuffleService.isEmpty() ? "" : shuffleService + "/" + arguments.option("--app-id", "") + "/" + executorId;
        Path directory = Path.of(arguments.option("--work-dir", "")).toAbsolutePath();
        ExecutorProcess executor = new ExecutorProcess(cores, directory, security, shuffleLocation);
        // Taken now: once the worker dies, this process is some other process's child.
        Optional<ProcessHandle> worker = ProcessHandle.current().parent();
        Server server = Rpc.serve(host, 0, security, executor.service());
        executor.location = host + ":" + server.getPort();
        ManagedChannel driver = Rpc.channel(arguments.option("--driver-host", "127.0.0.1"),
                Integer.parseInt(arguments.option("--driver-port", "0")), security);
        try {
            executor.driver = driver;
            Broadcast.readValuesFrom(executor.broadcasts);
            JarList jars = ClientCalls.blockingUnaryCall(driver, ClusterProtocol.REGISTER_EXECUTOR,
                    CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), new RegisterExecutor(executorId, host, server.getPort(), cores, shuffleLocation,
                            executor.tasks.memory().maxMemory()));
            System.err.println("Ember executor " + executorId + " of " + arguments.option("--app-id", "") + " at " + executor.location
                    + " with " + cores + " core(s) registered with its driver");
            executor.loadApplicationJars(driver, directory, jars);
            ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(Rpc.daemonThreads("ember-executor-watchdog"));
            watchdog.scheduleWithFixedDelay(() -> {
                if (worker.map(p -> !p.isAlive()).orElse(true)) {
                    executor.stopped.countDown(); // the worker is gone: nobody would kill this executor
                }
            }, 1, 1, TimeUnit.SECONDS);
            long[] lastAnswer = {System.currentTimeMillis()};
            watchdog.scheduleWithFixedDelay(() -> executor.heartbeat(driver, executorId, lastAnswer), HEARTBEAT_MILLIS, HEARTBEAT_MILLIS,
                    TimeUnit.MILLISECONDS);
            executor.stopped.await();
        } finally {
            server.shutdownNow();
            Rpc.shutdown(driver);
            executor.fetcher.close();
            executor.tasks.close();
            executor.broadcasts.close();
        }
        System.exit(0);
    }

    /**
     * What a spare does while it waits: loads and initializes the classes of the RPC layer, task
     * (de)serialization, the task backend and its metrics, by running a task that does nothing
     * through its own server, as the driver's tasks come.
     */
    private static void warmUp(String host, ClusterSecurity security) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("ember-warm-up");
        } catch (IOException e) {
            return;
        }
        try {
            ExecutorProcess executor = new ExecutorProcess(1, scratch, security, "");
            executor.applicationClasses.complete(ExecutorProcess.class.getClassLoader());
            Server server = Rpc.serve(host, 0, security, executor.service());
            ManagedChannel channel = Rpc.channel(host, server.getPort(), security);
            try {
                TaskAttempt<Integer> attempt = new TaskAttempt<>(-1, 0, 0, -1, SerializedTask.of(WARM_UP_TASK));
                byte[] reply = ClientCalls.blockingUnaryCall(channel, ClusterProtocol.RUN_TASK, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS),
                        ElementStreams.writeObject(new TaskEnvelope(attempt, false, List.of())));
                ElementStreams.readObject(reply);
            } catch (RuntimeException | LinkageError e) {
                // Warming up is an optimization: whatever failed here is loaded again when needed.
            } finally {
                Rpc.shutdown(channel);
                server.shutdownNow();
                executor.fetcher.close();
                executor.tasks.close();
            }
        } finally {
            Worker.deleteRecursively(scratch);
        }
    }

    /** The spare's arguments followed by those its worker writes to its standard input, or empty when that ends first. */
    private static Optional<Arguments> awaitHandOver(String[] args, BufferedReader input) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.remove(STANDBY);
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            if (line.isEmpty()) {
                return Optional.of(Arguments.parse(all.toArray(new String[0])));
            }
            all.add(line);
        }
        return Optional.empty();
    }

    private ServerServiceDefinition service() {
        return ServerServiceDefinition.builder(ClusterProtocol.EXECUTOR)
                .addMethod(ClusterProtocol.RUN_TASK, ServerCalls.asyncUnaryCall((byte[] request, StreamObserver<byte[]> response) -> {
                    response.onNext(runTask(request));
                    response.onCompleted();
                }))
                .addMethod(ClusterProtocol.FETCH_BLOCK, ServerCalls.asyncServerStreamingCall(this::fetchBlock))
                .addMethod(ClusterProtocol.REMOVE_SHUFFLE, Master.unary((ShuffleId shuffle) -> {
                    shuffles.remove(shuffle.id());
                    shuffleFiles.remove(shuffle.id());
                    return new Ack();
                }))
                .addMethod(ClusterProtocol.REMOVE_BROADCAST, Master.unary((BroadcastId broadcast) -> {
                    broadcasts.remove(broadcast.id());
                    return new Ack();
                }))
                .addMethod(ClusterProtocol.STOP_EXECUTOR, Master.unary((Ack ignored) -> {
                    stopped.countDown();
                    return new Ack();
                }))
                .build();
    }

    /** Runs a task on this thread; the driver cancelling the call (its job was cancelled) interrupts it. */
    private byte[] runTask(byte[] request) {
        Thread.interrupted(); // an interrupt meant for an earlier task on this thread
        AtomicReference<Thread> running = new AtomicReference<>(Thread.currentThread());
        Context.current().addListener(context -> {
            Thread thread = running.getAndSet(null);
            if (thread != null) {
                thread.interrupt();
            }
        }, Runnable::run);
        TaskResult<?> result;
        try {
            Thread.currentThread().setContextClassLoader(applicationClasses.get());
            TaskEnvelope envelope = (TaskEnvelope) ElementStreams.readObject(request);
            envelope.shuffles().forEach(this::locate);
            result = tasks.run(envelope.attempt());
            if (!shuffleLocation.isEmpty() && envelope.shuffleMapTask() && result.value() instanceof MapStatus status) {
                result = leaveForShuffleService(status, result);
            }
        } catch (RuntimeException | LinkageError e) {
            result = TaskResult.failure(e);
        } catch (InterruptedException | ExecutionException e) {
            result = TaskResult.failure(e instanceof ExecutionException failed ? failed.getCause() : e);
        } finally {
            running.set(null);
        }
        try {
            return ElementStreams.writeObject(result);
        } catch (RuntimeException e) {
            // The value or the failure cannot be serialized: report that instead.
            return ElementStreams.writeObject(TaskResult.failure(EmberException.internal("the task's result could not be serialized: " + e, null)));
        }
    }

    /**
     * Fetches the application's jars into {@code jars/} of this executor's directory; tasks are
     * read (and their classes loaded) through a class loader over them (they fail should that fail).
     */
    private void loadApplicationJars(ManagedChannel driver, Path executorDirectory, JarList jars) throws IOException {
        if (jars.names().isEmpty()) {
            applicationClasses.complete(ExecutorProcess.class.getClassLoader());
            return;
        }
        try {
            applicationClasses.complete(fetchJars(driver, executorDirectory, jars));
        } catch (IOException | RuntimeException e) {
            applicationClasses.completeExceptionally(e);
            throw e;
        }
    }

    private ClassLoader fetchJars(ManagedChannel driver, Path executorDirectory, JarList jars) throws IOException {
        Path directory = Files.createDirectories(executorDirectory.resolve("jars"));
        List<URL> urls = new ArrayList<>();
        for (String name : jars.names()) {
            Path jar = directory.resolve(Path.of(name).getFileName().toString());
            try (OutputStream out = Files.newOutputStream(jar)) {
                Iterator<byte[]> chunks = ClientCalls.blockingServerStreamingCall(driver, ClusterProtocol.FETCH_JAR, CallOptions.DEFAULT,
                        new JarName(name));
                while (chunks.hasNext()) {
                    out.write(chunks.next());
                }
            }
            urls.add(jar.toUri().toURL());
        }
        return new URLClassLoader("ember-app", urls.toArray(new URL[0]), ExecutorProcess.class.getClassLoader());
    }

    /** A broadcast's value, serialized, from the driver: the store asks when the first task reads it. */
    private byte[] fetchBroadcast(long id) {
        return ClientCalls.blockingUnaryCall(driver, ClusterProtocol.FETCH_BROADCAST, CallOptions.DEFAULT, new BroadcastId(id));
    }

    /** Tells the driver this executor lives and its storage memory; stops when the driver has given it up, or has not answered for too long. */
    private void heartbeat(ManagedChannel driver, String executorId, long[] lastAnswer) {
        try {
            HeartbeatAck ack = ClientCalls.blockingUnaryCall(driver, ClusterProtocol.EXECUTOR_HEARTBEAT,
                    CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), new ExecutorHeartbeat(executorId, tasks.memory().cachedStorageUsed()));
            lastAnswer[0] = System.currentTimeMillis();
            if (!ack.known()) {
                stopped.countDown();
            }
        } catch (StatusRuntimeException e) {
            if (System.currentTimeMillis() - lastAnswer[0] > DRIVER_TIMEOUT_MILLIS) {
                System.err.println("Ember executor: the driver has not answered for " + DRIVER_TIMEOUT_MILLIS / 1000 + " s; stopping");
                stopped.countDown();
            }
        }
    }

    /**
     * Writes a map task's output to the files the worker serves (the task fails if it cannot),
     * keeping it there rather than in memory.
     */
    private TaskResult<?> leaveForShuffleService(MapStatus status, TaskResult<?> result) {
        long start = System.nanoTime();
        try {
            shuffleFiles.createDirectory();
            long[] offsets = shuffles.writeOutput(status.shuffleId(), status.mapPartition(),
                    shuffleFiles.data(status.shuffleId(), status.mapPartition()));
            shuffleFiles.writeIndex(status.shuffleId(), status.mapPartition(), offsets);
            // Part of the task's run time, as Spark's shuffle write is.
            return result.measured(result.metrics().plusRunTime((System.nanoTime() - start) / 1_000_000), result.executorId());
        } catch (IOException | RuntimeException e) {
            shuffles.lose(status.shuffleId(), status.mapPartition());
            return TaskResult.failure(e);
        }
    }

    /** Tells the shuffle store where the outputs this executor does not hold are. */
    private void locate(ShuffleLocations shuffle) {
        shuffles.register(shuffle.shuffleId(), shuffle.locations().length, shuffle.format());
        for (int map = 0; map < shuffle.locations().length; map++) {
            String holder = shuffle.locations()[map];
            if (holder != null && !holder.equals(location) && !holder.equals(shuffleLocation)) {
                // Sizes stay on the driver: an executor only needs to know where to fetch.
                shuffles.publishRemote(new MapStatus(shuffle.shuffleId(), map, new long[0], new long[0]), holder);
            }
        }
    }

    private void fetchBlock(FetchBlock request, StreamObserver<byte[]> response) {
        try (OutputStream chunks = new ChunkingStream(response)) {
            for (int r = request.startReduce(); r < request.endReduce(); r++) {
                shuffles.writeSegment(request.shuffleId(), request.mapPartition(), r, chunks);
            }
        } catch (IOException | RuntimeException e) {
            response.onError(Status.NOT_FOUND.withDescription("shuffle " + request.shuffleId() + " map " + request.mapPartition()
                    + ": " + e.getMessage()).asRuntimeException());
            return;
        }
        response.onCompleted();
    }

    /** Sends what is written as chunks of at most {@link #CHUNK_BYTES}. */
    private static final class ChunkingStream extends OutputStream {
        private final StreamObserver<byte[]> response;
        private final byte[] buffer = new byte[CHUNK_BYTES];
        private int size;

        ChunkingStream(StreamObserver<byte[]> response) {
            this.response = response;
        }

        @Override
        public void write(int b) {
            if (size == buffer.length) {
                flush();
            }
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                if (size == buffer.length) {
                    flush();
                }
                int n = Math.min(length, buffer.length - size);
                System.arraycopy(bytes, offset, buffer, size, n);
                size += n;
                offset += n;
                length -= n;
            }
        }

        @Override
        public void flush() {
            if (size > 0) {
                response.onNext(java.util.Arrays.copyOf(buffer, size));
                size = 0;
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
