package dev.ember.cluster;

import dev.ember.cluster.ClusterProtocol.DriverDescription;
import dev.ember.cluster.ClusterProtocol.DriverId;
import dev.ember.cluster.ClusterProtocol.DriverStatus;
import dev.ember.cluster.ClusterProtocol.SubmitDriver;
import dev.ember.config.EmberConf;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Submits cluster-mode drivers to a master, and asks it about them or to kill them, as
 * {@code spark-submit --deploy-mode cluster}, {@code --status} and {@code --kill} do with a
 * standalone master. Calls prove the cluster's secret when the settings name one (or
 * {@code EMBER_AUTH_SECRET} holds it), as a driver's do.
 */
public final class DriverClient implements AutoCloseable {
    public static final String DRIVER_CORES = "ember.driver.cores";
    public static final String DRIVER_MEMORY = "ember.driver.memory";
    /** Whether {@code ember submit} waits for a cluster-mode driver to end (Spark's default: it does not). */
    public static final String WAIT_APP_COMPLETION = "ember.standalone.submit.waitAppCompletion";
    /** The states after which a driver does not run again. */
    public static final Set<String> FINAL_STATES = Set.of("FINISHED", "FAILED", "KILLED", "ERROR");

    private final String masterUrl;
    private final ManagedChannel master;

    /** What the master knows of a driver: its state, its worker (empty while it has none), and what to tell the user. */
    public record Status(String id, String state, String workerId, String workerHost, String message) {
        public boolean ended() {
            return FINAL_STATES.contains(state);
        }
    }

    private DriverClient(String masterUrl, ClusterSecurity security) {
        MasterAddress address = MasterAddress.parse(masterUrl);
        this.masterUrl = masterUrl;
        this.master = Rpc.channel(address.host(), address.port(), security);
    }

    /** A client of the master at {@code masterUrl}, with the security settings among {@code settings}. */
    public static DriverClient connect(String masterUrl, Map<String, String> settings) {
        return new DriverClient(masterUrl, ClusterSecurity.fromConf(new EmberConf(settings)));
    }

    /**
     * Hands the master a driver running {@code mainClass} of {@code jar} with {@code arguments}, its
     * cores and memory from {@code settings} ({@code ember.driver.cores}, 1 by default;
     * {@code ember.driver.memory}, 1g), which it is submitted with, but for the security settings
     * (authentication, TLS, their secrets and passwords: the worker hands the driver its own) and
     * the master. Returns the driver's id.
     */
    public String submit(Path jar, String mainClass, List<String> arguments, Map<String, String> settings, boolean supervise) {
        EmberConf conf = new EmberConf(settings);
        Map<String, String> forwarded = new LinkedHashMap<>();
        conf.all().forEach((key, value) -> {
            if (!ClusterSecurity.isSecuritySetting(key) && !key.equals(EmberConf.MASTER)) {
                forwarded.put(key, value);
            }
        });
        DriverDescription description = new DriverDescription(mainClass, List.copyOf(arguments), Map.copyOf(forwarded),
                conf.intValue(DRIVER_CORES, 1), memory(conf), supervise, jar.getFileName().toString());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the application jar " + jar, e);
        }
        return call(ClusterProtocol.SUBMIT_DRIVER, new SubmitDriver(description, bytes)).id();
    }

    /** The driver's status; {@link IllegalArgumentException} when the master has no record of it. */
    public Status status(String driverId) {
        return known(driverId, call(ClusterProtocol.DRIVER_STATUS, new DriverId(driverId)));
    }

    /** Asks for the driver to be killed; its status then (KILLED once its worker killed it). */
    public Status kill(String driverId) {
        return known(driverId, call(ClusterProtocol.KILL_DRIVER, new DriverId(driverId)));
    }

    /** Polls the driver's status every {@code pollMillis} until it ended, and returns that. */
    public Status awaitEnd(String driverId, long pollMillis) throws InterruptedException {
        Status status = status(driverId);
        while (!status.ended()) {
            Thread.sleep(pollMillis);
            status = status(driverId);
        }
        return status;
    }

    /** Spark reads a bare {@code spark.driver.memory} as MiB. */
    private static long memory(EmberConf conf) {
        String value = conf.get(DRIVER_MEMORY, "1g").trim();
        return value.chars().allMatch(Character::isDigit) ? Long.parseLong(value) << 20 : conf.bytesValue(DRIVER_MEMORY, 1L << 30);
    }

    private static Status known(String driverId, DriverStatus status) {
        if (!status.known()) {
            throw new IllegalArgumentException(status.message());
        }
        return new Status(driverId, status.state(), status.workerId(), status.workerHost(), status.message());
    }

    private <Q, R> R call(MethodDescriptor<Q, R> method, Q request) {
        try {
            return ClientCalls.blockingUnaryCall(master, method, CallOptions.DEFAULT.withDeadlineAfter(60, TimeUnit.SECONDS), request);
        } catch (StatusRuntimeException e) {
            throw new IllegalStateException("the master at " + masterUrl + " did not answer: " + e.getStatus().getCode()
                    + (e.getStatus().getDescription() == null ? "" : " " + e.getStatus().getDescription()), e);
        }
    }

    @Override
    public void close() {
        Rpc.shutdown(master);
    }
}
