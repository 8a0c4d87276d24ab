package dev.ember.cluster;

import dev.ember.cluster.ClusterProtocol.Ack;
import dev.ember.cluster.ClusterProtocol.FetchBlock;
import dev.ember.cluster.ClusterProtocol.RegisterExecutor;
import dev.ember.cluster.ClusterProtocol.ShuffleId;
import dev.ember.cluster.TaskEnvelope.ShuffleLocations;
import dev.ember.config.EmberConf;
import dev.ember.error.EmberException;
import dev.ember.memory.MemoryManager;
import dev.ember.scheduler.LocalTaskBackend;
import dev.ember.scheduler.MapStatus;
import dev.ember.scheduler.ShuffleStore;
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
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An executor: a JVM a worker launched for one application. It serves the driver's tasks (run
 * with its own memory manager and, as local directory, its work directory), keeps the map outputs
 * of the tasks it ran and streams them to the executors that read them, then registers with the
 * driver. It stops when told to, or when its worker is gone.
 */
public final class ExecutorProcess {
    private static final int CHUNK_BYTES = 256 << 10;

    private final LocalTaskBackend tasks;
    private final ShuffleStore shuffles;
    private final BlockFetcher fetcher;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile String location;

    private ExecutorProcess(int cores, Path localDirectory, Optional<String> secret) {
        this.tasks = new LocalTaskBackend(cores, MemoryManager.fromConf(new EmberConf(Map.of())), localDirectory);
        this.shuffles = tasks.shuffles();
        this.fetcher = new BlockFetcher(secret);
        shuffles.setRemoteBlocks(fetcher);
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args);
        Optional<String> secret = ClusterSecret.fromEnvironment();
        String host = arguments.option("--host", "127.0.0.1");
        int cores = Integer.parseInt(arguments.option("--cores", "1"));
        ExecutorProcess executor = new ExecutorProcess(cores, Path.of("").toAbsolutePath(), secret);
        Server server = Rpc.serve(host, 0, secret, executor.service());
        executor.location = host + ":" + server.getPort();
        ManagedChannel driver = Rpc.channel(arguments.option("--driver-host", "127.0.0.1"),
                Integer.parseInt(arguments.option("--driver-port", "0")), secret);
        try {
            ClientCalls.blockingUnaryCall(driver, ClusterProtocol.REGISTER_EXECUTOR, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS),
                    new RegisterExecutor(arguments.option("--executor-id", "0"), host, server.getPort(), cores));
            ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(Rpc.daemonThreads("ember-executor-watchdog"));
            watchdog.scheduleWithFixedDelay(() -> {
                if (ProcessHandle.current().parent().map(p -> !p.isAlive()).orElse(true)) {
                    executor.stopped.countDown(); // the worker is gone: nobody would kill this executor
                }
            }, 1, 1, TimeUnit.SECONDS);
            executor.stopped.await();
        } finally {
            server.shutdownNow();
            Rpc.shutdown(driver);
            executor.fetcher.close();
            executor.tasks.close();
        }
        System.exit(0);
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
            TaskEnvelope envelope = (TaskEnvelope) ElementStreams.readObject(request);
            envelope.shuffles().forEach(this::locate);
            result = tasks.run(envelope.attempt());
        } catch (RuntimeException | LinkageError e) {
            result = TaskResult.failure(e);
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

    /** Tells the shuffle store where the outputs this executor does not hold are. */
    private void locate(ShuffleLocations shuffle) {
        shuffles.register(shuffle.shuffleId(), shuffle.locations().length, shuffle.format());
        for (int map = 0; map < shuffle.locations().length; map++) {
            String holder = shuffle.locations()[map];
            if (holder != null && !holder.equals(location)) {
                // Sizes stay on the driver: an executor only needs to know where to fetch.
                shuffles.publishRemote(new MapStatus(shuffle.shuffleId(), map, new long[0], new long[0]), holder);
            }
        }
    }

    private void fetchBlock(FetchBlock request, StreamObserver<byte[]> response) {
        try (OutputStream chunks = new ChunkingStream(response)) {
            shuffles.writeSegment(request.shuffleId(), request.mapPartition(), request.reducePartition(), chunks);
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
