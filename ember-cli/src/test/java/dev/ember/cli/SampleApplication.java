package dev.ember.cli;

import java.util.List;

/** An application for {@code ember submit} tests: records how it was started. */
public final class SampleApplication {
    static volatile List<String> arguments;
    static volatile String master;
    static volatile ClassLoader contextClassLoader;

    private SampleApplication() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("fail")) {
            throw new IllegalStateException("the application failed on purpose");
        }
        arguments = List.of(args);
        master = System.getProperty("ember.master");
        contextClassLoader = Thread.currentThread().getContextClassLoader();
    }
}
