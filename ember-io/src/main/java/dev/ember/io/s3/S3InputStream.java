package dev.ember.io.s3;

import dev.ember.fs.Location;
import dev.ember.fs.SeekableInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Reads an object through ranged GETs, opened lazily at the position of the next read. A seek only
 * moves the position: a short jump forward then skips bytes of the open response, a longer one or
 * a jump back opens a new range. After the first jump back the reader is taken to be a random one
 * (a columnar reader seeking from column chunk to column chunk), and ranges stop at what is asked
 * for, at least {@code readahead} bytes, instead of running to the end of the object. Small reads
 * go through a buffer, which also serves seeks within it without a request.
 */
final class S3InputStream extends SeekableInputStream {
    /** A forward jump up to this far reads through the open response rather than paying a new request. */
    private static final long SKIP_LIMIT = 1 << 20;
    private static final int BUFFER_SIZE = 64 * 1024;

    private final S3Client client;
    private final Location location;
    private final String bucket;
    private final String key;
    private final long length;
    private final long readahead;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private long bufferStart;
    private int bufferLength;
    private long position;
    private boolean random;
    private ResponseInputStream<GetObjectResponse> body;
    private long bodyPosition;
    private long bodyEnd;
    private int requests;
    private boolean closed;

    S3InputStream(S3Client client, Location location, String bucket, String key, long length, long readahead) {
        this.client = client;
        this.location = location;
        this.bucket = bucket;
        this.key = key;
        this.length = length;
        this.readahead = readahead;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public void seek(long newPosition) throws IOException {
        checkOpen();
        if (newPosition < 0) {
            throw new EOFException("negative position " + newPosition + " in " + location);
        }
        position = newPosition;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, length - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        long buffered = bufferStart + bufferLength - position;
        return position >= bufferStart && buffered > 0 ? (int) buffered : 0;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int count) throws IOException {
        checkOpen();
        if (count == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        if (available() == 0) {
            if (count >= BUFFER_SIZE) {
                int read = readBody(target, offset, (int) Math.min(count, length - position));
                position += read;
                return read;
            }
            bufferStart = position;
            bufferLength = 0;
            bufferLength = readBody(buffer, 0, (int) Math.min(BUFFER_SIZE, length - position));
        }
        int copied = Math.min(count, available());
        System.arraycopy(buffer, (int) (position - bufferStart), target, offset, copied);
        position += copied;
        return copied;
    }

    /**
     * Reads up to {@code count} bytes at {@code position} (which is before the end) from the
     * response, opening it as needed; a connection that breaks is reopened once.
     */
    private int readBody(byte[] target, int offset, int count) throws IOException {
        for (int attempt = 1; ; attempt++) {
            positionBody(count);
            int read;
            try {
                read = body.read(target, offset, (int) Math.min(count, bodyEnd - bodyPosition));
            } catch (IOException | SdkException e) {
                body.abort();
                closeQuietly(body);
                body = null;
                if (attempt == 1) {
                    continue;
                }
                throw e instanceof SdkException sdk ? S3Errors.translate("Reading", location, sdk) : (IOException) e;
            }
            if (read < 0) {
                throw new EOFException(location + " ended at " + bodyPosition + " before its length " + length + ": was it replaced while read?");
            }
            bodyPosition += read;
            return read;
        }
    }

    /** Makes the open response deliver the byte at {@code position}, reusing it when that is cheaper than a new request. */
    private void positionBody(int wanted) throws IOException {
        if (body != null && position >= bodyPosition && position < bodyEnd && position - bodyPosition <= SKIP_LIMIT) {
            skipBody(position - bodyPosition);
            return;
        }
        if (body != null) {
            random |= position < bodyPosition;
            closeBody();
        }
        long end = random ? Math.min(length, position + Math.max(wanted, readahead)) : length;
        GetObjectRequest request = GetObjectRequest.builder().bucket(bucket).key(key)
                .range("bytes=" + position + "-" + (end - 1)).build();
        try {
            body = client.getObject(request);
        } catch (SdkException e) {
            throw S3Errors.translate("Reading", location, e);
        }
        requests++;
        bodyPosition = position;
        bodyEnd = end;
    }

    private void skipBody(long n) throws IOException {
        try {
            body.skipNBytes(n);
        } catch (EOFException e) {
            throw new EOFException(location + " ended before its length " + length + ": was it replaced while read?");
        }
        bodyPosition += n;
    }

    /** Closes the response; one with much left unread is aborted, since draining it would cost more than a new connection. */
    private void closeBody() throws IOException {
        ResponseInputStream<GetObjectResponse> closing = body;
        body = null;
        if (bodyEnd - bodyPosition > SKIP_LIMIT) {
            closing.abort();
        }
        closeQuietly(closing);
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException | RuntimeException e) {
            // The response is abandoned either way; its connection is not reused.
        }
    }

    /** The GET requests made so far: how tests see that short seeks reuse the open response. */
    int requests() {
        return requests;
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("stream of " + location + " is closed");
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            if (body != null) {
                closeBody();
            }
        }
    }
}
