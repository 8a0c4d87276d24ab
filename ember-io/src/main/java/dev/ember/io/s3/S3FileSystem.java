package dev.ember.io.s3;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.fs.FileEntry;
import dev.ember.fs.FileSystem;
import dev.ember.fs.InputFile;
import dev.ember.fs.Location;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Amazon S3 and S3-compatible stores ({@code s3://bucket/key}, {@code s3a://bucket/key}) through
 * the AWS SDK, configured by Hadoop's {@code fs.s3a.*} settings. A "directory" is every object
 * under the prefix {@code key/}; marker objects (keys ending with {@code /}) are not files.
 * Renaming copies each object and then deletes the originals, so it is neither atomic nor cheap.
 */
final class S3FileSystem implements FileSystem {
    private final Map<String, String> settings;
    private final Map<S3ClientSettings, S3Client> clients = new ConcurrentHashMap<>();
    private final Map<String, S3Bucket> buckets = new ConcurrentHashMap<>();
    /** Copies of a rename run in parallel: each is one request of a round trip or more. */
    private final ThreadPoolExecutor copies;

    S3FileSystem(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
        int threads = Math.max(1, new BucketSettings(this.settings, "").integer("threads.max", 16));
        this.copies = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "ember-s3-copy");
            thread.setDaemon(true);
            return thread;
        });
        copies.allowCoreThreadTimeOut(true);
    }

    /** The bucket of a location, with the client its settings call for. */
    S3Bucket bucket(Location location) {
        String name = location.authority();
        if (name.isEmpty()) {
            throw EmberException.of(ErrorClass.IO_ERROR, "operation", "Resolving", "path", location,
                    "detail", "an S3 location names its bucket: " + location.scheme() + "://bucket/key");
        }
        return buckets.computeIfAbsent(name, bucket -> {
            BucketSettings bucketSettings = new BucketSettings(settings, bucket);
            S3Client client = clients.computeIfAbsent(S3ClientSettings.of(bucketSettings), S3ClientSettings::build);
            return S3Bucket.of(bucket, client, bucketSettings);
        });
    }

    @Override
    public List<FileEntry> listFiles(Location location) throws IOException {
        S3Bucket bucket = bucket(location);
        String key = location.path();
        try {
            List<S3Object> objects = objectsUnder(bucket, prefix(key));
            List<FileEntry> files = new ArrayList<>();
            for (S3Object object : objects) {
                if (!isMarker(object.key())) {
                    files.add(new FileEntry(location.resolve(object.key().substring(prefix(key).length())), object.size()));
                }
            }
            if (!objects.isEmpty() || key.isEmpty()) {
                files.sort(Comparator.comparing(FileEntry::location));
                return files;
            }
            long length = bucket.client().headObject(b -> b.bucket(bucket.name()).key(key)).contentLength();
            return List.of(new FileEntry(location, length));
        } catch (SdkException e) {
            throw S3Errors.translate("Listing", location, e);
        }
    }

    @Override
    public boolean exists(Location location) throws IOException {
        S3Bucket bucket = bucket(location);
        String key = location.path();
        try {
            boolean anyUnder = !bucket.client().listObjectsV2(b -> b.bucket(bucket.name()).prefix(prefix(key)).maxKeys(1)).contents().isEmpty();
            if (anyUnder || key.isEmpty()) {
                return anyUnder;
            }
            bucket.client().headObject(b -> b.bucket(bucket.name()).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (SdkException e) {
            throw S3Errors.translate("Checking", location, e);
        }
    }

    @Override
    public InputFile newInputFile(FileEntry file) {
        return new S3InputFile(bucket(file.location()), file.location(), file.length());
    }

    @Override
    public InputFile newInputFile(Location location) {
        return new S3InputFile(bucket(location), location, -1);
    }

    @Override
    public OutputStream create(Location location) throws IOException {
        S3Bucket bucket = bucket(location);
        requireKey(location);
        try {
            bucket.client().headObject(b -> b.bucket(bucket.name()).key(location.path()));
            throw new FileAlreadyExistsException(location.toString());
        } catch (NoSuchKeyException e) {
            return new S3OutputStream(bucket, location);
        } catch (SdkException e) {
            throw S3Errors.translate("Creating", location, e);
        }
    }

    /**
     * Copies every object under {@code source} (or the one object) to the same names under
     * {@code target}, in parallel, then deletes the originals. A failed copy removes the copies
     * already made and leaves the source as it was.
     */
    @Override
    public void rename(Location source, Location target) throws IOException {
        S3Bucket from = bucket(source);
        S3Bucket to = bucket(target);
        requireKey(source);
        requireKey(target);
        if (from.client() != to.client()) {
            throw new IOException("Renaming " + source + " to " + target + ": the buckets are configured apart (endpoint or credentials)");
        }
        List<S3Object> objects;
        try {
            objects = objectsUnder(from, prefix(source.path()));
            if (objects.isEmpty()) {
                long length = from.client().headObject(b -> b.bucket(from.name()).key(source.path())).contentLength();
                objects = List.of(S3Object.builder().key(source.path()).size(length).build());
            }
        } catch (SdkException e) {
            throw S3Errors.translate("Renaming", source, e);
        }
        if (exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        copyAll(from, to, source, target, objects);
        deleteKeys(from, source, objects.stream().map(S3Object::key).toList());
    }

    /** Copies the objects but markers, which a directory with files does not need. */
    private void copyAll(S3Bucket from, S3Bucket to, Location source, Location target, List<S3Object> objects) throws IOException {
        String sourceKey = source.path();
        List<Future<String>> pending = new ArrayList<>();
        for (S3Object object : objects) {
            if (isMarker(object.key())) {
                continue;
            }
            String targetKey = target.path() + object.key().substring(sourceKey.length());
            pending.add(copies.submit(() -> {
                copy(from, to, object, targetKey);
                return targetKey;
            }));
        }
        List<String> copied = new ArrayList<>();
        Throwable failure = null;
        for (Future<String> copy : pending) {
            try {
                copied.add(copy.get());
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            try {
                deleteKeys(to, target, copied);
            } catch (IOException cleanupFailure) {
                failure.addSuppressed(cleanupFailure);
            }
            if (failure instanceof SdkException sdk) {
                throw S3Errors.translate("Renaming", source, sdk);
            }
            throw new IOException("Renaming " + source + " to " + target + ": " + failure.getMessage(), failure);
        }
    }

    /**
     * One server-side copy. A single CopyObject takes at most 5 GiB; objects above the multipart
     * threshold are copied in parts (UploadPartCopy), as large uploads are.
     */
    private static void copy(S3Bucket from, S3Bucket to, S3Object object, String targetKey) {
        S3Client client = to.client();
        if (object.size() <= to.multipartThreshold()) {
            client.copyObject(b -> b.sourceBucket(from.name()).sourceKey(object.key()).destinationBucket(to.name()).destinationKey(targetKey));
            return;
        }
        String uploadId = client.createMultipartUpload(b -> b.bucket(to.name()).key(targetKey)).uploadId();
        try {
            // S3 takes at most 10,000 parts.
            long partSize = Math.max(to.partSize(), (object.size() + 9_999) / 10_000);
            List<CompletedPart> parts = new ArrayList<>();
            for (long start = 0; start < object.size(); start += partSize) {
                int number = parts.size() + 1;
                String range = "bytes=" + start + "-" + (Math.min(object.size(), start + partSize) - 1);
                String eTag = client.uploadPartCopy(b -> b.sourceBucket(from.name()).sourceKey(object.key())
                        .destinationBucket(to.name()).destinationKey(targetKey).uploadId(uploadId).partNumber(number)
                        .copySourceRange(range)).copyPartResult().eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
            }
            client.completeMultipartUpload(b -> b.bucket(to.name()).key(targetKey).uploadId(uploadId).multipartUpload(u -> u.parts(parts)));
        } catch (SdkException e) {
            try {
                client.abortMultipartUpload(b -> b.bucket(to.name()).key(targetKey).uploadId(uploadId));
            } catch (SdkException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    @Override
    public void deleteRecursively(Location location) throws IOException {
        S3Bucket bucket = bucket(location);
        requireKey(location);
        List<String> keys = new ArrayList<>();
        keys.add(location.path());
        try {
            objectsUnder(bucket, prefix(location.path())).forEach(object -> keys.add(object.key()));
        } catch (NoSuchBucketException e) {
            return;
        } catch (SdkException e) {
            throw S3Errors.translate("Deleting", location, e);
        }
        deleteKeys(bucket, location, keys);
    }

    /** Deletes keys in bulk requests of at most {@link S3Bucket#deletePageSize()} keys. */
    private static void deleteKeys(S3Bucket bucket, Location location, List<String> keys) throws IOException {
        for (int start = 0; start < keys.size(); start += bucket.deletePageSize()) {
            List<ObjectIdentifier> page = keys.subList(start, Math.min(keys.size(), start + bucket.deletePageSize())).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build()).toList();
            DeleteObjectsResponse response;
            try {
                response = bucket.client().deleteObjects(b -> b.bucket(bucket.name()).delete(d -> d.objects(page).quiet(true)));
            } catch (SdkException e) {
                throw S3Errors.translate("Deleting", location, e);
            }
            if (!response.errors().isEmpty()) {
                S3Error error = response.errors().get(0);
                throw new IOException("Deleting " + location + ": " + response.errors().size() + " objects not deleted, first "
                        + error.key() + ": " + error.code() + " " + error.message());
            }
        }
    }

    /** Every object whose key starts with {@code prefix}, page after page. */
    private static List<S3Object> objectsUnder(S3Bucket bucket, String prefix) {
        List<S3Object> objects = new ArrayList<>();
        bucket.client().listObjectsV2Paginator(b -> b.bucket(bucket.name()).prefix(prefix).maxKeys(bucket.listPageSize()))
                .contents().forEach(objects::add);
        return objects;
    }

    /** The prefix of the objects under a "directory": {@code key/}, or everything at the bucket's root. */
    private static String prefix(String key) {
        return key.isEmpty() ? "" : key + "/";
    }

    /** An empty object standing for a directory: {@code dir/}, or {@code dir_$folder$} as older Hadoop tools wrote. */
    private static boolean isMarker(String key) {
        return key.endsWith("/") || key.endsWith("_$folder$");
    }

    private static void requireKey(Location location) throws IOException {
        if (location.path().isEmpty()) {
            throw new IOException(location + " is the root of a bucket, not a file or directory in it");
        }
    }

    @Override
    public boolean renamesAtomically() {
        return false;
    }

    @Override
    public String toString() {
        return "S3FileSystem" + clients.keySet();
    }
}
