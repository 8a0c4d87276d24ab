package dev.ember.fs;

import java.util.Map;
import java.util.Set;

/**
 * Makes the filesystem of some URI schemes, found by {@link java.util.ServiceLoader}: a module
 * such as the S3 one registers itself without the core knowing it.
 */
public interface FileSystemFactory {
    /** The lower-case schemes served: {@code s3}, {@code s3a}. */
    Set<String> schemes();

    /** A filesystem configured by the session's filesystem settings ({@link FileSystems#settings}). */
    FileSystem create(Map<String, String> settings);
}
