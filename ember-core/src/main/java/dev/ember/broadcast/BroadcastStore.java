package dev.ember.broadcast;

import dev.ember.fs.LocalFileSystem;
import dev.ember.memory.MemoryManager;
import dev.ember.storage.ElementStreams;
import dev.ember.storage.SizeEstimator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * The broadcast values one process holds (the driver's own, or those an executor fetched), kept
 * as Spark's block manager keeps broadcast blocks (MEMORY_AND_DISK): a value's estimated size is
 * reserved as storage memory of the process's {@link MemoryManager}, evicting cached blocks as the
 * unified rules allow; when that is refused, the value is written serialized to a file of the
 * local directory and read back from there when used. Values in memory are themselves evicted to
 * disk, least recently used first, when storage or execution memory needs the room. A value that
 * cannot be serialized (a latch shared by local tasks) stays in memory whatever the budget.
 */
public final class BroadcastStore implements AutoCloseable {
    /** One value: in memory ({@code value}, holding {@code reserved} bytes) or only in {@code file}, or both. */
    private static final class Entry {
        private Object value;
        private long reserved;
        private Path file;

        boolean inMemory() {
            return file == null || reserved > 0;
        }
    }

    private final MemoryManager memory;
    private final Path localRoot;
    /** Where values this process does not hold come from (an executor's driver); {@code null} on the driver. */
    private final LongFunction<byte[]> remote;
    /** In access order: iteration starts at the least recently used value. */
    private final Map<Long, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    /** One lock per value being fetched, so that concurrent tasks fetch it once. */
    private final Map<Long, Object> fetching = new ConcurrentHashMap<>();
    private Path directory;

    /**
     * @param localRoot where the directory of values on disk is created (on first use; deleted by {@link #close})
     * @param remote where values not held here are fetched from, serialized; {@code null} when there is no such place
     */
    public BroadcastStore(MemoryManager memory, Path localRoot, LongFunction<byte[]> remote) {
        this.memory = memory;
        this.localRoot = localRoot;
        this.remote = remote;
        memory.addStorageEvictor(this::evict);
    }

    /** Holds {@code value} as broadcast {@code id}: in memory if storage memory can be reserved for it, else on disk. */
    public void put(long id, Object value) {
        store(id, value, null);
    }

    /**
     * The value of broadcast {@code id}: from memory, else read from its file (and held in memory
     * again when there is room), else fetched from the remote source.
     */
    public Object get(long id) {
        Entry entry = entry(id);
        if (entry != null) {
            return valueOf(id, entry);
        }
        if (remote == null) {
            throw new IllegalStateException("Failed to get broadcast_" + id);
        }
        synchronized (fetching.computeIfAbsent(id, missing -> new Object())) {
            try {
                entry = entry(id);
                if (entry != null) {
                    return valueOf(id, entry);
                }
                byte[] bytes = remote.apply(id);
                Object value = ElementStreams.readObject(bytes);
                store(id, value, bytes);
                return value;
            } finally {
                fetching.remove(id);
            }
        }
    }

    /** Whether broadcast {@code id} is held in memory (not only on disk, not missing). */
    public synchronized boolean inMemory(long id) {
        Entry entry = entries.get(id);
        return entry != null && entry.inMemory();
    }

    /** Drops broadcast {@code id}: its memory is released and its file deleted. */
    public void remove(long id) {
        Entry entry;
        synchronized (this) {
            entry = entries.remove(id);
        }
        if (entry != null) {
            discard(entry);
        }
    }

    private synchronized Entry entry(long id) {
        return entries.get(id);
    }

    /** Reserves the value's size (that of its serialized form too, when known) or writes it to disk. */
    private void store(long id, Object value, byte[] serialized) {
        Entry entry = new Entry();
        entry.value = value;
        long size = Math.max(SizeEstimator.estimate(value), serialized == null ? 0 : serialized.length);
        if (memory.acquireStorage(size, owner(id))) {
            entry.reserved = size;
        } else {
            try {
                entry.file = write(id, serialized != null ? serialized : ElementStreams.writeObject(value));
                entry.value = null;
            } catch (UncheckedIOException notSerializable) {
                // Kept in memory beyond the budget: tasks of this process share it by reference.
            }
        }
        Entry replaced;
        synchronized (this) {
            replaced = entries.put(id, entry);
        }
        if (replaced != null) {
            discard(replaced);
        }
    }

    private Object valueOf(long id, Entry entry) {
        Object value;
        Path file;
        synchronized (this) {
            value = entry.value;
            file = entry.file;
        }
        if (value != null || file == null) {
            return value;
        }
        Object read = ElementStreams.readObject(read(id, file));
        long size = SizeEstimator.estimate(read);
        if (memory.acquireStorage(size, owner(id))) {
            synchronized (this) {
                if (entries.get(id) == entry && entry.value == null) {
                    entry.value = read;
                    entry.reserved = size;
                    return read;
                }
            }
            memory.releaseStorage(size);
        }
        return read;
    }

    /** What a reservation is made for: no RDD, so the unified rules may evict any cached block for it. */
    private static Object owner(long id) {
        return "broadcast_" + id;
    }

    /**
     * Frees storage memory for others: least recently used values in memory are written to disk
     * (kept there if already written) and dropped from memory. Called by the memory manager.
     */
    private long evict(long bytes, Object protectedOwner) {
        List<Map.Entry<Long, Entry>> victims = new ArrayList<>();
        synchronized (this) {
            long chosen = 0;
            for (Map.Entry<Long, Entry> held : entries.entrySet()) {
                if (chosen >= bytes) {
                    break;
                }
                if (held.getValue().reserved > 0) {
                    victims.add(held);
                    chosen += held.getValue().reserved;
                }
            }
        }
        long freed = 0;
        for (Map.Entry<Long, Entry> victim : victims) {
            freed += evict(victim.getKey(), victim.getValue());
        }
        return freed;
    }

    private long evict(long id, Entry entry) {
        Object value;
        synchronized (this) {
            if (entry.reserved == 0) {
                return 0;
            }
            value = entry.value;
        }
        Path file = entry.file;
        if (file == null) {
            try {
                file = write(id, ElementStreams.writeObject(value));
            } catch (UncheckedIOException notSerializable) {
                return 0;
            }
        }
        long released;
        synchronized (this) {
            if (entries.get(id) != entry || entry.reserved == 0) {
                deleteQuietly(file == entry.file ? null : file);
                return 0;
            }
            entry.file = file;
            entry.value = null;
            released = entry.reserved;
            entry.reserved = 0;
        }
        memory.releaseStorage(released);
        return released;
    }

    private void discard(Entry entry) {
        long reserved;
        Path file;
        synchronized (this) {
            reserved = entry.reserved;
            file = entry.file;
            entry.reserved = 0;
            entry.value = null;
            entry.file = null;
        }
        memory.releaseStorage(reserved);
        deleteQuietly(file);
    }

    private Path write(long id, byte[] bytes) {
        try {
            Path file = Files.createTempFile(directory(), "broadcast_" + id + "-", "");
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write broadcast_" + id + " to disk", e);
        }
    }

    private static byte[] read(long id, Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read broadcast_" + id + " from " + file, e);
        }
    }

    private synchronized Path directory() throws IOException {
        if (directory == null) {
            Files.createDirectories(localRoot);
            directory = Files.createTempDirectory(localRoot, "ember-broadcast-");
        }
        return directory;
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // The directory is deleted when the store closes.
        }
    }

    /** Drops every value and deletes the directory of values on disk. */
    @Override
    public void close() {
        List<Entry> all;
        Path dir;
        synchronized (this) {
            all = new ArrayList<>(entries.values());
            entries.clear();
            dir = directory;
            directory = null;
        }
        all.forEach(this::discard);
        if (dir != null) {
            try {
                LocalFileSystem.deleteTree(dir);
            } catch (IOException e) {
                // Best effort: the directory is in the local area.
            }
        }
    }
}
