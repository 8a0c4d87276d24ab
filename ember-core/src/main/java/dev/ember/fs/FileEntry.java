package dev.ember.fs;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/** A file found by a listing, with its length, so that planning need not ask the filesystem again. */
public record FileEntry(Location location, long length) implements Serializable {
    public FileEntry {
        requireNonNull(location, "location is null");
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length + " of " + location);
        }
    }
}
