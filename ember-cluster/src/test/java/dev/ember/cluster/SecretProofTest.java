package dev.ember.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.cluster.ClusterProtocol.Ack;
import dev.ember.cluster.ClusterProtocol.ShuffleId;
import dev.ember.config.EmberConf;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SecretProofTest {
    private static final String METHOD = "ember.Master/Heartbeat";
    private static final String AUTHORITY = "127.0.0.1:7077";

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final SecretProof client = new SecretProof("s3cret", now::get, 100);
    private final SecretProof server = new SecretProof("s3cret", now::get, 100);

    @Test
    void acceptsAFreshTokenOnceAndRefusesItsReplay() {
        String token = client.token(METHOD, AUTHORITY);
        assertThat(server.refusal(token, METHOD, AUTHORITY)).isEmpty();
        assertThat(server.refusal(token, METHOD, AUTHORITY)).hasValueSatisfying(r -> assertThat(r).contains("replay"));
        assertThat(server.refusal(client.token(METHOD, AUTHORITY), METHOD, AUTHORITY)).isEmpty();
    }

    @Test
    void refusesStaleTokensAndTokensFromTheFuture() {
        String old = client.token(METHOD, AUTHORITY);
        now.addAndGet(SecretProof.MAX_SKEW_MILLIS + 1);
        assertThat(server.refusal(old, METHOD, AUTHORITY)).hasValueSatisfying(r -> assertThat(r).contains("stale"));
        String ahead = client.token(METHOD, AUTHORITY);
        now.addAndGet(-2 * (SecretProof.MAX_SKEW_MILLIS + 1));
        assertThat(server.refusal(ahead, METHOD, AUTHORITY)).hasValueSatisfying(r -> assertThat(r).contains("stale"));
    }

    @Test
    void refusesTamperedTokensAndOtherSecrets() {
        String token = client.token(METHOD, AUTHORITY);
        String[] parts = token.split("\\.");
        String laterTime = (Long.parseLong(parts[0]) + 1) + "." + parts[1] + "." + parts[2];
        String otherNonce = parts[0] + "." + parts[1].replace(parts[1].charAt(0), parts[1].charAt(0) == 'a' ? 'b' : 'a') + "." + parts[2];
        for (String tampered : List.of(laterTime, otherNonce)) {
            assertThat(server.refusal(tampered, METHOD, AUTHORITY)).hasValueSatisfying(r -> assertThat(r).contains("does not match"));
        }
        assertThat(server.refusal(token, "ember.Master/RegisterWorker", AUTHORITY)).isPresent();
        assertThat(server.refusal(token, METHOD, "127.0.0.1:7078")).isPresent();
        assertThat(server.refusal("garbage", METHOD, AUTHORITY)).hasValueSatisfying(r -> assertThat(r).contains("malformed"));
        assertThat(server.refusal(null, METHOD, AUTHORITY)).isPresent();
        assertThat(new SecretProof("other", now::get, 100).refusal(client.token(METHOD, AUTHORITY), METHOD, AUTHORITY))
                .hasValueSatisfying(r -> assertThat(r).contains("does not match"));
        // The tampered ones did not use up the genuine token's nonce.
        assertThat(server.refusal(token, METHOD, AUTHORITY)).isEmpty();
    }

    @Test
    void aFullReplayCacheRefusesWhatItCanNoLongerTellApart() {
        SecretProof small = new SecretProof("s3cret", now::get, 2);
        String first = client.token(METHOD, AUTHORITY);
        now.incrementAndGet();
        String second = client.token(METHOD, AUTHORITY);
        now.incrementAndGet();
        String third = client.token(METHOD, AUTHORITY);
        assertThat(small.refusal(first, METHOD, AUTHORITY)).isEmpty();
        assertThat(small.refusal(second, METHOD, AUTHORITY)).isEmpty();
        assertThat(small.refusal(third, METHOD, AUTHORITY)).isEmpty(); // drops the first's nonce ...
        assertThat(small.refusal(first, METHOD, AUTHORITY)).isPresent(); // ... whose replay is refused all the same
    }

    @Test
    void aServerProvesTheSecretInItsReply() {
        String token = client.token(METHOD, AUTHORITY);
        assertThat(client.provesReply(token, server.reply(token))).isTrue();
        assertThat(client.provesReply(token, new SecretProof("other").reply(token))).isFalse();
        assertThat(client.provesReply(client.token(METHOD, AUTHORITY), server.reply(token))).isFalse();
        assertThat(client.provesReply(token, null)).isFalse();
    }

    @Test
    void callsProveTheSecretWithoutSendingItAndEachSideRefusesAnotherSecret() {
        String secret = "the-cluster-secret-" + System.nanoTime();
        List<Metadata> received = new CopyOnWriteArrayList<>();
        ServerInterceptor recordHeaders = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                received.add(headers);
                return next.startCall(call, headers);
            }
        };
        ServerServiceDefinition service = ServerServiceDefinition.builder(ClusterProtocol.EXECUTOR)
                .addMethod(ClusterProtocol.REMOVE_SHUFFLE, Master.unary((ShuffleId id) -> new Ack())).build();
        Server server = Rpc.serve("127.0.0.1", 0, withSecret(secret), ServerInterceptors.intercept(service, recordHeaders));
        ManagedChannel right = Rpc.channel("127.0.0.1", server.getPort(), withSecret(secret));
        ManagedChannel wrong = Rpc.channel("127.0.0.1", server.getPort(), withSecret("not-" + secret));
        ManagedChannel none = Rpc.channel("127.0.0.1", server.getPort(), ClusterSecurity.none());
        try {
            assertThat(ClientCalls.blockingUnaryCall(right, ClusterProtocol.REMOVE_SHUFFLE, io.grpc.CallOptions.DEFAULT, new ShuffleId(1)))
                    .isEqualTo(new Ack());
            assertThat(received).hasSize(1);
            Metadata headers = received.get(0);
            for (String key : headers.keys()) {
                String value = key.endsWith(Metadata.BINARY_HEADER_SUFFIX) ? "" : headers.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
                assertThat(key + "=" + value).doesNotContain(secret);
            }
            assertThat(headers.toString()).doesNotContain(secret).contains("ember-proof");

            for (ManagedChannel channel : List.of(wrong, none)) {
                assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel, ClusterProtocol.REMOVE_SHUFFLE, io.grpc.CallOptions.DEFAULT,
                        new ShuffleId(1)))
                        .isInstanceOf(StatusRuntimeException.class).hasMessageContaining("UNAUTHENTICATED")
                        .hasMessageContaining("did not prove that it knows the cluster's secret").hasMessageContaining("ember.authenticate.secret");
            }
            assertThat(received).hasSize(1);
        } finally {
            List.of(right, wrong, none).forEach(Rpc::shutdown);
            server.shutdownNow();
        }
    }

    @Test
    void aCallerRefusesAServerThatCannotProveTheSecret() {
        ServerServiceDefinition service = ServerServiceDefinition.builder(ClusterProtocol.EXECUTOR)
                .addMethod(ClusterProtocol.REMOVE_SHUFFLE, Master.unary((ShuffleId id) -> new Ack())).build();
        Server open = Rpc.serve("127.0.0.1", 0, ClusterSecurity.none(), service);
        ManagedChannel channel = Rpc.channel("127.0.0.1", open.getPort(), withSecret("s3cret"));
        try {
            assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel, ClusterProtocol.REMOVE_SHUFFLE, io.grpc.CallOptions.DEFAULT,
                    new ShuffleId(1)))
                    .isInstanceOf(StatusRuntimeException.class).hasMessageContaining("UNAUTHENTICATED")
                    .hasMessageContaining("the server at 127.0.0.1:" + open.getPort() + " did not prove");
        } finally {
            Rpc.shutdown(channel);
            open.shutdownNow();
        }
    }

    @Test
    void securitySettingsShowNoSecret() {
        ClusterSecurity security = withSecret("s3cret-value");
        assertThat(security.toString()).doesNotContain("s3cret-value");
        assertThat(security.secret()).isEqualTo(Optional.of("s3cret-value"));
    }

    private static ClusterSecurity withSecret(String secret) {
        return ClusterSecurity.fromConf(new EmberConf(Map.of("spark.authenticate", "true", "spark.authenticate.secret", secret)));
    }
}
