package dev.ember.ui;

import static dev.ember.ui.Html.escape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Serves the finished applications of an event log directory ({@code ember history}): a list at
 * {@code /}, each application's pages under {@code /history/APP_ID/}, replayed from its log when
 * first asked for, and the REST API at {@code /api/v1/applications}.
 */
public final class HistoryServer implements AutoCloseable {
    private final Path directory;
    private final Map<String, AppUi> loaded = new ConcurrentHashMap<>();
    private final WebServer server;

    public HistoryServer(Path directory, int port) {
        this.directory = directory;
        this.server = WebServer.start("0.0.0.0", port, "ember-history", this::route);
    }

    public int port() {
        return server.port();
    }

    private WebServer.Response route(String path, String query) throws IOException {
        if (path.equals("/")) {
            return WebServer.Response.html(listing());
        }
        if (path.equals("/api/v1/applications") || path.equals("/api/v1/applications/")) {
            List<Object> all = new ArrayList<>();
            for (String id : finished()) {
                all.add(ui(id).applicationInfo());
            }
            return WebServer.Response.json(Json.MAPPER.writeValueAsString(all));
        }
        if (path.startsWith("/api/v1/applications/")) {
            String rest = path.substring("/api/v1/applications/".length());
            int slash = rest.indexOf('/');
            AppUi ui = ui(slash < 0 ? rest : rest.substring(0, slash));
            return ui == null ? null : ui.api(slash < 0 ? "" : rest.substring(slash));
        }
        if (path.startsWith("/history/")) {
            String rest = path.substring("/history/".length());
            int slash = rest.indexOf('/');
            AppUi ui = ui(slash < 0 ? rest : rest.substring(0, slash));
            return ui == null ? null : ui.page(slash < 0 ? "/" : rest.substring(slash), WebServer.parameters(query));
        }
        return null;
    }

    /** The application's pages, replayed from its log once; {@code null} when there is no finished log of that id. */
    private AppUi ui(String appId) throws IOException {
        if (!finished().contains(appId)) {
            return null;
        }
        AppUi ui = loaded.get(appId);
        if (ui == null) {
            ui = new AppUi(EventLog.replay(directory.resolve(appId)), "/history/" + appId);
            loaded.put(appId, ui);
        }
        return ui;
    }

    /** The ids of applications whose log is complete, newest first. */
    private List<String> finished() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(name -> !name.endsWith(EventLog.IN_PROGRESS) && !name.startsWith(".")).sorted(java.util.Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String listing() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String id : finished()) {
            Map<String, Object> info = ui(id).applicationInfo();
            @SuppressWarnings("unchecked")
            Map<String, Object> attempt = ((List<Map<String, Object>>) info.get("attempts")).get(0);
            rows.add(List.of(Html.link("/history/" + id + "/jobs/", id), escape(info.get("name")), Html.time((Long) attempt.get("startTime")),
                    Html.time((Long) attempt.get("endTime")), escape(attempt.get("sparkUser"))));
        }
        return Html.page("History Server", List.of(), "<p>Event log directory: " + escape(directory) + "</p>"
                + Html.table("applications", List.of("App ID", "App Name", "Started", "Completed", "Spark User"), rows));
    }

    @Override
    public void close() {
        server.close();
    }
}
