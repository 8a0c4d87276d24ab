package dev.ember.io.s3;

import dev.ember.fs.InputFile;
import dev.ember.fs.Location;
import dev.ember.fs.SeekableInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.exception.SdkException;

/** An object to read; its length comes from the listing that found it, or from one HEAD request when first needed. */
final class S3InputFile implements InputFile {
    private final S3Bucket bucket;
    private final Location location;
    private volatile long length;

    S3InputFile(S3Bucket bucket, Location location, long knownLength) {
        this.bucket = bucket;
        this.location = location;
        this.length = knownLength;
    }

    @Override
    public Location location() {
        return location;
    }

    @Override
    public long length() throws IOException {
        if (length < 0) {
            try {
                length = bucket.client().headObject(b -> b.bucket(bucket.name()).key(location.path())).contentLength();
            } catch (SdkException e) {
                throw S3Errors.translate("Reading", location, e);
            }
        }
        return length;
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
        return new S3InputStream(bucket.client(), location, bucket.name(), location.path(), length(), bucket.readahead());
    }
}
