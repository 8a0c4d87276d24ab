package dev.ember.io.s3;

import dev.ember.fs.Location;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns the SDK's unchecked exceptions into the {@link IOException}s the filesystem interface
 * declares, each naming the location, so that callers report {@code PATH_NOT_FOUND} or
 * {@code IO_ERROR} for the user's path rather than an SDK stack trace.
 */
final class S3Errors {
    private S3Errors() {
    }

    static IOException translate(String operation, Location location, SdkException e) {
        IOException translated;
        if (e instanceof NoSuchBucketException || e instanceof S3Exception s3 && "NoSuchBucket".equals(errorCode(s3))) {
            translated = new NoSuchFileException(location.toString(), null, "bucket " + location.authority() + " does not exist");
        } else if (e instanceof S3Exception s3 && s3.statusCode() == 404) {
            translated = new NoSuchFileException(location.toString());
        } else if (e instanceof S3Exception s3 && s3.statusCode() == 403) {
            translated = new AccessDeniedException(location.toString(), null, "access denied (" + describe(s3) + ")");
        } else if (e instanceof S3Exception s3) {
            translated = new IOException(operation + " " + location + ": " + describe(s3));
        } else {
            // Client-side: unreachable endpoint, unknown host, time-outs, bad credentials configuration.
            translated = new IOException(operation + " " + location + ": " + e.getMessage());
        }
        translated.initCause(e);
        return translated;
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static String describe(S3Exception e) {
        String code = errorCode(e);
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return "HTTP " + e.statusCode() + (code == null ? "" : " " + code) + (message == null ? "" : ": " + message);
    }
}
