package dev.ember.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.ember.config.SslOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's HTTP server on the first free port from the one asked for (as Spark's UI tries the
 * next port when 4040 is taken), answering every path through one {@link Handler} on two daemon threads.
 */
public final class WebServer implements AutoCloseable {
    /** How many ports after the first are tried, as Spark's {@code spark.port.maxRetries}. */
    private static final int PORT_RETRIES = 16;

    private final HttpServer server;
    private final ExecutorService threads;

    /** Answers one request: a response, or {@code null} for 404. */
    @FunctionalInterface
    public interface Handler {
        Response handle(String path, String query) throws IOException;
    }

    public record Response(int status, String contentType, String body) {
        public static Response html(String body) {
            return new Response(200, "text/html; charset=utf-8", body);
        }

        public static Response json(String body) {
            return new Response(200, "application/json", body);
        }

        public static Response redirect(String location) {
            return new Response(302, location, "");
        }
    }

    private WebServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Serves {@code handler} over HTTP on {@code host}, on {@code port} or the first free one after it (0 for any free port). */
    public static WebServer start(String host, int port, String name, Handler handler) {
        return start(host, port, name, SslOptions.disabled(), handler);
    }

    /** Serves {@code handler} as {@link #start(String, int, String, Handler)} does, over HTTPS when {@code tls} is enabled. */
    public static WebServer start(String host, int port, String name, SslOptions tls, Handler handler) {
        HttpServer server = bind(host, port, tls.enabled());
        if (server instanceof HttpsServer https) {
            https.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
        }
        ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, name + "-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", exchange -> answer(exchange, handler));
        server.start();
        return new WebServer(server, threads);
    }

    private static HttpServer bind(String host, int port, boolean https) {
        for (int attempt = 0; ; attempt++) {
            InetSocketAddress address = new InetSocketAddress(host, port == 0 ? 0 : port + attempt);
            try {
                return https ? HttpsServer.create(address, 0) : HttpServer.create(address, 0);
            } catch (BindException e) {
                if (port == 0 || attempt >= PORT_RETRIES) {
                    throw new UncheckedIOException("no free port for the web UI from " + port, e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void answer(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            Response response;
            try {
                response = handler.handle(exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery());
            } catch (RuntimeException e) {
                response = new Response(500, "text/plain; charset=utf-8", "Error: " + e);
            }
            if (response == null) {
                response = new Response(404, "text/plain; charset=utf-8", "Not found: " + exchange.getRequestURI().getPath());
            }
            if (response.status() == 302) {
                exchange.getResponseHeaders().set("Location", response.contentType());
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The parameters of a query string. */
    public static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Its address as reached at {@code host}: {@code http://host:port}, or {@code https://} over TLS. */
    public String url(String host) {
        return (server instanceof HttpsServer ? "https" : "http") + "://" + host + ":" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
