package dev.ember.source;

import static java.util.Objects.requireNonNull;

import dev.ember.fs.FileEntry;
import dev.ember.fs.Location;
import java.io.Serializable;

/**
 * A byte range of one file that one task reads. A format that cannot split a file reads it from
 * {@code start == 0} to the end; a splittable one reads the records that begin in
 * {@code [start, start + length)}.
 */
public record FileSplit(Location location, long start, long length, long fileLength) implements Serializable {
    public FileSplit {
        requireNonNull(location, "location is null");
        if (start < 0 || length < 0 || start + length > fileLength) {
            throw new IllegalArgumentException("split [" + start + ", +" + length + ") outside file of " + fileLength + " bytes: " + location);
        }
    }

    public static FileSplit whole(FileEntry file) {
        return new FileSplit(file.location(), 0, file.length(), file.length());
    }

    public FileEntry file() {
        return new FileEntry(location, fileLength);
    }

    /** The location as users see it in messages. */
    public String path() {
        return location.toString();
    }

    public boolean isWholeFile() {
        return start == 0 && length == fileLength;
    }
}
