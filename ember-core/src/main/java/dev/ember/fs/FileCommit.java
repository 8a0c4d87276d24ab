package dev.ember.fs;

import java.io.IOException;

/**
 * The parts of the commit protocol of file writes: a job's tasks write into a hidden staging
 * directory beside the destination; once all succeeded the job moves the files into place and
 * marks the destination complete with {@code _SUCCESS}. Readers skip hidden and {@code _} files.
 */
public final class FileCommit {
    public static final String SUCCESS_MARKER = "_SUCCESS";

    private FileCommit() {
    }

    /** The staging directory of job {@code jobId} writing to {@code destination}: dot-prefixed, so never read as data. */
    public static Location stagingDirectory(Location destination, String jobId) {
        return destination.parent().resolve("." + destination.fileName() + ".ember-staging-" + jobId);
    }

    /** Writes (or rewrites) the destination's {@code _SUCCESS} marker. */
    public static void markSuccess(FileSystem fileSystem, Location destination) throws IOException {
        Location success = destination.resolve(SUCCESS_MARKER);
        fileSystem.deleteRecursively(success);
        fileSystem.create(success).close();
    }

    /** Whether a file is data, not a marker or a hidden leftover ({@code _SUCCESS}, {@code .staging}). */
    public static boolean isDataFile(Location file) {
        String name = file.fileName();
        return !name.startsWith("_") && !name.startsWith(".");
    }
}
