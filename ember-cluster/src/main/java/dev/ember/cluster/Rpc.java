package dev.ember.cluster;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.util.internal.logging.InternalLoggerFactory;
import io.grpc.netty.shaded.io.netty.util.internal.logging.JdkLoggerFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * gRPC without generated code. Each call carries one message each way: raw bytes (serialized
 * tasks and results, shuffle chunks) or a control message, a small record of {@link ClusterProtocol}
 * written with Java serialization and read back through a filter that admits only those records
 * and the JDK's strings, numbers and collections.
 *
 * <p>With a secret ({@code ember.authenticate}), every call carries it in a header and every
 * server refuses a call without it in an interceptor, before any byte of its message is read.
 */
final class Rpc {
    private static final Metadata.Key<String> SECRET_HEADER = Metadata.Key.of("ember-secret", Metadata.ASCII_STRING_MARSHALLER);
    private static final ObjectInputFilter CONTROL_MESSAGES = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;dev.ember.cluster.ClusterProtocol$*;java.lang.*;java.util.*;!*");
    private static final int MAX_MESSAGE_BYTES = Integer.MAX_VALUE;

    static {
        // Netty logs through SLF4J when it finds it on the class path (an application's, Spark's
        // jars), and initializing a logging back end such as Log4j 2 costs a second of start-up;
        // java.util.logging, which gRPC itself logs to, is already there.
        InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
    }

    private Rpc() {
    }

    static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    /** Control messages: records of {@link ClusterProtocol}, nothing else is deserialized. */
    static <T> MethodDescriptor.Marshaller<T> message(Class<T> type) {
        return new MethodDescriptor.Marshaller<>() {
            @Override
            public InputStream stream(T value) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                    out.writeObject(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return new ByteArrayInputStream(bytes.toByteArray());
            }

            @Override
            public T parse(InputStream stream) {
                try (ObjectInputStream in = new ObjectInputStream(stream)) {
                    in.setObjectInputFilter(CONTROL_MESSAGES);
                    return type.cast(in.readObject());
                } catch (IOException | ClassNotFoundException e) {
                    throw Status.INVALID_ARGUMENT.withDescription("not a " + type.getSimpleName() + ": " + e).asRuntimeException();
                }
            }
        };
    }

    static <Q, R> MethodDescriptor<Q, R> unary(String service, String method, MethodDescriptor.Marshaller<Q> request,
            MethodDescriptor.Marshaller<R> response) {
        return MethodDescriptor.<Q, R>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(service, method))
                .setRequestMarshaller(request).setResponseMarshaller(response).build();
    }

    static <Q, R> MethodDescriptor<Q, R> serverStreaming(String service, String method, MethodDescriptor.Marshaller<Q> request,
            MethodDescriptor.Marshaller<R> response) {
        return MethodDescriptor.<Q, R>newBuilder().setType(MethodDescriptor.MethodType.SERVER_STREAMING)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(service, method))
                .setRequestMarshaller(request).setResponseMarshaller(response).build();
    }

    /** Starts a server on {@code host:port} (port 0: any free one), refusing calls without the secret when there is one. */
    static Server serve(String host, int port, Optional<String> secret, ServerServiceDefinition... services) {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .executor(Executors.newCachedThreadPool(daemonThreads("ember-rpc")));
        for (ServerServiceDefinition service : services) {
            builder.addService(secret.isPresent() ? ServerInterceptors.intercept(service, new RequireSecret(secret.get())) : service);
        }
        try {
            return builder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on " + host + ":" + port, e);
        }
    }

    /** A channel to {@code host:port} whose calls carry the secret when there is one. */
    static ManagedChannel channel(String host, int port, Optional<String> secret) {
        return NettyChannelBuilder.forAddress(host, port).usePlaintext().maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .intercept(secret.map(SendSecret::new).stream().map(ClientInterceptor.class::cast).toList())
                .build();
    }

    static void shutdown(ManagedChannel channel) {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        java.util.concurrent.atomic.AtomicInteger number = new java.util.concurrent.atomic.AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Refuses calls that do not carry the secret, before their message is read. */
    private static final class RequireSecret implements ServerInterceptor {
        private final byte[] secret;

        RequireSecret(String secret) {
            this.secret = secret.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            String presented = headers.get(SECRET_HEADER);
            if (presented == null || !MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
                call.close(Status.UNAUTHENTICATED.withDescription("the peer did not present the cluster's secret (ember.authenticate.secret)"),
                        new Metadata());
                return new ServerCall.Listener<>() {
                };
            }
            return next.startCall(call, headers);
        }
    }

    private static final class SendSecret implements ClientInterceptor {
        private final String secret;

        SendSecret(String secret) {
            this.secret = secret;
        }

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                @Override
                public void start(Listener<R> listener, Metadata headers) {
                    headers.put(SECRET_HEADER, secret);
                    super.start(listener, headers);
                }
            };
        }
    }
}
