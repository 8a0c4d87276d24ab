package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmberCliTest {
    @Test
    void printsTheVersion() {
        CliRun run = CliRun.run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Ember " + VersionProvider.emberVersion() + "\nJava ");
        assertThat(VersionProvider.emberVersion()).matches("[0-9]+\\.[0-9]+\\.[0-9]+.*");
    }

    @Test
    void printsTheVersionFromEachCommand() {
        assertThat(CliRun.run("sql", "--version").out()).startsWith("Ember ");
        assertThat(CliRun.run("submit", "--version").out()).startsWith("Ember ");
    }

    @Test
    void listsTheCommandsWhenGivenNone() {
        CliRun run = CliRun.run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Usage: ember ").contains("sql", "submit", "quickstart");
    }

    @Test
    void suggestsACommandForATypo() {
        CliRun run = CliRun.run("sqll");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: Unmatched argument at index 0: 'sqll'").contains("sql");
    }

    @Test
    void explainsEachCommand() {
        for (String command : new String[] {"sql", "submit", "quickstart", "master", "worker"}) {
            CliRun run = CliRun.run(command, "--help");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).startsWith("Usage: ember " + command);
        }
        assertThat(CliRun.run("help", "submit").out()).startsWith("Usage: ember submit");
    }

    @Test
    void aWorkerNeedsItsMaster() {
        CliRun run = CliRun.run("worker", "--cores", "2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'MASTER'");
    }

    @Test
    void runsTheQuickstartInTheGivenDirectory() {
        QuickstartCommand command = new QuickstartCommand();
        new picocli.CommandLine(command).parseArgs("--dir", "some dir");

        assertThat(command.dir).hasToString("some dir");
    }

    @Test
    void runsAnExampleByName() {
        CliRun run = CliRun.run("example", "--master", "local[2]", "pi", "3");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("Pi is roughly 3\\.1[0-9]*\n");
    }

    @Test
    void listsTheExamplesAndRefusesAnUnknownOneOrBadArguments() {
        assertThat(CliRun.run("example").out()).contains("pi", "wordcount-df", "topauthors");
        CliRun unknown = CliRun.run("example", "pie");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("Error: no example named 'pie'");
        CliRun bad = CliRun.run("example", "pi", "many");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("SLICES must be a whole number", "usage: ember example pi [SLICES]");
    }
}
