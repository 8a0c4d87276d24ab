package dev.ember.fs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Local disks and whatever is mounted on them (NFS included): {@code file:} locations. */
public final class LocalFileSystem implements FileSystem {
    public static final LocalFileSystem INSTANCE = new LocalFileSystem();

    private LocalFileSystem() {
    }

    @Override
    public List<FileEntry> listFiles(Location location) throws IOException {
        Path path = location.toLocalPath();
        if (!Files.exists(path)) {
            // Also when a parent is a file, which the attributes call reports as another error.
            throw new NoSuchFileException(path.toString());
        }
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (!attributes.isDirectory()) {
            return List.of(new FileEntry(location, attributes.size()));
        }
        List<FileEntry> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                files.add(new FileEntry(Location.local(file), Files.size(file)));
            }
        }
        return files;
    }

    @Override
    public boolean exists(Location location) {
        return Files.exists(location.toLocalPath());
    }

    @Override
    public InputFile newInputFile(FileEntry file) {
        return new LocalInputFile(file.location(), file.length());
    }

    @Override
    public InputFile newInputFile(Location location) {
        return new LocalInputFile(location, -1);
    }

    @Override
    public OutputStream create(Location location) throws IOException {
        Path path = location.toLocalPath();
        Files.createDirectories(path.getParent());
        return new BufferedOutputStream(Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 64 * 1024);
    }

    @Override
    public void rename(Location source, Location target) throws IOException {
        Path to = target.toLocalPath();
        Files.createDirectories(to.getParent());
        Files.move(source.toLocalPath(), to, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void deleteRecursively(Location location) throws IOException {
        deleteTree(location.toLocalPath());
    }

    /** Deletes {@code path} and, if a directory, everything under it; nothing when it does not exist. */
    public static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public boolean renamesAtomically() {
        return true;
    }

    private record LocalInputFile(Location location, long knownLength) implements InputFile {
        @Override
        public long length() throws IOException {
            return knownLength >= 0 ? knownLength : Files.size(location.toLocalPath());
        }

        @Override
        public SeekableInputStream newStream() throws IOException {
            Path path = location.toLocalPath();
            if (Files.isDirectory(path)) {
                throw new IOException("is a directory");
            }
            return new ChannelInputStream(FileChannel.open(path, StandardOpenOption.READ));
        }
    }

    /** Reads a file channel directly: readers buffer as suits their format. */
    private static final class ChannelInputStream extends SeekableInputStream {
        private final FileChannel channel;

        ChannelInputStream(FileChannel channel) {
            this.channel = channel;
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
            return channel.read(ByteBuffer.wrap(target, offset, length));
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = Math.max(0, Math.min(n, channel.size() - channel.position()));
            channel.position(channel.position() + skipped);
            return skipped;
        }

        @Override
        public long position() throws IOException {
            return channel.position();
        }

        @Override
        public void seek(long position) throws IOException {
            channel.position(position);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
