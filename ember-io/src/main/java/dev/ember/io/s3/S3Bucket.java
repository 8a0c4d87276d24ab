package dev.ember.io.s3;

import java.nio.file.Path;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One bucket with its client and the tunables of its settings.
 *
 * @param readahead the least a random reader's range request asks for ({@code fs.s3a.readahead.range})
 * @param multipartThreshold files larger than this are uploaded in parts ({@code fs.s3a.multipart.threshold})
 * @param partSize the size of each uploaded part ({@code fs.s3a.multipart.size}, at least S3's 5 MiB)
 * @param bufferDirectory where files being written wait for their upload ({@code fs.s3a.buffer.dir})
 * @param listPageSize keys per listing request ({@code fs.s3a.paging.maximum})
 * @param deletePageSize keys per bulk delete request ({@code fs.s3a.bulk.delete.page.size})
 */
record S3Bucket(String name, S3Client client, long readahead, long multipartThreshold, long partSize, Path bufferDirectory,
        int listPageSize, int deletePageSize) {
    /** S3 takes at most 1000 keys per listing page and per bulk delete. */
    static final int MAX_PAGE = 1000;
    /** S3's smallest part of a multipart upload, but the last. */
    static final long MIN_PART_SIZE = 5L << 20;

    static S3Bucket of(String name, S3Client client, BucketSettings settings) {
        String bufferDirectory = settings.get("buffer.dir", System.getProperty("java.io.tmpdir"));
        return new S3Bucket(name, client,
                settings.bytes("readahead.range", 64 << 10),
                settings.bytes("multipart.threshold", 128L << 20),
                Math.max(MIN_PART_SIZE, settings.bytes("multipart.size", 64L << 20)),
                Path.of(bufferDirectory.split(",")[0].trim()),
                Math.max(1, Math.min(MAX_PAGE, settings.integer("paging.maximum", MAX_PAGE))),
                Math.max(1, Math.min(MAX_PAGE, settings.integer("bulk.delete.page.size", MAX_PAGE))));
    }
}
