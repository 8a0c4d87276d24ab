package dev.ember.cluster;

import dev.ember.cluster.ClusterProtocol.DriverDescription;
import dev.ember.cluster.ClusterProtocol.RegisterApplication;
import dev.ember.cluster.ClusterProtocol.RegisterWorker;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The master's state in its recovery directory (the jars of its drivers beside it, in {@code drivers/}): one file, replaced whole (written aside, then
 * renamed over the old one), so a master killed while writing leaves the previous state intact.
 */
final class MasterRecovery {
    private static final ObjectInputFilter STATE = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;dev.ember.cluster.ClusterProtocol$*;dev.ember.cluster.Master$Placement;dev.ember.cluster.MasterRecovery$*;"
                    + "java.lang.*;java.util.*;!*");

    /** {@code drivers} are those not ended; {@code driverNumbers} how many were submitted, for the next driver's id. */
    record State(List<RegisterWorker> workers, List<SavedApplication> applications, List<SavedDriver> drivers, int driverNumbers)
            implements Serializable {
        State {
            drivers = drivers == null ? List.of() : drivers; // a state written before drivers were kept
        }
    }

    /** A driver not ended; {@code workerId} is empty while it waits for a worker. */
    record SavedDriver(String id, DriverDescription description, long submitTime, String state, String workerId, boolean killRequested)
            implements Serializable {
    }

    record SavedApplication(String id, RegisterApplication request, long startTime, int executorsPlaced, int executorFailures,
            List<Master.Placement> executors) implements Serializable {
    }

    private final Path file;

    MasterRecovery(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the recovery directory " + directory, e);
        }
        this.file = directory.resolve("master-state");
    }

    /** What the last master wrote, or nothing. */
    State read() {
        try (InputStream bytes = Files.newInputStream(file); ObjectInputStream in = new ObjectInputStream(bytes)) {
            in.setObjectInputFilter(STATE);
            return (State) in.readObject();
        } catch (NoSuchFileException e) {
            return new State(List.of(), List.of(), List.of(), 0);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("The master's recovery state " + file + " cannot be read: " + e, e);
        }
    }

    void write(State state) {
        Path partial = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream bytes = Files.newOutputStream(partial); ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(state);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.err.println("Ember master: could not write its state to " + file + ": " + e);
        }
    }
}
