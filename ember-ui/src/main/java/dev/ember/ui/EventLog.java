package dev.ember.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ember.config.EmberConf;
import dev.ember.events.EmberEvent;
import dev.ember.events.EmberListener;
import dev.ember.events.SessionPlugin;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event log (Spark's {@code spark.eventLog.*}): with {@code ember.eventLog.enabled}, each
 * application writes its events as JSON lines, {@code {"Event":"JobStart",...}}, to
 * {@code ember.eventLog.dir}/APP_ID.inprogress, renamed to APP_ID when the application ends; the
 * history server replays such files. Settings in it were redacted before they were posted.
 */
public final class EventLog implements SessionPlugin {
    public static final String ENABLED = "ember.eventLog.enabled";
    public static final String DIR = "ember.eventLog.dir";
    public static final String DEFAULT_DIR = "/tmp/ember-events";
    static final String IN_PROGRESS = ".inprogress";
    private static final Map<String, Class<?>> EVENT_TYPES = Arrays.stream(EmberEvent.class.getPermittedSubclasses())
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    @Override
    public AutoCloseable start(Application application) {
        EmberConf conf = application.conf();
        if (!conf.booleanValue(ENABLED, false)) {
            return null;
        }
        Path directory = directory(conf.get(DIR, DEFAULT_DIR));
        Writer writer = new Writer(directory, application.id());
        application.events().addListener(writer);
        return writer;
    }

    /** A directory setting as a path; {@code file:} URIs are accepted, as Spark's are. */
    static Path directory(String setting) {
        return setting.startsWith("file:") ? Path.of(java.net.URI.create(setting)) : Path.of(setting);
    }

    /** Writes one application's events, a line each, flushed per event so that a crash keeps what came before. */
    private static final class Writer implements EmberListener, AutoCloseable {
        private final Path inProgress;
        private final Path finished;
        private final BufferedWriter out;
        private boolean closed;

        Writer(Path directory, String appId) {
            this.inProgress = directory.resolve(appId + IN_PROGRESS);
            this.finished = directory.resolve(appId);
            try {
                Files.createDirectories(directory);
                this.out = Files.newBufferedWriter(inProgress, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the event log " + inProgress, e);
            }
        }

        @Override
        public synchronized void onEvent(EmberEvent event) {
            if (closed) {
                return;
            }
            try {
                out.write(toJson(event));
                out.newLine();
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Writing the event log " + inProgress, e);
            }
        }

        /** The bus has delivered everything by now: the log is complete, and gets its final name. */
        @Override
        public synchronized void close() throws IOException {
            if (!closed) {
                closed = true;
                out.close();
                Files.move(inProgress, finished, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    static String toJson(EmberEvent event) {
        ObjectNode line = Json.MAPPER.createObjectNode().put("Event", event.getClass().getSimpleName());
        line.setAll((ObjectNode) Json.MAPPER.valueToTree(event));
        return line.toString();
    }

    static EmberEvent fromJson(String line) throws IOException {
        JsonNode node = Json.MAPPER.readTree(line);
        Class<?> type = EVENT_TYPES.get(node.path("Event").asText());
        if (type == null) {
            return null; // an event of a newer version: skipped, as Spark's replay skips unknown events
        }
        ((ObjectNode) node).remove("Event");
        return (EmberEvent) Json.MAPPER.treeToValue(node, type);
    }

    /** The state an event log describes, replayed event by event; a torn last line (a crashed application) ends it. */
    public static AppStatus replay(Path file) throws IOException {
        AppStatus status = new AppStatus();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                EmberEvent event;
                try {
                    event = fromJson(line);
                } catch (IOException e) {
                    break;
                }
                if (event != null) {
                    status.onEvent(event);
                }
            }
        }
        return status;
    }
}
