package dev.ember.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ember.broadcast.Broadcast;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationUiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return response.body();
    }

    @Test
    void theRestApiAndPagesShowAQueryAndTheEventLogReplaysIntoTheHistoryServer(@TempDir Path events) throws Exception {
        String url;
        String appId;
        try (ServerSocket taken = new ServerSocket(0)) {
            EmberSession session = EmberSession.builder().master("local[2]").appName("ui test").config(ApplicationUi.PORT, taken.getLocalPort())
                    .config(EventLog.ENABLED, true).config(EventLog.DIR, events.toString()).config("ember.my.token", "tok3n").getOrCreate();
            try {
                url = session.conf().get(ApplicationUi.WEB_URL, null);
                assertFalse(url.endsWith(":" + taken.getLocalPort()), "the next free port when the asked one is taken");
                appId = session.applicationId();
                session.sql("SELECT id % 2 AS k, sum(id) AS s FROM range(0, 100, 1, 3) GROUP BY id % 2").collectAsList();
                assertTrue(session.events().waitUntilEmpty(10_000));
                assertTrue(Files.exists(events.resolve(appId + ".inprogress")));

                JsonNode jobs = Json.MAPPER.readTree(get(url + "/api/v1/applications/" + appId + "/jobs"));
                assertTrue(jobs.size() >= 1);
                assertEquals("SUCCEEDED", jobs.get(jobs.size() - 1).get("status").asText());
                JsonNode stages = Json.MAPPER.readTree(get(url + "/api/v1/applications/" + appId + "/stages"));
                assertTrue(stages.findValues("numTasks").stream().anyMatch(n -> n.asInt() == 3), stages.toString());
                JsonNode environment = Json.MAPPER.readTree(get(url + "/api/v1/applications/" + appId + "/environment"));
                assertTrue(environment.toString().contains("\"ember.my.token\",\"*********(redacted)\""), environment.toString());
                assertFalse(environment.toString().contains("tok3n"));
                String sql = get(url + "/SQL/");
                assertTrue(sql.contains("SELECT id % 2 AS k"), sql);
                assertTrue(get(url + "/SQL/execution/?id=0").contains("HashAggregate"));
                JsonNode execution = Json.MAPPER.readTree(get(url + "/api/v1/applications/" + appId + "/sql/0"));
                assertEquals("COMPLETED", execution.get("status").asText());
                JsonNode finalAggregate = java.util.stream.StreamSupport.stream(execution.get("nodes").spliterator(), false)
                        .filter(node -> node.get("nodeName").asText().startsWith("HashAggregate(f")).findFirst().orElseThrow();
                assertTrue(finalAggregate.get("metrics").toString().contains("{\"name\":\"number of output rows\",\"value\":\"2\"}"),
                        finalAggregate.toString());
                assertEquals(execution.get("nodes").size() - 1, execution.get("edges").size(), "a tree: an edge into every node but the root");
            } finally {
                session.stop();
            }
        }
        assertTrue(Files.exists(events.resolve(appId)), "renamed when the application ended");
        assertFalse(Files.readString(events.resolve(appId)).contains("tok3n"), "no secret in the event log");

        try (HistoryServer history = new HistoryServer(events, 0)) {
            String base = "http://localhost:" + history.port();
            assertTrue(get(base + "/").contains(appId));
            JsonNode apps = Json.MAPPER.readTree(get(base + "/api/v1/applications"));
            assertEquals("ui test", apps.get(0).get("name").asText());
            assertTrue(apps.get(0).get("attempts").get(0).get("completed").asBoolean());
            String replayed = get(base + "/history/" + appId + "/SQL/execution/?id=0");
            assertTrue(replayed.contains("isFinalPlan=true"));
            assertTrue(replayed.contains("count=100, splits=3) rows=100 time="), "metrics from the event log: " + replayed);
            String stagesPage = get(base + "/history/" + appId + "/stages/");
            assertTrue(stagesPage.contains("3/3"), stagesPage);
        }
    }

    @Test
    void theDriversStorageMemoryFollowsCachedDataAndBroadcastValuesAndMatchesTheStoragePage(@TempDir Path events) throws Exception {
        EmberSession session = EmberSession.builder().master("local[2]").appName("memory test").config(ApplicationUi.PORT, 0)
                .config(EventLog.ENABLED, true).config(EventLog.DIR, events.toString()).getOrCreate();
        String appId = session.applicationId();
        try {
            String api = session.conf().get(ApplicationUi.WEB_URL, null) + "/api/v1/applications/" + appId;
            assertTrue(session.events().waitUntilEmpty(10_000)); // the driver's ExecutorAdded reaches the UI through the bus
            JsonNode driver = Json.MAPPER.readTree(get(api + "/executors")).get(0);
            assertEquals("driver", driver.get("id").asText());
            assertEquals(0, driver.get("memoryUsed").asLong());
            assertEquals(session.memoryManager().maxMemory(), driver.get("maxMemory").asLong());
            assertEquals(driver.get("maxMemory").asLong(), driver.get("memoryMetrics").get("totalOnHeapStorageMemory").asLong());

            DataFrame cached = session.sql("SELECT id, id * 2 AS twice FROM range(0, 10000, 1, 4)").cache();
            assertEquals(10_000, cached.count());
            assertTrue(session.events().waitUntilEmpty(10_000));
            long storagePage = Json.MAPPER.readTree(get(api + "/storage")).findValues("memoryUsed").stream().mapToLong(JsonNode::asLong).sum();
            assertTrue(storagePage > 0);
            driver = awaitDriver(api, d -> d.get("memoryUsed").asLong() == storagePage);
            long cachedBytes = driver.get("memoryUsed").asLong();
            assertEquals(storagePage, cachedBytes, "the executors page counts what the storage page shows");
            assertEquals(cachedBytes, driver.get("memoryMetrics").get("usedOnHeapStorageMemory").asLong());

            Broadcast<long[]> values = session.context().broadcast(new long[1 << 16]);
            driver = awaitDriver(api, d -> d.get("memoryUsed").asLong() >= cachedBytes + (8 << 16));
            long withBroadcast = driver.get("memoryUsed").asLong();
            assertTrue(withBroadcast >= cachedBytes + (8 << 16), "a broadcast value counts: " + driver);
            String page = get(session.conf().get(ApplicationUi.WEB_URL, null) + "/executors/");
            String storageMemory = Html.bytes(withBroadcast) + " / " + Html.bytes(driver.get("maxMemory").asLong());
            assertTrue(page.contains("<td>Total(1)</td><td>2</td><td>" + storageMemory + "</td>"), page);
            assertTrue(page.contains("<td>driver</td><td>localhost</td><td>Active</td><td>2</td><td>" + storageMemory + "</td>"), page);

            values.destroy();
            assertEquals(cachedBytes, awaitDriver(api, d -> d.get("memoryUsed").asLong() == cachedBytes).get("memoryUsed").asLong(),
                    "a destroyed broadcast's memory is shown freed");
        } finally {
            session.stop();
        }
        try (HistoryServer history = new HistoryServer(events, 0)) {
            JsonNode replayed = Json.MAPPER.readTree(get("http://localhost:" + history.port() + "/api/v1/applications/" + appId + "/executors"));
            assertTrue(replayed.get(0).get("memoryUsed").asLong() > 0, "the event log keeps the reports: " + replayed);
        }
    }

    /** The driver as the executors API shows it once {@code condition} holds (heartbeats report memory every half second). */
    private static JsonNode awaitDriver(String api, java.util.function.Predicate<JsonNode> condition) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        JsonNode driver;
        do {
            driver = Json.MAPPER.readTree(get(api + "/executors")).get(0);
        } while (!condition.test(driver) && System.currentTimeMillis() < deadline && sleep(50));
        return driver;
    }

    private static boolean sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return true;
    }

    @Test
    void summaryQuantilesAreNearestRanks() {
        java.util.List<AppStatus.Task> tasks = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            AppStatus.Task task = new AppStatus.Task();
            task.launched = 0;
            task.finished = i * 10;
            tasks.add(task);
        }
        assertEquals(java.util.List.of(10L, 20L, 30L, 40L, 50L),
                java.util.Arrays.stream(AppUi.quantiles(tasks, AppStatus.Task::duration)).boxed().toList());
    }
}
