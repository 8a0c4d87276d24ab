package dev.ember.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the command line in a test: its exit code and what it printed on stdout and stderr. */
record CliRun(int exitCode, String out, String err) {
    static CliRun run(String... args) {
        return run(CommandLine.defaultFactory(), args);
    }

    /** Runs {@code ember sql} commands on {@code runner}. */
    static CliRun run(FakeScriptRunner runner, String... args) {
        return run(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == SqlCommand.class) {
                    return type.cast(new SqlCommand(runner.factory()));
                }
                return CommandLine.defaultFactory().create(type);
            }
        }, args);
    }

    private static CliRun run(CommandLine.IFactory factory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = EmberCli.commandLine(new PrintWriter(out), new PrintWriter(err), factory).execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
