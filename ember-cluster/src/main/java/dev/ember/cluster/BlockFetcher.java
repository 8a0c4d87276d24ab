package dev.ember.cluster;

import dev.ember.cluster.ClusterProtocol.FetchBlock;
import dev.ember.cluster.ClusterProtocol.FetchServedBlock;
import dev.ember.scheduler.ShuffleStore;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches shuffle blocks from where they are: an executor that holds them ({@code host:port}) or
 * the shuffle service of the worker whose executor left them in files ({@code host:port/app/executor}).
 * One server-streaming call per map output and range of reduce partitions, started when the block is opened
 * (a reader opens a few ahead: several fetches are in flight) and read as a stream of chunks (the
 * next chunk is asked for only when the reader gets to it, which is gRPC's flow control). One
 * channel per process, reused.
 */
final class BlockFetcher implements ShuffleStore.RemoteBlocks, AutoCloseable {
    private final ClusterSecurity security;
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

    BlockFetcher(ClusterSecurity security) {
        this.security = security;
    }

    /** The process of a location: {@code host:port}, whatever follows. */
    static String server(String location) {
        int slash = location.indexOf('/');
        return slash < 0 ? location : location.substring(0, slash);
    }

    @Override
    public InputStream open(String location, int shuffleId, int mapPartition, int startReduce, int endReduce) throws IOException {
        ManagedChannel channel = channels.computeIfAbsent(server(location), this::connect);
        try {
            String[] path = location.split("/");
            if (path.length == 3) {
                ClientCall<FetchServedBlock, byte[]> call = channel.newCall(ClusterProtocol.FETCH_SERVED_BLOCK, CallOptions.DEFAULT);
                return new ChunkStream(call, ClientCalls.blockingServerStreamingCall(call,
                        new FetchServedBlock(path[1], path[2], shuffleId, mapPartition, startReduce, endReduce)), location);
            }
            ClientCall<FetchBlock, byte[]> call = channel.newCall(ClusterProtocol.FETCH_BLOCK, CallOptions.DEFAULT);
            return new ChunkStream(call, ClientCalls.blockingServerStreamingCall(call, new FetchBlock(shuffleId, mapPartition, startReduce, endReduce)),
                    location);
        } catch (StatusRuntimeException e) {
            throw new IOException("fetching from " + location + ": " + e.getStatus(), e);
        }
    }

    private ManagedChannel connect(String location) {
        int colon = location.lastIndexOf(':');
        return Rpc.channel(location.substring(0, colon), Integer.parseInt(location.substring(colon + 1)), security);
    }

    @Override
    public void close() {
        channels.values().forEach(Rpc::shutdown);
    }

    /** The chunks of a fetch as one stream; a failed call is an {@link IOException}, closing it before its end cancels the call. */
    private static final class ChunkStream extends InputStream {
        private final ClientCall<?, byte[]> call;
        private final Iterator<byte[]> chunks;
        private final String location;
        private byte[] chunk = new byte[0];
        private int position;
        private boolean ended;

        ChunkStream(ClientCall<?, byte[]> call, Iterator<byte[]> chunks, String location) {
            this.call = call;
            this.chunks = chunks;
            this.location = location;
        }

        private boolean ensure() throws IOException {
            try {
                while (position == chunk.length) {
                    if (!chunks.hasNext()) {
                        ended = true;
                        return false;
                    }
                    chunk = chunks.next();
                    position = 0;
                }
                return true;
            } catch (StatusRuntimeException e) {
                throw new IOException("fetching from " + location + ": " + e.getStatus(), e);
            }
        }

        @Override
        public int read() throws IOException {
            return ensure() ? chunk[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!ensure()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, bytes, offset, n);
            position += n;
            return n;
        }

        @Override
        public void close() {
            if (!ended) {
                ended = true;
                call.cancel("the reader closed the stream", null);
            }
        }
    }
}
