package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What the spilling tests share: sessions with a memory budget and a local directory of their own, and the check that nothing was left there. */
final class SpillTestSessions {
    private SpillTestSessions() {
    }

    /** A local[2] session with {@code memory} as its executor memory, spilling under {@code localDirectory}; {@code settings} are more key-value pairs. */
    static EmberSession session(Path localDirectory, String memory, String... settings) {
        EmberSession.Builder builder = EmberSession.builder().master("local[2]").config("ember.executor.memory", memory)
                .config("ember.local.dir", localDirectory.toString());
        for (int i = 0; i < settings.length; i += 2) {
            builder.config(settings[i], settings[i + 1]);
        }
        return builder.getOrCreate();
    }

    /** Asserts that no file or directory is left under {@code localDirectory} (the spill files of finished tasks are deleted). */
    static void assertNothingLeftIn(Path localDirectory) {
        if (Files.exists(localDirectory)) {
            try (Stream<Path> files = Files.walk(localDirectory)) {
                assertThat(files.filter(path -> !path.equals(localDirectory)).toList()).as("files left").isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
