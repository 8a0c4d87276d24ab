package dev.ember.cluster;

import dev.ember.error.EmberException;
import dev.ember.sql.EmberSession;
import java.util.Optional;

/**
 * What a driver loads as it starts an application on a standalone cluster, done once in a
 * class-data-sharing training run (the {@code ember} launcher's), so that the archive written at
 * its exit holds the cluster transport too: a session registers with a master of its own on
 * loopback, which has no workers, and gives up at once.
 */
public final class DriverTraining {
    private DriverTraining() {
    }

    public static void run() {
        Master master = Master.start("127.0.0.1", 0, 0, ClusterSecurity.none(), Optional.empty());
        try {
            EmberSession.builder().appName("training").master(master.url()).config(ClusterTaskBackend.EXECUTOR_WAIT, "0").getOrCreate().stop();
        } catch (EmberException e) {
            // No executors, as expected: only the start-up was wanted.
        } finally {
            master.close();
        }
    }
}
