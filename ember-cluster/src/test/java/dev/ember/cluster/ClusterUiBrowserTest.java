package dev.ember.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.EmberSession;
import dev.ember.ui.ApplicationUi;
import dev.ember.ui.Browser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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

    /** The rows of a table as text, and the page kept to check what it shows. */
    private List<String> rows(WebDriver browser, String table) {
        pagesSeen.add(browser.getPageSource());
        return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream().map(WebElement::getText).toList();
    }
}
