package dev.ember.storage;

import dev.ember.fs.LocalFileSystem;
import dev.ember.memory.MemoryManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The cached partitions of RDDs, keyed by (RDD id, partition): in storage memory (as objects or
 * serialized bytes) or in files under a local directory, per the RDD's {@link StorageLevel}.
 *
 * <p>A partition is cached by the first task that computes it ({@link #getOrCompute}): its elements
 * are unrolled into memory while storage memory can be reserved for their estimated size. When
 * the memory manager refuses, least recently used blocks of other RDDs are evicted (dropped, or
 * moved to disk when their level allows it); when that is not enough the partition goes to disk
 * if its level allows, else it is passed on without being cached (and computed again from lineage
 * when read next). Caching therefore never needs more memory than the budget.
 */
public final class BlockStore implements AutoCloseable {
    /** Bytes estimated between two reservations while unrolling a partition. */
    private static final long RESERVE_STEP = 16 << 10;

    /** A cached partition's name, as Spark's {@code rdd_<id>_<partition>}. */
    public record BlockId(int rddId, int partition) {
        @Override
        public String toString() {
            return "rdd_" + rddId + "_" + partition;
        }
    }

    private sealed interface Block permits MemoryBlock, DiskBlock {
        StorageLevel level();
    }

    /** Objects ({@code values}) or serialized bytes ({@code bytes}), holding {@code size} bytes of storage memory. */
    private record MemoryBlock(List<?> values, byte[] bytes, long size, StorageLevel level) implements Block {
    }

    private record DiskBlock(Path file, StorageLevel level) implements Block {
    }

    private final MemoryManager memory;
    private final Path localRoot;
    private final boolean compress;
    /** In access order: iteration starts at the least recently used block. */
    private final Map<BlockId, Block> blocks = new LinkedHashMap<>(16, 0.75f, true);
    private Path directory;

    /**
     * @param localRoot where the directory of disk blocks is created (on first use; deleted by {@link #close})
     * @param compress whether serialized and disk blocks are compressed (Spark's {@code spark.rdd.compress})
     */
    /** Told of each block stored or dropped, for the UI's storage page. */
    public interface BlockListener {
        /** Sizes are 0 when the block was dropped. */
        void blockUpdated(BlockId id, StorageLevel level, long memoryBytes, long diskBytes);
    }

    private volatile BlockListener listener = (id, level, memoryBytes, diskBytes) -> { };

    public void setListener(BlockListener listener) {
        this.listener = listener;
    }

    private void tell(BlockId id, Block block, boolean stored) {
        long memoryBytes = stored && block instanceof MemoryBlock inMemory ? inMemory.size() : 0;
        long diskBytes = stored && block instanceof DiskBlock onDisk ? fileSize(onDisk.file()) : 0;
        listener.blockUpdated(id, block.level(), memoryBytes, diskBytes);
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    public BlockStore(MemoryManager memory, Path localRoot, boolean compress) {
        this.memory = memory;
        this.localRoot = localRoot;
        this.compress = compress;
        memory.addStorageEvictor(this::evict);
    }

    /** The block's elements when it is cached, in memory or on disk. */
    public <T> Optional<Iterator<T>> get(BlockId id) {
        Block block;
        synchronized (this) {
            block = blocks.get(id);
        }
        return block == null ? Optional.empty() : Optional.of(elements(id, block));
    }

    public synchronized boolean contains(BlockId id) {
        return blocks.containsKey(id);
    }

    /** Whether the block is held in memory (not on disk, not missing). */
    public synchronized boolean inMemory(BlockId id) {
        return blocks.get(id) instanceof MemoryBlock;
    }

    /** The cached elements, or those {@code compute} gives, cached at {@code level} when they can be. */
    public <T> Iterator<T> getOrCompute(BlockId id, StorageLevel level, Supplier<Iterator<T>> compute) {
        return this.<T>get(id).orElseGet(() -> put(id, level, compute.get()));
    }

    private <T> Iterator<T> put(BlockId id, StorageLevel level, Iterator<T> input) {
        if (level.useMemory()) {
            List<T> unrolled = new ArrayList<>();
            long reserved = 0;
            long pending = 0;
            boolean fits = true;
            while (fits && input.hasNext()) {
                T value = input.next();
                unrolled.add(value);
                pending += SizeEstimator.estimate(value) + 8;
                if (pending >= RESERVE_STEP || !input.hasNext()) {
                    fits = memory.acquireStorage(pending, id.rddId());
                    reserved += fits ? pending : 0;
                    pending = 0;
                }
            }
            if (fits) {
                if (level.deserialized()) {
                    store(id, new MemoryBlock(unrolled, null, reserved, level));
                    return unrolled.iterator();
                }
                byte[] bytes = ElementStreams.toBytes(unrolled, compress);
                memory.releaseStorage(reserved);
                if (memory.acquireStorage(bytes.length, id.rddId())) {
                    store(id, new MemoryBlock(null, bytes, bytes.length, level));
                    return unrolled.iterator();
                }
            } else {
                memory.releaseStorage(reserved);
            }
            input = concat(unrolled.iterator(), input);
        }
        if (!level.useDisk()) {
            return input;
        }
        DiskBlock block = new DiskBlock(writeFile(id, input), level);
        store(id, block);
        return elements(id, block);
    }

    /** Adds a block, unless another task cached the same one meanwhile (then this one's memory is given back). */
    private void store(BlockId id, Block block) {
        synchronized (this) {
            if (!blocks.containsKey(id)) {
                blocks.put(id, block);
                tell(id, block, true);
                return;
            }
        }
        discard(block);
    }

    /** Removes every block of an RDD ({@code unpersist}). */
    public void removeRdd(int rddId) {
        List<Block> removed = new ArrayList<>();
        synchronized (this) {
            blocks.entrySet().removeIf(entry -> entry.getKey().rddId() == rddId && removed.add(entry.getValue())
                    && tellDropped(entry.getKey(), entry.getValue()));
        }
        removed.forEach(this::discard);
    }

    /** Drops one block, as losing the executor that held it would; the partition is then recomputed from lineage. */
    public void remove(BlockId id) {
        Block block;
        synchronized (this) {
            block = blocks.remove(id);
        }
        if (block != null) {
            tell(id, block, false);
            discard(block);
        }
    }

    private boolean tellDropped(BlockId id, Block block) {
        tell(id, block, false);
        return true;
    }

    /**
     * Frees storage memory for another block: least recently used memory blocks of other RDDs are
     * dropped, or written to disk when their level uses disk. Called by the memory manager.
     */
    private synchronized long evict(long bytes, Object protectedRdd) {
        long freed = 0;
        List<Map.Entry<BlockId, Block>> victims = new ArrayList<>();
        for (Map.Entry<BlockId, Block> entry : blocks.entrySet()) {
            if (freed >= bytes) {
                break;
            }
            if (entry.getValue() instanceof MemoryBlock block && !Integer.valueOf(entry.getKey().rddId()).equals(protectedRdd)) {
                victims.add(entry);
                freed += block.size();
            }
        }
        for (Map.Entry<BlockId, Block> victim : victims) {
            BlockId id = victim.getKey();
            MemoryBlock block = (MemoryBlock) victim.getValue();
            if (block.level().useDisk()) {
                DiskBlock onDisk = new DiskBlock(writeFile(id, elements(id, block)), block.level());
                blocks.put(id, onDisk);
                tell(id, onDisk, true);
            } else {
                blocks.remove(id);
                tell(id, block, false);
            }
            memory.releaseStorage(block.size());
        }
        return freed;
    }

    private void discard(Block block) {
        if (block instanceof MemoryBlock inMemory) {
            memory.releaseStorage(inMemory.size());
        } else if (block instanceof DiskBlock onDisk) {
            try {
                Files.deleteIfExists(onDisk.file());
            } catch (IOException e) {
                // The directory is deleted when the context stops.
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <T> Iterator<T> elements(BlockId id, Block block) {
        if (block instanceof MemoryBlock inMemory) {
            return inMemory.values() != null ? (Iterator<T>) inMemory.values().iterator() : ElementStreams.fromBytes(inMemory.bytes(), compress);
        }
        Path file = ((DiskBlock) block).file();
        try {
            return ElementStreams.read(Files.newInputStream(file), compress, "block " + id + " (" + file + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read block " + id + " from " + file, e);
        }
    }

    /** Writes a block's elements to a file, whole or not at all (written aside, then renamed). */
    private Path writeFile(BlockId id, Iterator<?> elements) {
        try {
            Path dir = directory();
            // A name of its own: two tasks may write the same block, and the one not kept is deleted.
            Path file = dir.resolve(id + "-" + UUID.randomUUID());
            Path partial = dir.resolve(file.getFileName() + ".tmp");
            try {
                ElementStreams.write(elements, Files.newOutputStream(partial), compress);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write block " + id + " to disk", e);
        }
    }

    private synchronized Path directory() throws IOException {
        if (directory == null) {
            Files.createDirectories(localRoot);
            directory = Files.createTempDirectory(localRoot, "ember-blocks-");
        }
        return directory;
    }

    /** Drops every block and deletes the directory of disk blocks. */
    @Override
    public void close() {
        List<Block> all;
        Path dir;
        synchronized (this) {
            all = new ArrayList<>(blocks.values());
            blocks.clear();
            dir = directory;
            directory = null;
        }
        all.forEach(this::discard);
        if (dir != null) {
            try {
                LocalFileSystem.deleteTree(dir);
            } catch (IOException e) {
                // Best effort: the directory is in the temporary area.
            }
        }
    }

    private static <T> Iterator<T> concat(Iterator<T> first, Iterator<T> second) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return first.hasNext() || second.hasNext();
            }

            @Override
            public T next() {
                return first.hasNext() ? first.next() : second.next();
            }
        };
    }
}
