package dev.ember.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.cluster.ClusterProtocol.ApplicationId;
import dev.ember.cluster.ClusterProtocol.ApplicationState;
import dev.ember.cluster.ClusterProtocol.DriverDescription;
import dev.ember.cluster.ClusterProtocol.DriverExit;
import dev.ember.cluster.ClusterProtocol.DriverId;
import dev.ember.cluster.ClusterProtocol.LaunchDriver;
import dev.ember.cluster.ClusterProtocol.SubmitDriver;
import dev.ember.cluster.ClusterProtocol.ExecutorExit;
import dev.ember.cluster.ClusterProtocol.Heartbeat;
import dev.ember.cluster.ClusterProtocol.HeartbeatReply;
import dev.ember.cluster.ClusterProtocol.LaunchExecutor;
import dev.ember.cluster.ClusterProtocol.RegisterApplication;
import dev.ember.cluster.ClusterProtocol.RegisterWorker;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The master's bookkeeping across restarts and executor exits, driven through its RPC interface in this JVM. */
class MasterRecoveryTest {
    private static final long GIB = 1L << 30;

    @TempDir
    Path recovery;

    private static RegisterApplication application(String id) {
        return new RegisterApplication(id, "test", "tester", "127.0.0.1", 1, 0, 1, GIB, "");
    }

    private static RegisterWorker worker(List<LaunchExecutor> running) {
        return new RegisterWorker("worker-1", "127.0.0.1", 2, 4 * GIB, 1, "", running, List.of());
    }

    @Test
    void aMasterRestartedOnItsRecoveryDirectoryKnowsItsWorkersAndApplications() {
        ApplicationId id;
        try (Master master = Master.start("127.0.0.1", 0, 0, ClusterSecurity.none(), Optional.of(recovery)); Client client = new Client(master)) {
            client.call(ClusterProtocol.REGISTER_WORKER, worker(List.of()));
            id = client.call(ClusterProtocol.REGISTER_APPLICATION, application(""));
            assertThat(client.heartbeat().launch()).hasSize(2); // one core per executor, two cores
        }
        try (Master master = Master.start("127.0.0.1", 0, 0, ClusterSecurity.none(), Optional.of(recovery)); Client client = new Client(master)) {
            assertThat(client.heartbeat().unknownWorker()).isFalse();
            ApplicationState state = client.call(ClusterProtocol.APPLICATION_STATE, id);
            assertThat(state.known()).isTrue();
            assertThat(state.executors()).isEqualTo(2);
            assertThat(client.heartbeat().launch()).isEmpty(); // the cores are still taken

            // An executor exits: the master places a replacement, with a new id.
            HeartbeatReply reply = client.call(ClusterProtocol.HEARTBEAT, new Heartbeat("worker-1", List.of(new ExecutorExit(id.id(), "0", "killed")), List.of()));
            assertThat(reply.launch()).extracting(LaunchExecutor::executorId).containsExactly("2");
        }
    }

    @Test
    void withoutRecoveryWorkersAndDriversRegisterAgainAndTheExecutorsAreAdopted() {
        LaunchExecutor running = new LaunchExecutor("app-1", "0", "127.0.0.1", 1, 2, GIB);
        try (Master master = Master.start("127.0.0.1", 0, 0, ClusterSecurity.none(), Optional.empty()); Client client = new Client(master)) {
            assertThat(client.heartbeat().unknownWorker()).isTrue();
            client.call(ClusterProtocol.REGISTER_WORKER, worker(List.of(running)));
            assertThat(client.call(ClusterProtocol.APPLICATION_STATE, new ApplicationId("app-1")).known()).isFalse();

            ApplicationId id = client.call(ClusterProtocol.REGISTER_APPLICATION, application("app-1"));
            assertThat(id.id()).isEqualTo("app-1");
            assertThat(client.call(ClusterProtocol.APPLICATION_STATE, id).executors()).isEqualTo(1);
            assertThat(client.heartbeat().launch()).isEmpty(); // the worker's two cores are the running executor's
        }
    }

