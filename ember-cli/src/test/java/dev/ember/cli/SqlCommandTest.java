package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.error.QueryPosition;
import dev.ember.sql.Row;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlCommandTest {
    private static final StructType NUMBERS = StructType.of(DataTypes.createStructField("n", DataTypes.IntegerType, false));
    private static final StructType NAMES = StructType.of(
            DataTypes.createStructField("id", DataTypes.LongType, false),
            DataTypes.createStructField("name", DataTypes.StringType, true));
    private static final StructType NO_COLUMNS = new StructType(List.of());

    @Test
    void printsTheResultOfEachQueryAndNothingForCommands() {
        FakeScriptRunner runner = new FakeScriptRunner()
                .result(NO_COLUMNS, List.of())
                .result(NUMBERS, List.of(Row.of(1), Row.of(2)))
                .result(NAMES, List.of(Row.of(7L, null)));

        CliRun run = CliRun.run(runner, "sql", "-e", "CREATE VIEW v AS SELECT 1; SELECT n FROM v; SELECT 7, NULL",
                "--output", "csv");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("n\n1\n2\nid,name\n7,\n");
        assertThat(run.err()).isEmpty();
        assertThat(runner.script).isEqualTo("CREATE VIEW v AS SELECT 1; SELECT n FROM v; SELECT 7, NULL");
        assertThat(runner.closeCount).isEqualTo(1);
    }

    @Test
    void printsTablesByDefault() {
        FakeScriptRunner runner = new FakeScriptRunner().result(NUMBERS, List.of(Row.of(1)));

        CliRun run = CliRun.run(runner, "sql", "-e", "SELECT 1 AS n");

        assertThat(run.out()).isEqualTo("+---+\n|n  |\n+---+\n|1  |\n+---+\n\n");
    }

    @Test
    void acceptsTheOutputFormatInAnyCase() {
        FakeScriptRunner runner = new FakeScriptRunner().result(NAMES, List.of(Row.of(1L, "a")));

        CliRun run = CliRun.run(runner, "sql", "--output", "JSON", "-e", "SELECT 1 AS id, 'a' AS name");

        assertThat(run.out()).isEqualTo("{\"id\":1,\"name\":\"a\"}\n");
    }

    @Test
    void passesTheMasterAndEmberAndSparkSettingsToTheSession() {
        FakeScriptRunner runner = new FakeScriptRunner();

        CliRun run = CliRun.run(runner, "sql", "--master", "local[2]",
                "--conf", "spark.sql.shuffle.partitions=4", "--conf=ember.note=a=b", "--conf", "other.key=1",
                "--driver-memory=2G", "-e", "SELECT 1");

        assertThat(run.exitCode()).isZero();
        assertThat(runner.settings).containsExactly(
                entry("ember.master", "local[2]"),
                entry("spark.sql.shuffle.partitions", "4"),
                entry("ember.note", "a=b"),
                entry("ember.driver.memory", "2g"),
                entry("ember.ui.showConsoleProgress", "true"));
        assertThat(run.err()).isEqualTo("Warning: ignoring non-Ember config property: other.key\n");
    }

    @Test
    void runsLocallyOnAllCoresByDefault() {
        FakeScriptRunner runner = new FakeScriptRunner();

        CliRun.run(runner, "sql", "-e", "SELECT 1");

        assertThat(runner.settings).containsExactly(entry("ember.master", "local[*]"), entry("ember.ui.showConsoleProgress", "true"));
    }

    @Test
    void printsTimestampsInTheSessionTimeZone() {
        StructType schema = StructType.of(DataTypes.createStructField("ts", DataTypes.TimestampType, false));
        FakeScriptRunner runner = new FakeScriptRunner()
                .result(schema, List.of(Row.of(LocalDateTime.of(2024, 1, 1, 12, 0).toInstant(ZoneOffset.UTC))));

        CliRun run = CliRun.run(runner, "sql", "--conf", "spark.sql.session.timeZone=Asia/Kolkata",
                "--output", "csv", "-e", "SELECT TIMESTAMP'2024-01-01 12:00:00Z' AS ts");

        assertThat(run.out()).isEqualTo("ts\n2024-01-01 17:30:00\n");
    }

    @Test
    void reportsAnEngineErrorWithItsPositionAfterTheEarlierResults() {
        EmberException syntaxError = EmberException.of(ErrorClass.PARSE_SYNTAX_ERROR, "token", "'FROM'", "hint", "")
                .at(new QueryPosition(1, 8, "SELECT FROM t"));
        FakeScriptRunner runner = new FakeScriptRunner()
                .result(NUMBERS, List.of(Row.of(1)))
                .failure(syntaxError);

        CliRun run = CliRun.run(runner, "sql", "--output", "csv", "-e", "SELECT 1 AS n; SELECT FROM t");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("n\n1\n");
        assertThat(run.err()).isEqualTo("""
                Error: [PARSE_SYNTAX_ERROR] Syntax error at or near 'FROM'. SQLSTATE: 42601 (line 1, pos 7)

                == SQL ==
                SELECT FROM t
                       ^
                """);
        assertThat(runner.closeCount).isEqualTo(1);
    }

    @Test
    void reportsAnUnexpectedFailureBrieflyAndWithItsStackTraceWhenVerbose() {
        CliRun brief = CliRun.run(new FakeScriptRunner().failure(new IllegalStateException("boom")), "sql", "-e", "SELECT 1");
        CliRun verbose = CliRun.run(new FakeScriptRunner().failure(new IllegalStateException("boom")), "sql", "-v", "-e", "SELECT 1");

        assertThat(brief.exitCode()).isEqualTo(1);
        assertThat(brief.err()).isEqualTo("Error: java.lang.IllegalStateException: boom\n(run with --verbose for the stack trace)\n");
        assertThat(verbose.exitCode()).isEqualTo(1);
        assertThat(verbose.err()).startsWith("Error: java.lang.IllegalStateException: boom\njava.lang.IllegalStateException: boom\n\tat ");
    }

    @Test
    void readsTheStatementsFromAFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("my report.sql");
        Files.writeString(file, "SELECT 'ü' AS n;\n", StandardCharsets.UTF_8);
        FakeScriptRunner runner = new FakeScriptRunner();

        CliRun run = CliRun.run(runner, "sql", "-f", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(runner.script).isEqualTo("SELECT 'ü' AS n;\n");
    }

    @Test
    void failsWhenTheFileIsMissing(@TempDir Path directory) {
        Path missing = directory.resolve("missing.sql");
        FakeScriptRunner runner = new FakeScriptRunner();

        CliRun run = CliRun.run(runner, "sql", "-f", missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: SQL file not found: " + missing.toAbsolutePath() + "\n");
        assertThat(runner.settings).isNull();
    }

    @Test
    void rejectsBadUsageWithExitCodeTwo() {
        assertUsageError(CliRun.run(new FakeScriptRunner(), "sql"), "Error: Missing required argument");
        assertUsageError(CliRun.run(new FakeScriptRunner(), "sql", "-e", "SELECT 1", "-f", "x.sql"), "Error: -e=SQL, -f=FILE are mutually exclusive");
        assertUsageError(CliRun.run(new FakeScriptRunner(), "sql", "-e", "SELECT 1", "--conf", "novalue"),
                "Error: Invalid value for option '--conf' (KEY=VALUE): 'novalue' is not of the form KEY=VALUE");
        assertUsageError(CliRun.run(new FakeScriptRunner(), "sql", "-e", "SELECT 1", "--driver-memory", "2 GB"),
                "Error: Invalid value for option '--driver-memory': '2 GB' is not a memory size such as 512m or 2g");
        assertUsageError(CliRun.run(new FakeScriptRunner(), "sql", "-e", "SELECT 1", "--output", "xml"),
                "Error: Invalid value for option '--output': unknown output format 'xml'; expected one of table, csv, json");
        assertUsageError(CliRun.run(new FakeScriptRunner(), "sql", "-e", "SELECT 1", "--outptu", "csv"), "Error: Unknown option");
    }

    @Test
    void printsHelpOnStdout() {
        CliRun run = CliRun.run(new FakeScriptRunner(), "sql", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: ember sql ").contains("--output=FORMAT", "--master=URL", "--conf=KEY=VALUE");
        assertThat(run.err()).isEmpty();
    }

    private static void assertUsageError(CliRun run, String messageStart) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(messageStart).endsWith("Try 'ember sql --help' for more information.\n");
    }
}
