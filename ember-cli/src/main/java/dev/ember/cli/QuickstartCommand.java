package dev.ember.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ember quickstart [--dir DIR]}: see {@link Quickstart}. */
@Command(name = "quickstart", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Creates sample data and walks through a first Ember session.")
public final class QuickstartCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "ember-quickstart",
            description = "Working directory for the sample data. Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        spec.commandLine().getOut().flush();
        Quickstart.run(dir, System.out);
        System.out.flush();
        return 0;
    }
}
