package dev.ember.fs;

import java.io.IOException;

/** A file to read, from any position. */
public interface InputFile {
    Location location();

    long length() throws IOException;

    /** A new stream positioned at the start of the file; each reader opens its own. */
    SeekableInputStream newStream() throws IOException;
}
