package dev.ember.io.s3;

import dev.ember.fs.FileSystem;
import dev.ember.fs.FileSystemFactory;
import java.util.Map;
import java.util.Set;

/** Serves {@code s3://} and {@code s3a://} locations alike; {@code s3a} is the name Hadoop and Spark users know. */
public final class S3FileSystemFactory implements FileSystemFactory {
    @Override
    public Set<String> schemes() {
        return Set.of("s3", "s3a");
    }

    @Override
    public FileSystem create(Map<String, String> settings) {
        return new S3FileSystem(settings);
    }
}