    @Test
    void aWorkerRegisteringAgainIsStillToldOfTheApplicationsThatEnded() {
        try (Master master = Master.start("127.0.0.1", 0, 0, ClusterSecurity.none(), Optional.of(recovery)); Client client = new Client(master)) {
            client.call(ClusterProtocol.REGISTER_WORKER, worker(List.of()));
            ApplicationId id = client.call(ClusterProtocol.REGISTER_APPLICATION, application(""));
            List<LaunchExecutor> launched = client.heartbeat().launch();

            // The application ends between the worker's heartbeat and its registering again with what it runs.
            client.call(ClusterProtocol.END_APPLICATION, id);
            client.call(ClusterProtocol.REGISTER_WORKER, worker(launched));
            assertThat(client.heartbeat().endedApplications()).contains(id.id());

            // It registers again later, still reporting the executors: they are ended, not kept for a driver that may come back.
            client.call(ClusterProtocol.REGISTER_WORKER, worker(launched));
            assertThat(client.heartbeat().endedApplications()).contains(id.id());
        }
    }

    private static SubmitDriver driver(boolean supervise) {
        return new SubmitDriver(new DriverDescription("app.Main", List.of("in.txt"), Map.of("ember.executor.memory", "1g"), 1, GIB, supervise,
                "app.jar"), new byte[] {1, 2, 3});
    }

    @Test
    void driversSurviveARestartAndFailedSupervisedOnesAreRelaunched() {
        DriverId supervised;
        DriverId unsupervised;
        try (Master master = Master.start("127.0.0.1", 0, 0, ClusterSecurity.none(), Optional.of(recovery)); Client client = new Client(master)) {
            client.call(ClusterProtocol.REGISTER_WORKER, worker(List.of()));
            supervised = client.call(ClusterProtocol.SUBMIT_DRIVER, driver(true));
            unsupervised = client.call(ClusterProtocol.SUBMIT_DRIVER, driver(false));
            assertThat(supervised.id()).matches("driver-\\d{14}-0000");
            assertThat(unsupervised.id()).matches("driver-\\d{14}-0001");
            assertThat(client.heartbeat().launchDrivers()).extracting(LaunchDriver::driverId).containsExactly(supervised.id(), unsupervised.id());
        }
        try (Master master = Master.start("127.0.0.1", 0, 0, ClusterSecurity.none(), Optional.of(recovery)); Client client = new Client(master)) {
            assertThat(client.call(ClusterProtocol.DRIVER_STATUS, supervised).state()).isEqualTo("RUNNING");
            assertThat(client.call(ClusterProtocol.DRIVER_STATUS, supervised).workerId()).isEqualTo("worker-1");
            assertThat(client.heartbeat().launchDrivers()).isEmpty(); // both still run

            // Both fail: the supervised one is launched again (its jar kept for it), the other is done.
            HeartbeatReply reply = client.call(ClusterProtocol.HEARTBEAT, new Heartbeat("worker-1", List.of(),
                    List.of(new DriverExit(supervised.id(), "FAILED", 137), new DriverExit(unsupervised.id(), "FAILED", 1))));
            assertThat(reply.launchDrivers()).extracting(LaunchDriver::driverId).containsExactly(supervised.id());
            assertThat(client.call(ClusterProtocol.DRIVER_STATUS, unsupervised).state()).isEqualTo("FAILED");
            assertThat(ClientCalls.blockingServerStreamingCall(client.channel, ClusterProtocol.FETCH_DRIVER_JAR, CallOptions.DEFAULT, supervised)
                    .next()).containsExactly(1, 2, 3);

            assertThat(client.call(ClusterProtocol.KILL_DRIVER, supervised).state()).isEqualTo("RUNNING");
            assertThat(client.heartbeat().killDrivers()).containsExactly(supervised.id());
            client.call(ClusterProtocol.HEARTBEAT, new Heartbeat("worker-1", List.of(), List.of(new DriverExit(supervised.id(), "FAILED", 143))));
            assertThat(client.call(ClusterProtocol.DRIVER_STATUS, supervised).state()).isEqualTo("KILLED");
            assertThat(client.call(ClusterProtocol.DRIVER_STATUS, new DriverId("driver-1")).known()).isFalse();
        }
    }

    /** A channel to the master, speaking for worker-1 and a driver. */
    private static final class Client implements AutoCloseable {
        private final ManagedChannel channel;

        Client(Master master) {
            MasterAddress address = MasterAddress.parse(master.url());
            channel = Rpc.channel(address.host(), address.port(), ClusterSecurity.none());
        }

        <Q, R> R call(MethodDescriptor<Q, R> method, Q request) {
            return ClientCalls.blockingUnaryCall(channel, method, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), request);
        }

        HeartbeatReply heartbeat() {
            return call(ClusterProtocol.HEARTBEAT, new Heartbeat("worker-1", List.of(), List.of()));
        }

        @Override
        public void close() {
            Rpc.shutdown(channel);
        }
    }
}
