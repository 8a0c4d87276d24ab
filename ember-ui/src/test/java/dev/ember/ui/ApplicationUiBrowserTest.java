package dev.ember.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.sql.EmberSession;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** What a person sees in a browser on the UI of a session that ran a query. */
class ApplicationUiBrowserTest {

    @Test
    void theJobsStagesSqlAndEnvironmentPagesShowTheQuery(@TempDir Path profile) {
        assertThat(Browser.available()).as("chromium and chromedriver installed (src/test/scripts/install-browser.sh)").isTrue();
        EmberSession session = EmberSession.builder().master("local[2]").appName("browser test").config(ApplicationUi.PORT, 0)
                .config("ember.s3.secret", "letmein").config("ember.sql.adaptive.enabled", false).getOrCreate();
        WebDriver browser = Browser.open(profile);
        try {
            session.sql("SELECT id % 5 AS k, count(*) AS n FROM range(0, 1000, 1, 4) GROUP BY id % 5").collectAsList();
            assertTrue(session.events().waitUntilEmpty(10_000));
            String url = session.conf().get(ApplicationUi.WEB_URL, null);

            browser.get(url);
            assertEquals("Jobs", browser.findElement(By.tagName("h2")).getText(), "the root opens the jobs page");
            List<WebElement> jobs = browser.findElements(By.cssSelector("#jobs tbody tr"));
            assertEquals(1, jobs.size());
            assertTrue(jobs.get(0).getText().contains("SUCCEEDED"), jobs.get(0).getText());
            assertTrue(jobs.get(0).getText().contains("SELECT id % 5"), jobs.get(0).getText());

            jobs.get(0).findElement(By.tagName("a")).click();
            List<WebElement> stages = browser.findElements(By.cssSelector("#stages tbody tr"));
            assertEquals(2, stages.size(), "a map stage and a result stage");
            String mapStage = stages.stream().map(WebElement::getText).filter(t -> t.contains("map stage")).findFirst().orElseThrow();
            assertTrue(mapStage.contains("4/4"), "four tasks for four range partitions: " + mapStage);

            browser.findElement(By.linkText("Stages")).click();
            browser.findElement(By.partialLinkText("map stage")).click();
            assertEquals(4, browser.findElements(By.cssSelector("#tasks tbody tr")).size());
            assertTrue(browser.findElement(By.id("summary")).getText().contains("Shuffle Write Size"));

            browser.findElement(By.linkText("SQL")).click();
            browser.findElement(By.partialLinkText("SELECT id % 5")).click();
            String plan = browser.findElement(By.id("final-plan")).getText();
            assertTrue(plan.contains("HashAggregate") && plan.contains("Exchange"), plan);

            browser.findElement(By.linkText("Environment")).click();
            String properties = browser.findElement(By.id("properties")).getText();
            assertTrue(properties.contains("ember.s3.secret *********(redacted)"), properties);
            assertFalse(browser.getPageSource().contains("letmein"));

            // A cached DataFrame: the executors page shows the driver's storage memory used (its next heartbeat's), and the total.
            assertEquals(1000, session.sql("SELECT id FROM range(0, 1000, 1, 2)").cache().count());
            String driver;
            long deadline = System.currentTimeMillis() + 10_000;
            do {
                browser.findElement(By.linkText("Executors")).click();
                driver = browser.findElement(By.cssSelector("#executors tbody tr")).getText();
            } while (driver.contains(" 0 B / ") && System.currentTimeMillis() < deadline);
            assertTrue(driver.startsWith("driver localhost Active 2 ") && !driver.contains(" 0 B / "), driver);
            String total = browser.findElements(By.cssSelector("#summary tbody tr")).get(2).getText();
            assertTrue(total.startsWith("Total(1) 2 ") && !total.contains(" 0 B / "), total);
        } finally {
            browser.quit();
            session.stop();
        }
    }
}
