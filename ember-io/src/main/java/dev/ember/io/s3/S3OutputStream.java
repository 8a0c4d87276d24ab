package dev.ember.io.s3;

import dev.ember.fs.Abortable;
import dev.ember.fs.Location;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Writes an object: the bytes go to a local file first, and {@link #close()} uploads it, in one PUT
 * or, past the multipart threshold, in parts. The object appears whole at close or not at all;
 * {@link #abort()} and failed uploads leave nothing behind (an unfinished multipart upload is
 * aborted, so its parts are not kept and billed).
 */
final class S3OutputStream extends OutputStream implements Abortable {
    private final S3Bucket bucket;
    private final Location location;
    private final Path localFile;
    private final OutputStream out;
    private boolean closed;

    S3OutputStream(S3Bucket bucket, Location location) throws IOException {
        this.bucket = bucket;
        this.location = location;
        Files.createDirectories(bucket.bufferDirectory());
        this.localFile = Files.createTempFile(bucket.bufferDirectory(), "ember-s3-", ".upload");
        this.out = new BufferedOutputStream(Files.newOutputStream(localFile), 64 * 1024);
    }

    @Override
    public void write(int b) throws IOException {
        checkOpen();
        out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        checkOpen();
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
            upload(Files.size(localFile));
        } finally {
            Files.deleteIfExists(localFile);
        }
    }

    @Override
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
            Files.deleteIfExists(localFile);
        } catch (IOException e) {
            // A temporary file left behind is the worst case; the object was never created.
        }
    }

    private void upload(long size) throws IOException {
        try {
            if (size <= bucket.multipartThreshold()) {
                bucket.client().putObject(b -> b.bucket(bucket.name()).key(location.path()), RequestBody.fromFile(localFile));
            } else {
                uploadInParts(size);
            }
        } catch (SdkException e) {
            throw S3Errors.translate("Writing", location, e);
        }
    }

    private void uploadInParts(long size) {
        String key = location.path();
        String uploadId = bucket.client().createMultipartUpload(b -> b.bucket(bucket.name()).key(key)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long start = 0; start < size; start += bucket.partSize()) {
                int number = parts.size() + 1;
                long from = start;
                long length = Math.min(bucket.partSize(), size - start);
                String eTag = bucket.client().uploadPart(b -> b.bucket(bucket.name()).key(key).uploadId(uploadId).partNumber(number).contentLength(length),
                        RequestBody.fromContentProvider(() -> region(from, length), length, "application/octet-stream")).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
            }
            bucket.client().completeMultipartUpload(b -> b.bucket(bucket.name()).key(key).uploadId(uploadId).multipartUpload(u -> u.parts(parts)));
        } catch (SdkException | UncheckedIOException e) {
            try {
                bucket.client().abortMultipartUpload(b -> b.bucket(bucket.name()).key(key).uploadId(uploadId));
            } catch (SdkException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    /** The bytes of one part, read afresh each time the SDK asks (it asks again to retry). */
    private InputStream region(long start, long length) {
        try {
            return new FileRegion(FileChannel.open(localFile, StandardOpenOption.READ), start, start + length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("stream of " + location + " is closed");
        }
    }

    private static final class FileRegion extends InputStream {
        private final FileChannel channel;
        private final long end;
        private long position;

        FileRegion(FileChannel channel, long start, long end) {
            this.channel = channel;
            this.position = start;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (position >= end) {
                return -1;
            }
            int read = channel.read(ByteBuffer.wrap(target, offset, (int) Math.min(length, end - position)), position);
            if (read > 0) {
                position += read;
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
