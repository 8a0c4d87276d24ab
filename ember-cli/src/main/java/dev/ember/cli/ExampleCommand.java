package dev.ember.cli;

import dev.ember.examples.Example;
import dev.ember.examples.Examples;
import dev.ember.sql.EmberSession;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ember example NAME [ARGS...]}: runs one of the bundled examples on a local session. */
@Command(name = "example", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Runs a bundled example (word count, pi, top authors, ...). Without NAME, lists them.",
        footer = {
            "",
            "Examples:",
            "  ember example pi 10",
            "  ember example wordcount-df book.txt counts/",
        })
public final class ExampleCommand implements Callable<Integer> {
    static final String DEFAULT_MASTER = "local[*]";

    @Spec
    CommandSpec spec;

    @Mixin
    LaunchOptions launch;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The example to run.")
    String name;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "The example's arguments.")
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            out.println("Examples (ember example NAME ARGS...):");
            for (Example example : Examples.all()) {
                out.printf("  %-14s %-22s %s%n", example.name(), example.usage(), example.description());
            }
            out.flush();
            return 0;
        }
        Example example = Examples.named(name).orElseThrow(() -> new CliException("no example named '" + name
                + "'; the examples are " + Examples.all().stream().map(Example::name).toList()));
        Map<String, String> settings = launch.settings(DEFAULT_MASTER, spec.commandLine().getErr());
        EmberSession.Builder builder = EmberSession.builder().appName(example.name());
        settings.forEach(builder::config);
        try (EmberSession ember = builder.getOrCreate()) {
            example.run(ember, arguments, out);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage() + "; usage: ember example " + example.name() + " " + example.usage(), e);
        } finally {
            out.flush();
        }
        return 0;
    }
}
