package dev.ember.cli;

import static java.util.Objects.requireNonNull;

import dev.ember.cli.output.OutputFormat;
import dev.ember.cli.output.ResultPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ember sql (-e SQL | -f FILE)}: runs a script of {@code ;}-separated statements and prints
 * each query's result on stdout, nothing else; commands (CREATE VIEW, SET, ...) print nothing.
 */
@Command(name = "sql", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Runs SQL statements and prints the result of each query.",
            "Only results go to stdout; messages go to stderr. Exit code 0 on success, 1 when a statement "
                    + "fails (earlier results are printed), 2 on a usage error.",
        },
        footer = {
            "",
            "Examples:",
            "  ember sql -e \"SELECT 1 AS one\"",
            "  ember sql -f report.sql --output csv > report.csv",
            "  ember sql --master local[4] --conf spark.sql.shuffle.partitions=8 -f etl.sql",
        })
public final class SqlCommand implements Callable<Integer> {
    private static final String DEFAULT_MASTER = "local[*]";
    private static final String[] TIME_ZONE_KEYS = {"ember.sql.session.timeZone", "spark.sql.session.timeZone"};

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table",
            converter = OutputFormatConverter.class,
            description = "table (as Dataset.show, untruncated), csv or json (one object per row). Default: ${DEFAULT-VALUE}.")
    OutputFormat output;

    @Mixin
    LaunchOptions launch;

    private final ScriptRunner.Factory runners;

    /** The command as the launcher runs it, on an {@code EmberSession}. */
    public SqlCommand() {
        this(SessionScriptRunner::open);
    }

    SqlCommand(ScriptRunner.Factory runners) {
        this.runners = requireNonNull(runners, "runners is null");
    }

    /** Where the statements come from: exactly one of {@code -e} and {@code -f}. */
    static final class Source {
        @Option(names = "-e", paramLabel = "SQL", required = true, description = "The statements to run.")
        String statements;

        @Option(names = "-f", paramLabel = "FILE", required = true,
                description = "A file of statements to run (UTF-8); - reads standard input.")
        Path file;

        String read() throws IOException {
            if (statements != null) {
                return statements;
            }
            if (file.toString().equals("-")) {
                return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new CliException("SQL file not found: " + file.toAbsolutePath(), e);
            } catch (IOException e) {
                throw new CliException("cannot read SQL file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String script = source.read();
        Map<String, String> settings = launch.settings(DEFAULT_MASTER, err);
        settings.putIfAbsent("ember.ui.showConsoleProgress", "true"); // as Spark's shells: a progress bar when stderr is a terminal
        ResultPrinter printer = ResultPrinter.create(output, out, sessionTimeZone(settings));
        try (ScriptRunner runner = runners.open(settings)) {
            runner.run(script, (schema, rows) -> {
                if (schema.size() > 0) {
                    printer.print(schema, rows);
                    out.flush();
                }
            });
        } finally {
            out.flush();
        }
        return 0;
    }

    /**
     * The zone timestamps print in: the session time zone set with {@code --conf}, else as a system
     * property (which the session also reads), else the JVM's. An invalid zone is left for the
     * session to reject with its own error.
     */
    static ZoneId sessionTimeZone(Map<String, String> settings) {
        for (String key : TIME_ZONE_KEYS) {
            String zone = settings.containsKey(key) ? settings.get(key) : System.getProperty(key);
            if (zone != null) {
                try {
                    return ZoneId.of(zone);
                } catch (DateTimeException e) {
                    return ZoneId.systemDefault();
                }
            }
        }
        return ZoneId.systemDefault();
    }

    /** {@code --output} by name, ignoring case. */
    static final class OutputFormatConverter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String name) {
            try {
                return OutputFormat.fromName(name);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
