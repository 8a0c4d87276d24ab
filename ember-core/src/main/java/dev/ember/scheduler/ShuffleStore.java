package dev.ember.scheduler;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.exec.OperatorMetric;
import dev.ember.exec.OperatorMetrics;
import dev.ember.exec.TaskContext;
import dev.ember.fs.CountingOutputStream;
import dev.ember.fs.LocalFileSystem;
import dev.ember.memory.MemoryManager;
import dev.ember.memory.TaskMemory;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Map outputs of shuffles inside one process: blocks passed by reference while memory allows, on
 * local disk when it does not. A map task writes its output through a {@link MapOutputWriter}
 * (which spills to disk while partitioning when its task's memory is short) and publishes it for
 * every reduce partition at once when it finishes, so a reader never sees half an output. A reader
 * that finds an output missing gets a {@link FetchFailedException}. Each output's size per reduce
 * partition is recorded as it is published ({@link #statistics}).
 *
 * <p>Memory: published blocks hold storage memory of the executor's {@link MemoryManager}, not
 * execution memory, because they outlive the task that wrote them. They take only free memory
 * ({@link MemoryManager#acquireShuffleStorage}) and are the first to be written to disk when
 * anything else needs the room: Spark keeps shuffle data on disk (and in the OS page cache) from
 * the start, so keeping it in memory is an optimization that must never cost an operator memory.
 * The same store keeps the partitions of cached DataFrames ({@link #registerCached}), which are
 * storage proper: protected up to the storage region, as cached RDD blocks are.
 *
 * <p>On disk, a map output is one file per spill, a segment per reduce partition; readers stream
 * segments ({@link #read} is an iterator). Files are deleted when their shuffle is removed or the
 * store closed.
 */
public final class ShuffleStore implements AutoCloseable {
    private static final int STREAM_BUFFER = 1 << 16;
    /** How many remote blocks a reader fetches at once: the one it reads and those after it (Spark's reducers keep several requests out too). */
    private static final int FETCHES_IN_FLIGHT = 8;

    private final MemoryManager memory;
    private final Path localRoot;
    private final Map<Integer, Stored> shuffles = new ConcurrentHashMap<>();
    private final SharedShuffleValues sharedValues;
    /** How blocks held by other processes are fetched; none in local mode. */
    private volatile RemoteBlocks remoteBlocks;
    /** Told of each shuffle removed (a cluster's driver frees it on the executors too). */
    private volatile IntConsumer removalListener = shuffleId -> { };
    private final AtomicLong fileNumbers = new AtomicLong();
    private final AtomicLong diskBytesWritten = new AtomicLong();
    /** One eviction at a time: two must not write the same blocks. */
    private final Object evicting = new Object();
    private Path directory;

    /**
     * @param memory where published blocks reserve memory; it asks this store to write blocks to disk when it needs room
     * @param localRoot where the directory of shuffle files is created (on first use; deleted by {@link #close})
     */
    public ShuffleStore(MemoryManager memory, Path localRoot) {
        this.memory = memory;
        this.localRoot = localRoot;
        this.sharedValues = new SharedShuffleValues(memory);
        memory.setShuffleEvictor((bytes, owner) -> evict(bytes, false, owner));
        memory.addStorageEvictor((bytes, owner) -> evict(bytes, true, owner));
    }

    /** The map outputs of one shuffle (or cached DataFrame), and how its blocks are stored. */
    private record Stored(MapOutput[] outputs, BlockFormat format, boolean cached, boolean memoryAllowed) {
    }

    /** One map task's output: its parts in the order written, and its sizes per reduce partition. */
    record MapOutput(List<Part> parts, long[] bytes, long[] rows) {
        MapOutput withPart(int index, Part part) {
            List<Part> replaced = new ArrayList<>(parts);
            replaced.set(index, part);
            return new MapOutput(List.copyOf(replaced), bytes, rows);
        }
    }

    sealed interface Part permits MemoryPart, DiskPart, RemotePart {
    }

    /** Blocks another process holds (an executor of a cluster), named by its {@code location}. */
    record RemotePart(String location) implements Part {
    }

    /**
     * Fetches blocks of map outputs that other processes hold: on a cluster, a reduce task reads
     * the outputs of map tasks that ran on other executors through it.
     */
    public interface RemoteBlocks {
        /**
         * The blocks that map output {@code mapPartition} of the process at {@code location} holds
         * for reduce partitions {@code [startReduce, endReduce)}, as one segment of the shuffle's
         * {@link BlockFormat} (several partitions only for a concatenable format: their segments one
         * after the other). The fetch starts at once, not when the stream is first read: a reader
         * opens the next blocks ahead, so that several fetches are in flight. Closing the stream ends its fetch.
         */
        InputStream open(String location, int shuffleId, int mapPartition, int startReduce, int endReduce) throws IOException;
    }

    public void setRemoteBlocks(RemoteBlocks remoteBlocks) {
        this.remoteBlocks = remoteBlocks;
    }

    /** Adds {@code listener} to those told of each shuffle (or cached output) removed. */
    public synchronized void onRemove(IntConsumer listener) {
        this.removalListener = removalListener.andThen(listener);
    }

    /** Blocks in memory, {@code blocks[r]} for reduce partition r, holding {@code size} bytes of memory. */
    record MemoryPart(List<?>[] blocks, long size) implements Part {
    }

    /** Blocks in a file: reduce partition r's are the bytes {@code [offsets[r], offsets[r + 1])}. */
    record DiskPart(Path file, long[] offsets) implements Part {
        long length() {
            return offsets[offsets.length - 1];
        }
    }

    /** Makes room for a shuffle's map outputs, keeping those already published. */
    public void register(int shuffleId, int mapPartitions, BlockFormat format) {
        shuffles.computeIfAbsent(shuffleId, id -> new Stored(new MapOutput[mapPartitions], format, false, true));
    }

    /**
     * Makes room for a cached DataFrame's partitions, map output {@code p} holding partition p as
     * its one reduce partition: kept in storage memory (evicted to disk) when {@code memoryAllowed},
     * else on disk only.
     */
    public void registerCached(int id, int partitions, BlockFormat format, boolean memoryAllowed) {
        shuffles.computeIfAbsent(id, key -> new Stored(new MapOutput[partitions], format, true, memoryAllowed));
    }

    /** A writer for the output of map task {@code mapPartition}, reserving memory from {@code task} while it partitions. */
    public MapOutputWriter writer(int shuffleId, int mapPartition, int reducePartitions, TaskMemory task) {
        return new MapOutputWriter(this, shuffleId, mapPartition, reducePartitions, stored(shuffleId).format(), task);
    }

    /**
     * Moves blocks written by a map task from its execution memory into this store's memory, or
     * to disk when refused. Returns whether they stay in memory (the caller then gives up its reservation).
     */
    boolean reserve(int shuffleId, long bytes) {
        Stored stored = shuffles.get(shuffleId);
        if (stored == null || !stored.memoryAllowed()) {
            return false;
        }
        return stored.cached() ? memory.acquireStorage(bytes, shuffleId) : memory.acquireShuffleStorage(bytes);
    }

    /** Publishes the output of one map task (replacing an earlier one, whose blocks are freed). */
    void publish(int shuffleId, int mapPartition, MapOutput output) {
        Stored stored = shuffles.get(shuffleId);
        if (stored == null) {
            discard(output, false); // removed while the task ran: nobody reads it any more
            return;
        }
        MapOutput previous;
        synchronized (stored) {
            previous = stored.outputs()[mapPartition];
            stored.outputs()[mapPartition] = output;
        }
        if (previous != null) {
            discard(previous, stored.cached());
        }
    }

    /**
     * Records that the process at {@code location} holds the output {@code status} describes (the
     * shuffle is registered): the driver of a cluster learns so where outputs are, and an executor
     * where to fetch those it does not hold. An output this store holds itself is kept.
     */
    public void publishRemote(MapStatus status, String location) {
        Stored stored = stored(status.shuffleId());
        synchronized (stored) {
            MapOutput current = stored.outputs()[status.mapPartition()];
            if (current == null || current.parts().stream().allMatch(RemotePart.class::isInstance)) {
                stored.outputs()[status.mapPartition()] = new MapOutput(List.of(new RemotePart(location)), status.bytes(), status.rows());
            }
        }
    }

    /** The map partitions of a registered shuffle. */
    public int mapPartitions(int shuffleId) {
        return stored(shuffleId).outputs().length;
    }

    /** The block format of a registered shuffle, for telling an executor how to read it. */
    public BlockFormat format(int shuffleId) {
        return stored(shuffleId).format();
    }

    /**
     * Writes the blocks this store holds of one map output for one reduce partition as one segment
     * of the shuffle's format: what another process fetches ({@link RemoteBlocks}). Blocks on disk
     * go as the bytes written where the format allows.
     */
    public void writeSegment(int shuffleId, int mapPartition, int reducePartition, OutputStream out) throws IOException {
        Stored stored = stored(shuffleId);
        MapOutput output = output(stored, mapPartition);
        if (output == null) {
            throw new FetchFailedException(shuffleId, mapPartition);
        }
        writeSegment(shuffleId, mapPartition, stored, output, reducePartition, out);
    }

    private void writeSegment(int shuffleId, int map, Stored stored, MapOutput output, int r, OutputStream out) throws IOException {
        if (!stored.format().concatenable() && output.parts().size() > 1) {
            List<Object> blocks = new ArrayList<>();
            read(shuffleId, r, r + 1, map, map + 1).forEachRemaining(blocks::add);
            stored.format().write(blocks, out);
            return;
        }
        for (Part part : output.parts()) {
            if (part instanceof MemoryPart inMemory) {
                stored.format().write(inMemory.blocks()[r], out);
            } else if (part instanceof DiskPart onDisk) {
                copy(shuffleId, map, onDisk, r, out);
            } else {
                throw new FetchFailedException(shuffleId, map); // another process holds it
            }
        }
    }

    /** Copies the bytes of one segment of a file as written. */
    private static void copy(int shuffleId, int map, DiskPart part, int r, OutputStream out) throws IOException {
        long length = part.offsets()[r + 1] - part.offsets()[r];
        if (length == 0) {
            return;
        }
        try (FileChannel channel = FileChannel.open(part.file())) {
            channel.position(part.offsets()[r]);
            new BoundedStream(Channels.newInputStream(channel), length).transferTo(out);
        } catch (NoSuchFileException e) {
            throw new FetchFailedException(shuffleId, map); // deleted with a lost output
        }
    }

    /**
     * Writes one map output to {@code file}, a segment per reduce partition, and keeps it there
     * from then on (memory given back, spill files deleted): a cluster's executor so leaves its
     * outputs where its worker serves them. Returns where each segment starts, and the file's length last.
     */
    public long[] writeOutput(int shuffleId, int mapPartition, Path file) {
        Stored stored = stored(shuffleId);
        while (true) {
            MapOutput output = output(stored, mapPartition);
            if (output == null) {
                deleteQuietly(file);
                throw new FetchFailedException(shuffleId, mapPartition);
            }
            int reducePartitions = output.bytes().length;
            long[] offsets = new long[reducePartitions + 1];
            try (CountingOutputStream out = new CountingOutputStream(new BufferedOutputStream(Files.newOutputStream(file), STREAM_BUFFER))) {
                for (int r = 0; r < reducePartitions; r++) {
                    writeSegment(shuffleId, mapPartition, stored, output, r, out);
                    offsets[r + 1] = out.count();
                }
            } catch (IOException e) {
                deleteQuietly(file);
                throw ioError("Writing a shuffle output", String.valueOf(file), e);
            }
            synchronized (stored) {
                if (stored.outputs()[mapPartition] != output) {
                    continue; // evicted to disk meanwhile: written again from where it is now
                }
                stored.outputs()[mapPartition] = new MapOutput(List.of(new DiskPart(file, offsets)), output.bytes(), output.rows());
            }
            discard(output, stored.cached());
            return offsets;
        }
    }

    /** The sizes of a shuffle whose every map output is published. */
    public MapOutputStatistics statistics(int shuffleId) {
        Stored stored = stored(shuffleId);
        synchronized (stored) {
            MapOutput[] outputs = stored.outputs();
            long[][] bytes = new long[outputs.length][];
            long[][] rows = new long[outputs.length][];
            for (int map = 0; map < outputs.length; map++) {
                if (outputs[map] == null) {
                    throw new FetchFailedException(shuffleId, map);
                }
                bytes[map] = outputs[map].bytes();
                rows[map] = outputs[map].rows();
            }
            return new MapOutputStatistics(shuffleId, bytes, rows);
        }
    }

    /** Every block written for {@code reducePartition}, map partition by map partition. */
    public <T> Iterator<T> read(int shuffleId, int reducePartition) {
        return read(shuffleId, reducePartition, reducePartition + 1, 0, Integer.MAX_VALUE);
    }

    /**
     * The blocks of reduce partitions {@code [startReduce, endReduce)} written by map partitions
     * {@code [startMap, endMap)} (an end past the last map partition means up to it), reduce
     * partition by reduce partition: how adaptive execution reads coalesced or split partitions.
     * Blocks on disk are read as the iterator reaches them.
     */
    public <T> Iterator<T> read(int shuffleId, int startReduce, int endReduce, int startMap, int endMap) {
        Stored stored = stored(shuffleId);
        int lastMap = Math.min(endMap, stored.outputs().length);
        synchronized (stored) {
            for (int map = startMap; map < lastMap; map++) {
                if (stored.outputs()[map] == null) {
                    throw new FetchFailedException(shuffleId, map);
                }
            }
        }
        return new Blocks<>(shuffleId, stored, startReduce, endReduce, startMap, lastMap);
    }

    /** The map partitions of a shuffle that have no output (all of them when it was never registered). */
    public List<Integer> missing(int shuffleId, int mapPartitions) {
        Stored stored = shuffles.get(shuffleId);
        List<Integer> missing = new ArrayList<>();
        for (int map = 0; map < mapPartitions; map++) {
            if (stored == null || output(stored, map) == null) {
                missing.add(map);
            }
        }
        return missing;
    }

    /** Drops one map output, as the loss of the executor that held it would (its files too). */
    public void lose(int shuffleId, int mapPartition) {
        Stored stored = shuffles.get(shuffleId);
        if (stored != null) {
            MapOutput lost;
            synchronized (stored) {
                lost = stored.outputs()[mapPartition];
                stored.outputs()[mapPartition] = null;
            }
            if (lost != null) {
                discard(lost, stored.cached());
            }
        }
    }

    /** What this process's tasks made from shuffle outputs and share, released with their shuffle. */
    public SharedShuffleValues sharedValues() {
        return sharedValues;
    }

    /** Frees a shuffle: its memory is given back and its files deleted, what was made from it released. */
    public void remove(int shuffleId) {
        sharedValues.remove(shuffleId); // even where no output of it is held: an executor that only read it
        Stored stored = shuffles.remove(shuffleId);
        if (stored != null) {
            List<MapOutput> removed = new ArrayList<>();
            synchronized (stored) {
                for (int map = 0; map < stored.outputs().length; map++) {
                    if (stored.outputs()[map] != null) {
                        removed.add(stored.outputs()[map]);
                        stored.outputs()[map] = null;
                    }
                }
            }
            removed.forEach(output -> discard(output, stored.cached()));
            removalListener.accept(shuffleId);
            if (shuffles.isEmpty()) {
                deleteDirectoryIfEmpty();
            }
        }
    }

    /** Deletes the directory of shuffle files when no file is left in it: nothing is left behind between jobs. */
    private synchronized void deleteDirectoryIfEmpty() {
        if (directory != null) {
            try {
                Files.delete(directory);
                directory = null;
            } catch (IOException e) {
                // Not empty (a shuffle registered meanwhile is writing): it stays until then.
            }
        }
    }

    /** The bytes of blocks written to disk so far, while partitioning or evicted later (for tests and metrics). */
    public long diskBytesWritten() {
        return diskBytesWritten.get();
    }

    /** The bytes of shuffle blocks held on disk now (for tests and metrics). */
    public long diskBytes() {
        long total = 0;
        for (Stored stored : shuffles.values()) {
            synchronized (stored) {
                for (MapOutput output : stored.outputs()) {
                    if (output != null) {
                        for (Part part : output.parts()) {
                            total += part instanceof DiskPart disk ? disk.length() : 0;
                        }
                    }
                }
            }
        }
        return total;
    }

    /** Frees every shuffle and deletes the directory of shuffle files (the session stops). */
    @Override
    public void close() {
        sharedValues.clear();
        new ArrayList<>(shuffles.keySet()).forEach(this::remove);
        Path dir;
        synchronized (this) {
            dir = directory;
            directory = null;
        }
        if (dir != null) {
            try {
                LocalFileSystem.deleteTree(dir);
            } catch (IOException e) {
                // Best effort: the directory is under the local directory, which is temporary.
            }
        }
    }

    private Stored stored(int shuffleId) {
        Stored stored = shuffles.get(shuffleId);
        if (stored == null) {
            throw new FetchFailedException(shuffleId, 0);
        }
        return stored;
    }

    private static MapOutput output(Stored stored, int map) {
        synchronized (stored) {
            return stored.outputs()[map];
        }
    }

    private void discard(MapOutput output, boolean cached) {
        for (Part part : output.parts()) {
            if (part instanceof MemoryPart inMemory) {
                release(inMemory.size(), cached);
            } else if (part instanceof DiskPart onDisk) {
                deleteQuietly(onDisk.file());
            }
        }
    }

    private void release(long bytes, boolean cached) {
        if (cached) {
            memory.releaseStorage(bytes);
        } else {
            memory.releaseShuffleStorage(bytes);
        }
    }

    /**
     * Frees about {@code bytes} of memory by writing blocks to disk: shuffle blocks, or blocks of
     * cached DataFrames (never those of {@code protectedOwner}, the one being stored). Called by
     * the memory manager; returns the bytes freed.
     */
    private long evict(long bytes, boolean cached, Object protectedOwner) {
        synchronized (evicting) {
            long freed = 0;
            for (Map.Entry<Integer, Stored> entry : shuffles.entrySet()) {
                Stored stored = entry.getValue();
                if (stored.cached() != cached || entry.getKey().equals(protectedOwner)) {
                    continue;
                }
                for (int map = 0; map < stored.outputs().length && freed < bytes; map++) {
                    freed += evict(entry.getKey(), stored, map);
                }
                if (freed >= bytes) {
                    break;
                }
            }
            return freed;
        }
    }

    /** Writes the memory parts of one map output to disk; returns the memory freed. */
    private long evict(int shuffleId, Stored stored, int map) {
        long freed = 0;
        MapOutput output = output(stored, map);
        for (int index = 0; output != null && index < output.parts().size(); index++) {
            if (!(output.parts().get(index) instanceof MemoryPart inMemory)) {
                continue;
            }
            TaskContext task = TaskContext.get();
            DiskPart onDisk = write(shuffleId, map, inMemory.blocks(), stored.format(), task == null ? null : task.memory());
            MapOutput replaced = output.withPart(index, onDisk);
            synchronized (stored) {
                if (stored.outputs()[map] != output) {
                    // Lost or removed meanwhile, which gave its memory back already.
                    deleteQuietly(onDisk.file());
                    return freed;
                }
                stored.outputs()[map] = replaced;
            }
            output = replaced;
            release(inMemory.size(), stored.cached());
            freed += inMemory.size();
        }
        return freed;
    }

    /**
     * Writes blocks to a new file of the shuffle, a segment per reduce partition, whole or not at
     * all; counts the spill in {@code task}'s metrics when given.
     */
    DiskPart write(int shuffleId, int map, List<?>[] blocks, BlockFormat format, TaskMemory task) {
        Path file = null;
        try {
            file = newFile("shuffle_" + shuffleId + "_" + map + "_" + fileNumbers.incrementAndGet() + ".data");
            long[] offsets = new long[blocks.length + 1];
            long memoryBytes = 0;
            try (CountingOutputStream out = new CountingOutputStream(new BufferedOutputStream(Files.newOutputStream(file), STREAM_BUFFER))) {
                for (int r = 0; r < blocks.length; r++) {
                    format.write(blocks[r], out);
                    offsets[r + 1] = out.count();
                    for (Object block : blocks[r]) {
                        memoryBytes += format.bytes(block);
                    }
                }
            }
            if (task != null) {
                task.recordSpill(memoryBytes, offsets[blocks.length]);
            }
            diskBytesWritten.addAndGet(offsets[blocks.length]);
            return new DiskPart(file, offsets);
        } catch (IOException e) {
            if (file != null) {
                deleteQuietly(file);
            }
            throw ioError("Writing shuffle blocks to disk", String.valueOf(file), e);
        }
    }

    /** Creates a file in the directory of shuffle files (created if needed; a file in it keeps it from being deleted). */
    private synchronized Path newFile(String name) throws IOException {
        if (directory == null) {
            Files.createDirectories(localRoot);
            directory = Files.createTempDirectory(localRoot, "ember-shuffle-");
        }
        return Files.createFile(directory.resolve(name));
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The directory is deleted when the store closes.
        }
    }

    static EmberException ioError(String operation, String path, IOException e) {
        return EmberException.of(ErrorClass.IO_ERROR, "operation", operation, "path", path,
                "detail", String.valueOf(e.getMessage())).withCause(e);
    }

    /**
     * The blocks of a read, step by step, each output's parts in order. A step reads one map
     * output's blocks for one reduce partition, reduce partition by reduce partition ({@code reduce},
     * then {@code map}); in a process that fetches remote blocks and for a concatenable format, a
     * step reads one map output's whole range of reduce partitions, map after map, so that a remote
     * output takes one fetch however many partitions a coalesced read spans (Spark does not order a
     * reduce task's blocks either).
     */
    private final class Blocks<T> implements Iterator<T> {
        private final int shuffleId;
        private final Stored stored;
        private final int startReduce;
        private final int endReduce;
        private final int startMap;
        private final int endMap;
        /** Whether a step reads a map output's whole range of reduce partitions. */
        private final boolean wholeRanges;
        private final int steps;
        private int nextStep;
        private List<Part> parts = List.of();
        /** The map output and reduce partitions {@code [stepStart, stepEnd)} of the step being read. */
        private int stepMap;
        private int stepStart;
        private int stepEnd;
        private int nextPart;
        /** Whether this process knows the step's block sizes; else (an executor's remote output) blocks are counted as they are read. */
        private boolean sizesKnown;
        private Iterator<?> current = Collections.emptyIterator();
        /** Remote blocks already being fetched, by step, ahead of the reader. */
        private final Map<Integer, InputStream> fetchedAhead = new HashMap<>();
        /** The step up to which remote blocks have been considered for fetching ahead. */
        private int aheadStep;

        Blocks(int shuffleId, Stored stored, int startReduce, int endReduce, int startMap, int endMap) {
            this.shuffleId = shuffleId;
            this.stored = stored;
            this.startReduce = startReduce;
            this.endReduce = endReduce;
            this.startMap = startMap;
            this.endMap = endMap;
            this.wholeRanges = remoteBlocks != null && stored.format().concatenable();
            int maps = Math.max(0, endMap - startMap);
            int reduces = Math.max(0, endReduce - startReduce);
            this.steps = reduces == 0 ? 0 : wholeRanges ? maps : maps * reduces;
        }

        private int mapOf(int step) {
            return startMap + (wholeRanges ? step : step % (endMap - startMap));
        }

        private int startOf(int step) {
            return wholeRanges ? startReduce : startReduce + step / (endMap - startMap);
        }

        private int endOf(int step) {
            return wholeRanges ? endReduce : startOf(step) + 1;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (nextPart < parts.size()) {
                    current = open(parts.get(nextPart++));
                } else if (nextStep < steps) {
                    stepMap = mapOf(nextStep);
                    stepStart = startOf(nextStep);
                    stepEnd = endOf(nextStep);
                    nextStep++;
                    MapOutput output = output(stored, stepMap);
                    if (output == null) {
                        throw new FetchFailedException(shuffleId, stepMap);
                    }
                    parts = output.parts();
                    sizesKnown = output.bytes() != null && output.bytes().length > 0;
                    if (sizesKnown) {
                        countRead(output);
                    }
                    nextPart = 0;
                } else {
                    return false;
                }
            }
            return true;
        }

        /** Adds the step's block sizes to the reading task's shuffle-read metrics. */
        private void countRead(MapOutput output) {
            for (int r = stepStart; r < stepEnd && r < output.bytes().length; r++) {
                countRead(output.bytes()[r], output.rows()[r]);
            }
        }

        private void countRead(long bytes, long rows) {
            TaskContext task = TaskContext.get();
            if (task != null) {
                task.metrics().shuffleRead(bytes, rows);
                OperatorMetrics reader = task.operatorMetrics().current();
                if (reader != null) {
                    reader.add(OperatorMetric.SHUFFLE_BYTES_READ, bytes);
                    reader.add(OperatorMetric.SHUFFLE_RECORDS_READ, rows);
                }
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return (T) current.next();
        }

        private Iterator<?> open(Part part) {
            if (part instanceof MemoryPart inMemory) {
                return stepEnd == stepStart + 1 ? inMemory.blocks()[stepStart].iterator()
                        : Arrays.stream(inMemory.blocks(), stepStart, stepEnd).flatMap(List::stream).iterator();
            }
            if (part instanceof RemotePart remote) {
                return sizesKnown ? fetch(remote) : counted(fetch(remote));
            }
            // Several reduce partitions are read at once only from a concatenable format: their segments are one.
            DiskPart onDisk = (DiskPart) part;
            long length = onDisk.offsets()[stepEnd] - onDisk.offsets()[stepStart];
            if (length == 0) {
                return Collections.emptyIterator();
            }
            String source = onDisk.file() + " (reduce partitions " + stepStart + " to " + (stepEnd - 1) + ")";
            try {
                FileChannel channel = FileChannel.open(onDisk.file());
                channel.position(onDisk.offsets()[stepStart]);
                InputStream in = new BufferedInputStream(new BoundedStream(Channels.newInputStream(channel), length), STREAM_BUFFER);
                TaskContext task = TaskContext.get();
                if (task != null) {
                    task.addCompletionListener(in); // closed at the task's end if it stops reading early
                }
                return stored.format().read(in, source);
            } catch (NoSuchFileException e) {
                throw new FetchFailedException(shuffleId, stepMap); // deleted with a lost output
            } catch (IOException e) {
                throw ioError("Reading a shuffle block", source, e);
            }
        }

        /** The blocks, each added to the shuffle-read metrics as it is read (by its size in memory, as written blocks are counted). */
        private Iterator<?> counted(Iterator<?> blocks) {
            return new Iterator<Object>() {
                @Override
                public boolean hasNext() {
                    return blocks.hasNext();
                }

                @Override
                public Object next() {
                    Object block = blocks.next();
                    countRead(stored.format().bytes(block), stored.format().rows(block));
                    return block;
                }
            };
        }

        private Iterator<?> fetch(RemotePart remote) {
            if (remoteBlocks == null) {
                throw EmberException.internal("a shuffle output is held by another process, and this one fetches none", null);
            }
            String source = "shuffle " + shuffleId + " map " + stepMap + " reduce partitions " + stepStart + " to " + (stepEnd - 1) + " at "
                    + remote.location();
            try {
                InputStream in = fetchedAhead.remove(nextStep - 1);
                if (in == null) {
                    in = open(remote, nextStep - 1);
                }
                fetchAhead();
                return stored.format().read(in, source);
            } catch (IOException e) {
                throw new FetchFailedException(shuffleId, stepMap); // the process that held it is gone
            }
        }

        /** Starts fetching the remote blocks of the steps after the one being read, up to {@link #FETCHES_IN_FLIGHT} in all. */
        private void fetchAhead() {
            aheadStep = Math.max(aheadStep, nextStep);
            while (fetchedAhead.size() < FETCHES_IN_FLIGHT - 1 && aheadStep < steps) {
                int step = aheadStep++;
                MapOutput output = output(stored, mapOf(step));
                if (output != null && output.parts().size() == 1 && output.parts().get(0) instanceof RemotePart remote) {
                    try {
                        fetchedAhead.put(step, open(remote, step));
                    } catch (IOException e) {
                        return; // the reader meets the failure when it gets there
                    }
                }
            }
        }

        private InputStream open(RemotePart remote, int step) throws IOException {
            InputStream in = remoteBlocks.open(remote.location(), shuffleId, mapOf(step), startOf(step), endOf(step));
            TaskContext task = TaskContext.get();
            if (task != null) {
                task.addCompletionListener(in); // closed at the task's end if it stops reading early
            }
            return in;
        }
    }

    /** The first {@code length} bytes of a stream. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            left -= b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int read = in.read(bytes, offset, (int) Math.min(length, left));
            left -= Math.max(0, read);
            return read;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
