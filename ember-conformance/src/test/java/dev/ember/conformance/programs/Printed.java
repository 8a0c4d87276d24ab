package dev.ember.conformance.programs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What an action prints to standard output ({@code show}, {@code printSchema}), to compare it as a
 * value. Spark prints through Scala's {@code Console}, which keeps its own stream, so both are redirected.
 */
final class Printed {
    private Printed() {
    }

    static synchronized String by(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            scala.Console.withOut(capture, () -> {
                action.run();
                return null;
            });
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
