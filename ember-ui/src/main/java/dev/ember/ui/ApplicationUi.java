package dev.ember.ui;

import dev.ember.config.EmberConf;
import dev.ember.config.SslOptions;
import dev.ember.events.SessionPlugin;
import java.io.IOException;
import java.util.List;

/**
 * The live web UI of an application (Spark's on port 4040): {@code ember.ui.enabled} (true),
 * {@code ember.ui.port} (4040, or the next free port). Its address is printed, and set as
 * {@code ember.ui.webUrl} in the session's settings. Over HTTPS with {@code ember.ssl.ui.enabled}
 * (or {@code ember.ssl.enabled}), see {@link SslOptions}.
 */
public final class ApplicationUi implements SessionPlugin {
    public static final String ENABLED = "ember.ui.enabled";
    public static final String PORT = "ember.ui.port";
    public static final String WEB_URL = "ember.ui.webUrl";

    @Override
    public AutoCloseable start(Application application) {
        EmberConf conf = application.conf();
        if (!conf.booleanValue(ENABLED, true)) {
            return null;
        }
        AppStatus status = new AppStatus();
        application.events().addListener(status);
        AppUi ui = new AppUi(status, "");
        WebServer server = WebServer.start("0.0.0.0", conf.intValue(PORT, 4040), "ember-ui", SslOptions.of(conf, "ui"),
                (path, query) -> route(ui, path, query));
        String url = server.url(conf.get("ember.driver.host", "localhost"));
        conf.set(WEB_URL, url);
        System.err.println("Ember UI at " + url);
        return server;
    }

    static WebServer.Response route(AppUi ui, String path, String query) throws IOException {
        if (path.equals("/")) {
            return WebServer.Response.redirect("/jobs/");
        }
        if (path.equals("/api/v1/applications") || path.equals("/api/v1/applications/")) {
            return WebServer.Response.json(Json.MAPPER.writeValueAsString(List.of(ui.applicationInfo())));
        }
        if (path.startsWith("/api/v1/applications/")) {
            String rest = path.substring("/api/v1/applications/".length());
            int slash = rest.indexOf('/');
            return ui.api(slash < 0 ? "" : rest.substring(slash));
        }
        return ui.page(path, WebServer.parameters(query));
    }
}
