package dev.ember.fs;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that can jump to any position of its file. */
public abstract class SeekableInputStream extends InputStream {
    /** The position of the next byte read. */
    public abstract long position() throws IOException;

    public abstract void seek(long position) throws IOException;

    /** Reads exactly {@code length} bytes. @throws EOFException when the file ends first */
    public void readFully(byte[] target, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int read = read(target, offset + done, length - done);
            if (read < 0) {
                throw new EOFException("end of file after " + done + " of " + length + " bytes");
            }
            done += read;
        }
    }
}
