package dev.ember.source;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * A byte range of one file that one task reads. A format that cannot split a file reads it from
 * {@code start == 0} to the end; a splittable one reads the records that begin in
 * {@code [start, start + length)}.
 */
public record FileSplit(String path, long start, long length, long fileLength) implements Serializable {
    public FileSplit {
        requireNonNull(path, "path is null");
        if (start < 0 || length < 0 || start + length > fileLength) {
            throw new IllegalArgumentException("split [" + start + ", +" + length + ") outside file of " + fileLength + " bytes: " + path);
        }
    }

    public static FileSplit whole(String path, long fileLength) {
        return new FileSplit(path, 0, fileLength, fileLength);
    }

    public boolean isWholeFile() {
        return start == 0 && length == fileLength;
    }
}
