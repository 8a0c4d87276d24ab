package dev.ember.cli;

import dev.ember.cluster.DriverTraining;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ember archive-training} (hidden): the launcher's class-data-sharing training run on Java 17
 * and 18, whose archive is written at exit: {@code ember sql -e "SELECT 1"}, then the start of an
 * application on a standalone cluster ({@link DriverTraining}), so that {@code ember submit} to a
 * cluster starts from the archive too.
 */
@Command(name = "archive-training", hidden = true, description = "Loads what drivers load, for the launcher's class-data archive.")
final class ArchiveTrainingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int local = spec.root().commandLine().execute("sql", "-e", "SELECT 1");
        DriverTraining.run();
        return local;
    }
}
