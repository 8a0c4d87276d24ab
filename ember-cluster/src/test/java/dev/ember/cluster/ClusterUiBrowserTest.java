package dev.ember.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ember.broadcast.Broadcast;
import dev.ember.sql.EmberSession;
import dev.ember.ui.ApplicationUi;
import dev.ember.ui.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * What a person sees in a browser on the web UIs of a cluster of a master and two workers as
 * processes: the workers, an application while it runs (with its own UI) and after it ended, a
 * worker's executors and their logs, an executor lost; and the cluster's secret nowhere.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ClusterUiBrowserTest {
    @TempDir
    Path work;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> pagesSeen = new ArrayList<>();

    @Test
    void theMasterAndWorkerUisShowWorkersApplicationsAndExecutorLogs(@TempDir Path profile) throws Exception {
        assertThat(Browser.available()).as("chromium and chromedriver installed (ember-ui/src/test/scripts/install-browser.sh)").isTrue();
        String secret = "secret-" + UUID.randomUUID();
        try (LocalCluster cluster = new LocalCluster(Map.of(ClusterSecurity.ENVIRONMENT_VARIABLE, secret))) {
            String masterUrl = cluster.startMaster();
            Process first = cluster.startWorker(2, work.resolve("worker-1"));
            Process second = cluster.startWorker(1, work.resolve("worker-2"));
            WebDriver browser = Browser.open(profile);
            try {
                browser.get(cluster.masterWebUi());
                List<String> workers = rows(browser, "workers");
                assertThat(workers).hasSize(2).allMatch(w -> w.contains("ALIVE"));
                assertThat(workers).anyMatch(w -> w.contains("2 (0 Used)")).anyMatch(w -> w.contains("1 (0 Used)"));
                assertThat(browser.findElement(By.id("summary")).getText()).contains("Alive Workers: 2", "Cores in use: 3 Total, 0 Used");

                EmberSession session = EmberSession.builder().master(masterUrl).appName("ui test").config("ember.executor.memory", "256m")
                        .config(ApplicationUi.PORT, 0).config(ClusterSecurity.AUTHENTICATE, true).config(ClusterSecurity.SECRET, secret).getOrCreate();
                try {
                    assertThat(session.sql("SELECT sum(id) FROM range(0, 1000, 1, 3)").first().getLong(0)).isEqualTo(499_500L);

                    browser.get(cluster.masterWebUi());
                    List<String> running = rows(browser, "running-apps");
                    assertThat(running).singleElement().asString().contains("ui test", "RUNNING", "3", "256.0 MiB");
                    assertThat(rows(browser, "workers")).anyMatch(w -> w.contains("2 (2 Used)")).anyMatch(w -> w.contains("1 (1 Used)"));
                    browser.findElement(By.cssSelector("#running-apps")).findElement(By.linkText("ui test")).click();
                    assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Jobs");
                    assertThat(rows(browser, "jobs")).isNotEmpty().allMatch(job -> job.contains("SUCCEEDED"));

                    browser.get(cluster.webUiOf(first));
                    List<String> executors = rows(browser, "running-executors");
                    assertThat(executors).singleElement().asString().contains("RUNNING", "256.0 MiB", work.resolve("worker-1").toString());
                    browser.findElement(By.cssSelector("#running-executors")).findElement(By.linkText("stderr")).click();
                    pagesSeen.add(browser.getPageSource());
                    assertThat(browser.findElement(By.id("log")).getText()).contains("registered with its driver");
                    browser.navigate().to(cluster.webUiOf(first) + "/logPage/?appId=..&executorId=..%2F..&logType=stderr");
                    assertThat(browser.getPageSource()).contains("Not found");

                    // Storage memory: a cached DataFrame's partitions on the executors, as the storage page counts them, then a
                    // broadcast value the executors fetched, both in the executors' heartbeats.
                    String api = session.conf().get(ApplicationUi.WEB_URL, null) + "/api/v1/applications/" + session.applicationId();
                    assertThat(session.sql("SELECT id, id * 2 AS twice FROM range(0, 30000, 1, 3)").cache().count()).isEqualTo(30_000L);
                    assertThat(session.events().waitUntilEmpty(10_000)).isTrue();
                    long cached = JSON.readTree(get(api + "/storage")).findValues("memoryUsed").stream().mapToLong(JsonNode::asLong).sum();
                    assertThat(cached).isPositive();
                    assertThat(awaitMemoryUsed(api, used -> used == cached)).as("the executors' storage memory, as the storage page's")
                            .isEqualTo(cached);
                    Broadcast<long[]> values = session.context().broadcast(new long[1 << 16]);
                    assertThat(session.context().parallelize(List.of(1, 2, 3), 3).map(n -> values.value().length).reduce(Integer::sum))
                            .isEqualTo(3 << 16);
                    assertThat(awaitMemoryUsed(api, used -> used >= cached + (8 << 16))).isGreaterThanOrEqualTo(cached + (8 << 16));
                    JsonNode executorsJson = JSON.readTree(get(api + "/executors"));
                    assertThat(executorsJson).hasSize(2).allSatisfy(e -> assertThat(e.get("maxMemory").asLong())
                            .isEqualTo(e.get("memoryMetrics").get("totalOnHeapStorageMemory").asLong()).isBetween(100L << 20, 256L << 20));
                    browser.get(session.conf().get(ApplicationUi.WEB_URL, null) + "/executors/");
                    assertThat(rows(browser, "executors")).hasSize(2).anyMatch(e -> !e.contains(" 0 B / "));
                    assertThat(rows(browser, "summary")).anyMatch(row -> row.startsWith("Total(2) 3 ") && !row.contains(" 0 B / "));

                    // An executor killed: the application's UI shows it dead, with why; the worker shows it exited.
                    LocalCluster.executorsOf(second).forEach(ProcessHandle::destroyForcibly);
                    assertThat(session.sql("SELECT count(*) FROM range(0, 1000, 1, 6)").first().getLong(0)).isEqualTo(1000L);
                    assertThat(session.events().waitUntilEmpty(10_000)).isTrue();
                    browser.get(session.conf().get(ApplicationUi.WEB_URL, null) + "/executors/");
                    assertThat(rows(browser, "executors")).anyMatch(e -> e.contains("Dead (UNAVAILABLE"));
                    browser.get(session.conf().get(ApplicationUi.WEB_URL, null) + "/environment/");
                    assertThat(rows(browser, "properties")).anyMatch(p -> p.contains("ember.authenticate.secret *********(redacted)"));
                    long deadline = System.currentTimeMillis() + 5_000; // the worker notices the exit at its next heartbeat
                    do {
                        browser.get(cluster.webUiOf(second));
                    } while (rows(browser, "finished-executors").isEmpty() && System.currentTimeMillis() < deadline);
                    assertThat(rows(browser, "finished-executors")).anyMatch(e -> e.contains("EXITED"));
                } finally {
                    session.stop();
                }

                browser.get(cluster.masterWebUi());
                assertThat(rows(browser, "running-apps")).isEmpty();
                assertThat(rows(browser, "completed-apps")).singleElement().asString().contains("ui test", "FINISHED");
                browser.get(cluster.masterWebUi() + "/json");
                assertThat(browser.getPageSource()).contains("\"aliveworkers\" : 2", "\"completedapps\"", "\"state\" : \"FINISHED\"");
            } finally {
                browser.quit();
            }
            assertThat(pagesSeen).isNotEmpty().noneMatch(page -> page.contains(secret));
        }
    }

    /** The executors' storage memory used, summed, once {@code condition} holds of it (heartbeats report it every half second). */
    private static long awaitMemoryUsed(String api, LongPredicate condition) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        long used;
        while (true) {
            used = JSON.readTree(get(api + "/executors")).findValues("memoryUsed").stream().mapToLong(JsonNode::asLong).sum();
            if (condition.test(used) || System.currentTimeMillis() > deadline) {
                return used;
            }
            Thread.sleep(50);
        }
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    /** The rows of a table as text, and the page kept to check what it shows. */
    private List<String> rows(WebDriver browser, String table) {
        pagesSeen.add(browser.getPageSource());
        return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream().map(WebElement::getText).toList();
    }
}
