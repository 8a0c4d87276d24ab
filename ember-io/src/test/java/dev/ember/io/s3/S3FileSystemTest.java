package dev.ember.io.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.fs.Abortable;
import dev.ember.fs.FileEntry;
import dev.ember.fs.FileSystem;
import dev.ember.fs.FileSystems;
import dev.ember.fs.InputFile;
import dev.ember.fs.Location;
import dev.ember.fs.SeekableInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class S3FileSystemTest {
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private static S3TestServer server;

    private String bucket;
    private S3FileSystem fs;

    @BeforeAll
    static void startServer() throws Exception {
        server = new S3TestServer();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void newBucket() {
        bucket = "bucket-" + BUCKETS.incrementAndGet();
        server.createBucket(bucket);
        fs = new S3FileSystem(server.settings());
    }

    private Location at(String key) {
        return Location.of("s3a://" + bucket + "/" + key);
    }

    private static S3FileSystem withSettings(Map<String, String> changes) {
        Map<String, String> settings = new HashMap<>(server.settings());
        settings.putAll(changes);
        return new S3FileSystem(settings);
    }

    private void write(FileSystem fileSystem, Location location, byte[] bytes) throws IOException {
        try (OutputStream out = fileSystem.create(location)) {
            out.write(bytes);
        }
    }

    private void write(String key, String text) throws IOException {
        write(fs, at(key), text.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] read(Location location) throws IOException {
        try (SeekableInputStream in = fs.newInputFile(location).newStream()) {
            return in.readAllBytes();
        }
    }

    /** A directory marker, as s3a's mkdirs and the S3 console create them. */
    private void putMarker(String key) {
        fs.bucket(at(key)).client().putObject(b -> b.bucket(bucket).key(key), software.amazon.awssdk.core.sync.RequestBody.empty());
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    @Test
    void listsEveryObjectUnderAPrefixAcrossPagesSkippingMarkers() throws IOException {
        S3FileSystem paged = withSettings(Map.of("fs.s3a.paging.maximum", "2"));
        write("data/a.csv", "1");
        write("data/b/c.csv", "22");
        write("data/d.csv", "333");
        putMarker("data/e/");
        write("data2/x.csv", "not under data/");

        List<FileEntry> files = paged.listFiles(at("data"));

        assertThat(files).containsExactly(new FileEntry(at("data/a.csv"), 1), new FileEntry(at("data/b/c.csv"), 2),
                new FileEntry(at("data/d.csv"), 3));
        assertThat(paged.listFiles(at("data/b/c.csv"))).containsExactly(new FileEntry(at("data/b/c.csv"), 2));
        assertThat(paged.listFiles(at("data/e"))).isEmpty();
        assertThat(paged.listFiles(Location.of("s3a://" + bucket))).hasSize(4);
    }

    @Test
    void listingNothingOrAMissingBucketIsNoSuchFile() {
        assertThatThrownBy(() -> fs.listFiles(at("missing"))).isInstanceOf(NoSuchFileException.class).hasMessageContaining(at("missing").toString());
        Location noBucket = Location.of("s3a://no-such-bucket/data");
        assertThatThrownBy(() -> fs.listFiles(noBucket)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("s3a://no-such-bucket/data").hasMessageContaining("bucket no-such-bucket does not exist");
    }

    @Test
    void existsForObjectsAndNonEmptyPrefixesOnly() throws IOException {
        write("dir/file.txt", "x");
        assertThat(fs.exists(at("dir"))).isTrue();
        assertThat(fs.exists(at("dir/file.txt"))).isTrue();
        assertThat(fs.exists(at("di"))).isFalse();
        assertThat(fs.exists(at("dir/file"))).isFalse();
    }

    @Test
    void createdObjectAppearsOnlyWhenClosedAndNeverAfterAbort() throws IOException {
        OutputStream out = fs.create(at("out/part-0"));
        out.write("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(fs.exists(at("out/part-0"))).isFalse();
        out.close();
        out.close();
        assertThat(read(at("out/part-0"))).asString(StandardCharsets.UTF_8).isEqualTo("hello");
        assertThatThrownBy(() -> fs.create(at("out/part-0"))).isInstanceOf(FileAlreadyExistsException.class);

        OutputStream aborted = fs.create(at("out/part-1"));
        aborted.write(new byte[1000]);
        Abortable.abort(aborted);
        aborted.close();
        assertThat(fs.exists(at("out/part-1"))).isFalse();
        assertThat(fs.listFiles(at("out"))).extracting(FileEntry::location).containsExactly(at("out/part-0"));
    }

    @Test
    void largeFilesUploadAndCopyInParts() throws IOException {
        S3FileSystem parts = withSettings(Map.of("fs.s3a.multipart.threshold", "5M", "fs.s3a.multipart.size", "5M"));
        byte[] bytes = randomBytes(11 << 20);
        write(parts, at("big/file"), bytes);
        assertThat(parts.listFiles(at("big"))).containsExactly(new FileEntry(at("big/file"), bytes.length));
        assertThat(read(at("big/file"))).isEqualTo(bytes);

        parts.rename(at("big"), at("moved"));
        assertThat(read(at("moved/file"))).isEqualTo(bytes);
        assertThat(parts.exists(at("big"))).isFalse();
    }

    @Test
    void seeksAndPositionedReadsReturnTheRightBytes() throws IOException {
        byte[] bytes = randomBytes(3 << 20);
        write(fs, at("blob"), bytes);
        InputFile file = fs.newInputFile(at("blob"));
        assertThat(file.length()).isEqualTo(bytes.length);
        Random random = new Random(7);
        try (SeekableInputStream in = file.newStream()) {
            for (int i = 0; i < 50; i++) {
                int position = random.nextInt(bytes.length);
                int length = Math.min(bytes.length - position, random.nextInt(i % 2 == 0 ? 100 : 200_000));
                byte[] target = new byte[length];
                in.seek(position);
                in.readFully(target, 0, length);
                assertThat(target).isEqualTo(Arrays.copyOfRange(bytes, position, position + length));
                assertThat(in.position()).isEqualTo(position + length);
            }
            in.seek(bytes.length - 2);
            assertThat(in.read()).isEqualTo(bytes[bytes.length - 2] & 0xff);
            assertThat(in.read()).isEqualTo(bytes[bytes.length - 1] & 0xff);
            assertThat(in.read()).isEqualTo(-1);
            in.seek(bytes.length - 3);
            assertThatThrownBy(() -> in.readFully(new byte[4], 0, 4)).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void shortForwardSeeksReuseTheOpenResponseAndRandomReadsAskForSmallRanges() throws IOException {
        byte[] bytes = randomBytes(4 << 20);
        write(fs, at("blob"), bytes);
        try (S3InputStream in = (S3InputStream) fs.newInputFile(new FileEntry(at("blob"), bytes.length)).newStream()) {
            byte[] small = new byte[100];
            in.readFully(small, 0, 100);
            in.seek(500_000);
            in.readFully(small, 0, 100);
            assertThat(small).isEqualTo(Arrays.copyOfRange(bytes, 500_000, 500_100));
            assertThat(in.requests()).as("a skip within the open response").isEqualTo(1);

            in.seek(3_000_000);
            in.readFully(small, 0, 100);
            assertThat(in.requests()).as("a jump past the skip limit").isEqualTo(2);

            in.seek(1000);
            in.readFully(small, 0, 100);
            assertThat(in.requests()).as("a jump back").isEqualTo(3);
            assertThat(small).isEqualTo(Arrays.copyOfRange(bytes, 1000, 1100));
            in.seek(1050);
            in.readFully(small, 0, 100);
            assertThat(in.requests()).as("within the buffer").isEqualTo(3);

            // Now random: the range ends after the buffer's 64 KiB, so a read beyond needs a new range.
            in.seek(1000 + (200 << 10));
            in.readFully(small, 0, 100);
            assertThat(in.requests()).isEqualTo(4);
            assertThat(small).isEqualTo(Arrays.copyOfRange(bytes, 1000 + (200 << 10), 1100 + (200 << 10)));
        }
    }

    @Test
    void renamesDirectoriesAndFilesCopyingThenDeleting() throws IOException {
        write("staging/part-0", "a");
        write("staging/sub/part-1", "bb");
        putMarker("staging/empty/");
        write("staging-other/keep", "c");

        fs.rename(at("staging"), at("final"));

        assertThat(fs.listFiles(at("final"))).containsExactly(new FileEntry(at("final/part-0"), 1), new FileEntry(at("final/sub/part-1"), 2));
        assertThat(fs.exists(at("staging"))).isFalse();
        assertThat(fs.exists(at("staging-other/keep"))).isTrue();

        fs.rename(at("final/part-0"), at("single"));
        assertThat(read(at("single"))).asString(StandardCharsets.UTF_8).isEqualTo("a");
        assertThat(fs.exists(at("final/part-0"))).isFalse();

        assertThatThrownBy(() -> fs.rename(at("final"), at("staging-other"))).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> fs.rename(at("nothing"), at("elsewhere"))).isInstanceOf(NoSuchFileException.class);
        assertThat(fs.exists(at("final/sub/part-1"))).isTrue();
    }

    @Test
    void deletesEverythingUnderAPrefixInPages() throws IOException {
        S3FileSystem paged = withSettings(Map.of("fs.s3a.bulk.delete.page.size", "2"));
        for (int i = 0; i < 5; i++) {
            write("table/part-" + i, "x");
        }
        putMarker("table/");
        write("table2/part-0", "kept");

        paged.deleteRecursively(at("table"));
        paged.deleteRecursively(at("never-there"));
        paged.deleteRecursively(Location.of("s3a://no-such-bucket/x"));

        assertThat(paged.exists(at("table"))).isFalse();
        assertThat(paged.listFiles(Location.of("s3a://" + bucket))).extracting(FileEntry::location).containsExactly(at("table2/part-0"));
    }

    @Test
    void wrongKeysAreAccessDeniedNamingThePath() {
        S3FileSystem denied = withSettings(Map.of("fs.s3a.secret.key", "wrong"));
        assertThatThrownBy(() -> denied.listFiles(at("data"))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining(at("data").toString()).hasMessageContaining("403");
    }

    @Test
    void anUnreachableEndpointIsAnIOErrorNamingThePath() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        S3FileSystem unreachable = withSettings(Map.of("fs.s3a.endpoint", "127.0.0.1:" + closedPort,
                "fs.s3a.connection.ssl.enabled", "false", "fs.s3a.attempts.maximum", "1"));
        assertThatThrownBy(() -> unreachable.listFiles(at("data"))).isInstanceOf(IOException.class)
                .hasMessageContaining(at("data").toString());
    }

    @Test
    void perBucketSettingsOverrideTheGeneralOnes() throws IOException {
        write("data/a.csv", "1");
        S3FileSystem perBucket = withSettings(Map.of("fs.s3a.secret.key", "wrong", "fs.s3a.bucket." + bucket + ".secret.key", S3TestServer.SECRET_KEY));
        assertThat(perBucket.listFiles(at("data"))).hasSize(1);
        assertThatThrownBy(() -> perBucket.listFiles(Location.of("s3a://other-bucket/data"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void bothSchemesFindTheS3FileSystem() throws IOException {
        write("data/a.csv", "1");
        FileSystem s3 = FileSystems.of(Location.of("s3://" + bucket + "/data"), server.settings());
        assertThat(s3).isInstanceOf(S3FileSystem.class);
        assertThat(s3.listFiles(Location.of("s3://" + bucket + "/data")))
                .containsExactly(new FileEntry(Location.of("s3://" + bucket + "/data/a.csv"), 1));
        assertThat(FileSystems.of(at("x"), server.settings())).isInstanceOf(S3FileSystem.class);
    }
}
