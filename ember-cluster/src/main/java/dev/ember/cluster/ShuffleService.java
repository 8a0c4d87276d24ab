package dev.ember.cluster;

import dev.ember.cluster.ClusterProtocol.FetchServedBlock;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A worker's external shuffle service: streams the map outputs its executors left in their
 * directories ({@link ShuffleFiles}), the bytes as written, so that they outlive the executor that
 * wrote them. Chunks are sent only while the call is ready for more (gRPC's flow control): a slow
 * reader holds at most a window of the segment in memory, never all of it ({@link FileRangeSender}).
 */
final class ShuffleService {
    /** Names the worker made itself: nothing a request names can step outside the work directory. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private final Path workDirectory;

    ShuffleService(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    ServerServiceDefinition definition() {
        return ServerServiceDefinition.builder(ClusterProtocol.SHUFFLE_SERVICE)
                .addMethod(ClusterProtocol.FETCH_SERVED_BLOCK, ServerCalls.asyncServerStreamingCall(this::fetch))
                .build();
    }

    private void fetch(FetchServedBlock request, StreamObserver<byte[]> observer) {
        ServerCallStreamObserver<byte[]> response = (ServerCallStreamObserver<byte[]>) observer;
        String what = "shuffle " + request.shuffleId() + " map " + request.mapPartition() + " of executor " + request.executorId()
                + " of " + request.applicationId();
        if (!NAME.matcher(request.applicationId()).matches() || !NAME.matcher(request.executorId()).matches()) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("no such executor: " + what).asRuntimeException());
            return;
        }
        ShuffleFiles files = new ShuffleFiles(workDirectory.resolve(request.applicationId()).resolve(request.executorId()));
        try {
            long[] offsets = files.readIndex(request.shuffleId(), request.mapPartition());
            int start = request.startReduce();
            int end = request.endReduce();
            if (start < 0 || end < start || end >= offsets.length) {
                response.onError(Status.INVALID_ARGUMENT.withDescription("no reduce partitions " + start + " to " + (end - 1) + " in " + what)
                        .asRuntimeException());
                return;
            }
            FileChannel channel = FileChannel.open(files.data(request.shuffleId(), request.mapPartition()));
            FileRangeSender.send(channel, offsets[start], offsets[end], response, what);
        } catch (NoSuchFileException e) {
            response.onError(Status.NOT_FOUND.withDescription("not on this worker: " + what).asRuntimeException());
        } catch (IOException e) {
            response.onError(Status.INTERNAL.withDescription("reading " + what + ": " + e).asRuntimeException());
        }
    }
}
