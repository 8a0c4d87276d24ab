package dev.ember.examples;

import dev.ember.sql.EmberSession;
import java.io.PrintWriter;
import java.util.List;

/**
 * A runnable example: {@code ember example NAME ARGS...}, or {@code ember submit --class} with its
 * class (each has a {@code main}). Its printed output is stable, so that scripts can read it.
 */
public interface Example {
    /** The name {@code ember example} knows it by. */
    String name();

    /** Its arguments, as a usage line shows them. */
    String usage();

    /** What it does, in one line. */
    String description();

    /** Runs on {@code ember}, printing its results to {@code out}. Bad arguments throw {@link IllegalArgumentException}. */
    void run(EmberSession ember, List<String> args, PrintWriter out) throws Exception;

    /** The {@code main} of an example: a session from the launcher's settings, then the example. */
    static void main(Example example, String[] args) throws Exception {
        try (EmberSession ember = EmberSession.builder().appName(example.name()).getOrCreate()) {
            PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.Charset.defaultCharset());
            example.run(ember, List.of(args), out);
            out.flush();
        }
    }
}
