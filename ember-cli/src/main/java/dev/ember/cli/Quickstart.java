package dev.ember.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** {@code ember quickstart}: a guided first run in a scratch directory. */
public final class Quickstart {
    private Quickstart() {
    }

    /** Runs the quickstart in {@code workDir}, printing its narrative to {@code out}. */
    public static void run(Path workDir, PrintStream out) throws IOException {
        out.println("quickstart coming");
    }
}
