package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.EmberSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ClusterCommandTest {
    @TempDir
    Path directory;

    @Test
    void startsAClusterOfProcessesThatRunsJobsAndStopsIt() throws Exception {
        try {
            CliRun start = CliRun.run("cluster", "start", "--workers", "2", "--cores", "1", "--memory", "1g", "--port", "0",
                    "--webui-port", "0", "--dir", directory.toString());
            assertThat(start.exitCode()).as(start.err()).isZero();
            Matcher masterUi = Pattern.compile("Master UI at (http://127\\.0\\.0\\.1:\\d+) \\(workers' UIs at http://.*, http://").matcher(start.err());
            assertThat(masterUi.find()).as(start.err()).isTrue();
            String json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(masterUi.group(1) + "/json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(json).contains("\"aliveworkers\" : 2");
            String url = start.out().trim();
            assertThat(url).startsWith("ember://127.0.0.1:");
            List<ProcessHandle> processes = ClusterCommand.running(directory);
            assertThat(processes).hasSize(3);

            CliRun again = CliRun.run("cluster", "start", "--port", "0", "--dir", directory.toString());
            assertThat(again.exitCode()).isEqualTo(EmberCli.EXIT_FAILURE);
            assertThat(again.err()).contains("a cluster is already running");

            try (EmberSession session = EmberSession.builder().master(url).config("ember.executor.memory", "256m").getOrCreate()) {
                assertThat(session.context().defaultParallelism()).isEqualTo(2);
                assertThat(session.sql("SELECT sum(id) FROM range(0, 1000)").first().getLong(0)).isEqualTo(499_500L);
            }

            CliRun stop = CliRun.run("cluster", "stop", "--dir", directory.toString());
            assertThat(stop.exitCode()).isZero();
            assertThat(stop.err()).contains("Stopped 3 process(es)");
            assertThat(processes).noneMatch(ProcessHandle::isAlive);
            assertThat(Files.exists(directory.resolve("processes"))).isFalse();
        } finally {
            ClusterCommand.running(directory).forEach(ProcessHandle::destroyForcibly);
        }
    }
}
