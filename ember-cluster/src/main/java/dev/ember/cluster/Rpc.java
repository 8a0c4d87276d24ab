package dev.ember.cluster;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.ForwardingServerCall;
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
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;
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
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * gRPC without generated code. Each call carries one message each way: raw bytes (serialized
 * tasks and results, shuffle chunks) or a control message, a small record of {@link ClusterProtocol}
 * written with Java serialization and read back through a filter that admits only those records
 * and the JDK's strings, numbers and collections.
 *
 * <p>With a secret ({@code ember.authenticate}), every call carries a proof that its caller knows
 * it ({@link SecretProof}; the secret itself never crosses the wire), and every server refuses a
 * call without a valid one in an interceptor, before any byte of its message is read; the server
 * proves the secret in its answer, and a caller takes no message from a server that does not.
 * With {@code ember.ssl.rpc} enabled, calls go over TLS (which also keeps the messages private and
 * unaltered: the proof covers who calls, not what the call carries).
 */
final class Rpc {
    /** A caller's proof that it knows the secret ({@link SecretProof#token}), and the server's answer. */
    private static final Metadata.Key<String> PROOF_HEADER = Metadata.Key.of("ember-proof", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> REPLY_HEADER = Metadata.Key.of("ember-proof-reply", Metadata.ASCII_STRING_MARSHALLER);
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

    /**
     * Starts a server on {@code host:port} (port 0: any free one): over TLS when {@code ember.ssl.rpc}
     * is enabled, refusing calls that do not prove the secret when there is one.
     */
    static Server serve(String host, int port, ClusterSecurity security, ServerServiceDefinition... services) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        NettyServerBuilder builder = security.rpc().enabled()
                ? NettyServerBuilder.forAddress(address, TlsServerCredentials.newBuilder().keyManager(security.rpc().keyManagers()).build())
                : NettyServerBuilder.forAddress(address);
        builder.maxInboundMessageSize(MAX_MESSAGE_BYTES).executor(Executors.newCachedThreadPool(daemonThreads("ember-rpc")));
        Optional<SecretProof> proof = security.secret().map(SecretProof::new);
        for (ServerServiceDefinition service : services) {
            builder.addService(proof.isPresent() ? ServerInterceptors.intercept(service, new RequireProof(proof.get())) : service);
        }
        try {
            return builder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on " + host + ":" + port, e);
        }
    }

    /** A channel to {@code host:port}: over TLS when {@code ember.ssl.rpc} is enabled, its calls proving the secret when there is one. */
    static ManagedChannel channel(String host, int port, ClusterSecurity security) {
        NettyChannelBuilder builder;
        if (security.rpc().enabled()) {
            TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder();
            Optional.ofNullable(security.rpc().trustManagers()).ifPresent(tls::trustManager);
            builder = NettyChannelBuilder.forAddress(host, port, tls.build());
        } else {
            builder = NettyChannelBuilder.forAddress(host, port).usePlaintext();
        }
        return builder.maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .intercept(security.secret().map(s -> new ProveSecret(new SecretProof(s))).stream().map(ClientInterceptor.class::cast).toList())
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

    /** Refuses calls that do not prove the secret, before their message is read; proves it in turn to the callers it accepts. */
    private static final class RequireProof implements ServerInterceptor {
        private final SecretProof proof;

        RequireProof(SecretProof proof) {
            this.proof = proof;
        }

        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            String token = headers.get(PROOF_HEADER);
            Optional<String> refusal = proof.refusal(token, call.getMethodDescriptor().getFullMethodName(), String.valueOf(call.getAuthority()));
            if (refusal.isPresent()) {
                call.close(Status.UNAUTHENTICATED.withDescription("the peer did not prove that it knows the cluster's secret (" + refusal.get()
                        + "); check ember.authenticate.secret, or EMBER_AUTH_SECRET for the master and workers"), new Metadata());
                return new ServerCall.Listener<>() {
                };
            }
            String reply = proof.reply(token);
            return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                @Override
                public void sendHeaders(Metadata responseHeaders) {
                    responseHeaders.put(REPLY_HEADER, reply);
                    super.sendHeaders(responseHeaders);
                }

                @Override
                public void close(Status status, Metadata trailers) {
                    trailers.put(REPLY_HEADER, reply); // a call closed without headers answers in its trailers alone
                    super.close(status, trailers);
                }
            }, headers);
        }
    }

    /**
     * Sends a fresh proof with every call, and takes nothing from a server that does not prove the
     * secret in turn: its messages are dropped and the call fails as {@code UNAUTHENTICATED}.
     */
    private static final class ProveSecret implements ClientInterceptor {
        private final SecretProof proof;

        ProveSecret(SecretProof proof) {
            this.proof = proof;
        }

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            String authority = next.authority();
            return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                @Override
                public void start(Listener<R> listener, Metadata headers) {
                    String token = proof.token(method.getFullMethodName(), authority);
                    headers.put(PROOF_HEADER, token);
                    super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                        private boolean proven;
                        private boolean refused;

                        @Override
                        public void onHeaders(Metadata responseHeaders) {
                            proven = proof.provesReply(token, responseHeaders.get(REPLY_HEADER));
                            if (proven) {
                                super.onHeaders(responseHeaders);
                            } else {
                                refused = true;
                                cancel("the server did not prove that it knows the cluster's secret", null);
                            }
                        }

                        @Override
                        public void onMessage(R message) {
                            if (proven) {
                                super.onMessage(message);
                            }
                        }

                        @Override
                        public void onClose(Status status, Metadata trailers) {
                            proven = proven || proof.provesReply(token, trailers.get(REPLY_HEADER));
                            // A server that proves nothing may still fail a call: that tells nothing, but an answer would.
                            if (refused || !proven && status.isOk()) {
                                status = Status.UNAUTHENTICATED.withDescription("the server at " + authority
                                        + " did not prove that it knows the cluster's secret; check ember.authenticate.secret");
                            }
                            super.onClose(status, trailers);
                        }
                    }, headers);
                }
            };
        }
    }
}
