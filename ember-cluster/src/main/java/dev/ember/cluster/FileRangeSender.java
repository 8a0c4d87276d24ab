package dev.ember.cluster;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Sends a range of a file as a server-streaming call's responses, a chunk of at most
 * {@link #CHUNK_BYTES} at a time and only while the call is ready for more (gRPC's flow control):
 * however slow the reader, at most a window of the file is in memory.
 */
final class FileRangeSender {
    private static final int CHUNK_BYTES = 256 << 10;

    private final FileChannel channel;
    private final long end;
    private final ServerCallStreamObserver<byte[]> response;
    private final String what;
    private long position;
    private boolean done;

    private FileRangeSender(FileChannel channel, long start, long end, ServerCallStreamObserver<byte[]> response, String what) {
        this.channel = channel;
        this.position = start;
        this.end = end;
        this.response = response;
        this.what = what;
    }

    /** Streams the bytes {@code [start, end)} of {@code channel} as the call's responses, closing the channel at the end. */
    static void send(FileChannel channel, long start, long end, ServerCallStreamObserver<byte[]> response, String what) {
        new FileRangeSender(channel, start, end, response, what).start();
    }

    private void start() {
        response.setOnCancelHandler(this::close);
        response.setOnReadyHandler(this::sendWhileReady);
        sendWhileReady();
    }

    private synchronized void sendWhileReady() {
        try {
            while (!done && response.isReady()) {
                if (position >= end) {
                    close();
                    response.onCompleted();
                    return;
                }
                ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, end - position));
                while (chunk.hasRemaining()) {
                    int read = channel.read(chunk, position + chunk.position());
                    if (read < 0) {
                        throw new IOException("the file ends before the range does");
                    }
                }
                position += chunk.capacity();
                response.onNext(chunk.array());
            }
        } catch (IOException | RuntimeException e) {
            if (!done) {
                close();
                response.onError(Status.INTERNAL.withDescription("reading " + what + ": " + e).asRuntimeException());
            }
        }
    }

    private synchronized void close() {
        done = true;
        try {
            channel.close();
        } catch (IOException e) {
            // Only read from.
        }
    }
}
