package dev.ember.fs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;

/** A file to create on a filesystem: the one place a format writes to. */
public record OutputFile(FileSystem fileSystem, Location location) {
    public OutputFile {
        requireNonNull(fileSystem, "fileSystem is null");
        requireNonNull(location, "location is null");
    }

    /** Creates the file; see {@link FileSystem#create}. */
    public OutputStream create() throws IOException {
        return fileSystem.create(location);
    }
}
