package dev.ember.cli;

import dev.ember.error.EmberException;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code ember} command line: {@code ember sql}, {@code ember submit}, {@code ember quickstart},
 * {@code ember master}, {@code ember worker}, {@code ember cluster start|stop}.
 *
 * <p>Exit codes: 0 on success, 1 when the work failed (an engine error, a missing file, a failing
 * application), 2 on a usage error. Errors print as {@code Error: <message>} on stderr; stdout
 * carries results only.
 */
@Command(name = "ember", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Ember: a distributed data engine with Apache Spark's API and semantics.",
        subcommands = {SqlCommand.class, SubmitCommand.class, ExampleCommand.class, QuickstartCommand.class, MasterCommand.class,
                WorkerCommand.class, ClusterCommand.class, HistoryCommand.class, ArchiveTrainingCommand.class, HelpCommand.class},
        footer = {"", "Run 'ember COMMAND --help' for the options of a command."})
public final class EmberCli implements Callable<Integer> {
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

    @Spec
    CommandSpec spec;

    /** {@code ember} alone: the usage, on stderr, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_USAGE;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        CommandLine commandLine = commandLine(out, err);
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        if (exitCode != 0 || !ranApplication(commandLine)) {
            System.exit(exitCode);
        }
        // A submitted application returned normally: leave its non-daemon threads running, as
        // spark-submit does; the JVM exits when they end.
    }

    /** The configured command line, printing to {@code out} and {@code err}. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, CommandLine.defaultFactory());
    }

    /** The command line with commands made by {@code factory} (tests pass commands with fakes). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        CommandLine commandLine = new CommandLine(new EmberCli(), factory);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(EmberCli::handleFailure);
        commandLine.setParameterExceptionHandler(EmberCli::handleUsageError);
        // Everything after the application jar belongs to the application, options included.
        commandLine.getSubcommands().get("submit").setStopAtPositional(true);
        return commandLine;
    }

    private static boolean ranApplication(CommandLine commandLine) {
        ParseResult parsed = commandLine.getParseResult();
        ParseResult subcommand = parsed == null ? null : parsed.subcommand();
        return subcommand != null && subcommand.commandSpec().name().equals("submit")
                && !subcommand.isUsageHelpRequested() && !subcommand.isVersionHelpRequested();
    }

    private static int handleUsageError(ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        PrintWriter err = command.getErr();
        String message = error.getMessage();
        err.println(message.startsWith("Error: ") ? message : "Error: " + message);
        UnmatchedArgumentException.printSuggestions(error, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return EXIT_USAGE;
    }

    private static int handleFailure(Exception failure, CommandLine command, ParseResult parsed) {
        command.getOut().flush();
        PrintWriter err = command.getErr();
        boolean verbose = verbose(parsed);
        Throwable reported = failure instanceof SubmitCommand.ApplicationFailedException ? failure.getCause() : failure;
        EmberException engineError = findEmberException(reported);
        if (engineError != null) {
            err.println("Error: " + engineError.getMessage());
            if (verbose) {
                reported.printStackTrace(err);
            }
        } else if (failure instanceof CliException) {
            err.println("Error: " + failure.getMessage());
            if (verbose) {
                failure.printStackTrace(err);
            }
        } else if (failure instanceof SubmitCommand.ApplicationFailedException) {
            err.print("Error: " + failure.getMessage() + ": ");
            reported.printStackTrace(err);
        } else {
            err.println("Error: " + failure);
            if (verbose) {
                failure.printStackTrace(err);
            } else {
                err.println("(run with --verbose for the stack trace)");
            }
        }
        err.flush();
        return EXIT_FAILURE;
    }

    /** The engine error behind {@code failure}, if it is one or was caused by one. */
    private static EmberException findEmberException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EmberException engineError) {
                return engineError;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
