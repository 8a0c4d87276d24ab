package dev.ember.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.memory.MemoryManager;
import dev.ember.memory.SpillDirectory;
import dev.ember.memory.TaskMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShuffleStoreTest {
    private static final int MAPS = 3;
    private static final int REDUCES = 4;
    private static final int RECORDS = 6000;

    @TempDir
    Path temp;

    private final List<TaskMemory> tasks = new ArrayList<>();

    @AfterEach
    void closeTasks() {
        tasks.forEach(TaskMemory::close);
    }

    /** Map task m writes "m-i" for i below {@link #RECORDS} to reduce partition i % 4. */
    private static String record(int map, int i) {
        return map + "-" + i + "-padding-padding-padding-padding";
    }

    private TaskMemory task(MemoryManager memory) {
        TaskMemory task = new TaskMemory(memory, new SpillDirectory(temp.resolve("tasks"), "task-"));
        tasks.add(task);
        return task;
    }

    private ShuffleStore written(MemoryManager memory) {
        ShuffleStore store = new ShuffleStore(memory, temp.resolve("local"));
        store.register(1, MAPS, BlockFormat.records());
        for (int map = 0; map < MAPS; map++) {
            try (TaskMemory task = new TaskMemory(memory, new SpillDirectory(temp.resolve("tasks"), "task-"));
                    MapOutputWriter writer = store.writer(1, map, REDUCES, task)) {
                for (int i = 0; i < RECORDS; i++) {
                    writer.add(i % REDUCES, record(map, i));
                }
                writer.publish();
            }
        }
        return store;
    }

    /** What reading reduce partitions [startReduce, endReduce) of map tasks [startMap, endMap) must give, in order. */
    private static List<String> expected(int startReduce, int endReduce, int startMap, int endMap) {
        List<String> records = new ArrayList<>();
        for (int reduce = startReduce; reduce < endReduce; reduce++) {
            for (int map = startMap; map < endMap; map++) {
                for (int i = reduce; i < RECORDS; i += REDUCES) {
                    records.add(record(map, i));
                }
            }
        }
        return records;
    }

    private static List<String> all(Iterator<String> records) {
        List<String> list = new ArrayList<>();
        records.forEachRemaining(list::add);
        return list;
    }

    private void assertReadsAreWhole(ShuffleStore store) {
        assertThat(all(store.read(1, 2))).isEqualTo(expected(2, 3, 0, MAPS));
        assertThat(all(store.read(1, 1, 3, 1, 3))).isEqualTo(expected(1, 3, 1, 3));
        assertThat(all(store.read(1, 0, REDUCES, 0, Integer.MAX_VALUE))).isEqualTo(expected(0, REDUCES, 0, MAPS));
        MapOutputStatistics statistics = store.statistics(1);
        assertThat(statistics.totalRows()).isEqualTo((long) MAPS * RECORDS);
        assertThat(statistics.partitionBytes(0)).isPositive();
    }

    private long filesIn(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void blocksStayInMemoryWhenTheyFitAndGoToDiskWhenExecutionNeedsTheRoom() throws IOException {
        MemoryManager memory = new MemoryManager(64 << 20, 0.5);
        ShuffleStore store = written(memory);
        assertThat(store.diskBytesWritten()).isZero();
        assertThat(memory.shuffleStorageUsed()).isPositive();
        assertReadsAreWhole(store);

        // An operator wants all the memory: every shuffle block is written out, none of the storage region protects them.
        long granted = memory.acquireExecution(memory.maxMemory(), "operator");
        assertThat(granted).isEqualTo(memory.maxMemory());
        assertThat(memory.shuffleStorageUsed()).isZero();
        assertThat(store.diskBytes()).isPositive();
        assertReadsAreWhole(store);
        memory.releaseExecution(granted, "operator");

        // A lost output takes its files with it; its readers fail to fetch it.
        long files = filesIn(temp.resolve("local"));
        store.lose(1, 1);
        assertThat(filesIn(temp.resolve("local"))).isLessThan(files);
        assertThat(store.missing(1, MAPS)).containsExactly(1);
        assertThatThrownBy(() -> store.read(1, 0)).isInstanceOf(FetchFailedException.class);
        assertThat(all(store.read(1, 0, 1, 2, 3))).isEqualTo(expected(0, 1, 2, 3));

        store.remove(1);
        assertThat(filesIn(temp.resolve("local"))).isZero();
        assertThat(memory.storageUsed()).isZero();
    }

    @Test
    void aMapTaskShortOfMemorySpillsWhilePartitioning() throws IOException {
        MemoryManager memory = new MemoryManager(128 << 10, 0.5);
        ShuffleStore store = written(memory);
        assertThat(store.diskBytesWritten()).as("spilled while partitioning").isPositive();
        assertThat(memory.executionUsed()).as("the writers gave their memory back").isZero();
        assertReadsAreWhole(store);
        store.close();
        assertThat(filesIn(temp.resolve("local"))).isZero();
        assertThat(memory.storageUsed()).isZero();
    }

    @Test
    void aWriterClosedWithoutPublishingDeletesWhatItSpilled() throws IOException {
        MemoryManager memory = new MemoryManager(128 << 10, 0.5);
        ShuffleStore store = new ShuffleStore(memory, temp.resolve("local"));
        store.register(1, MAPS, BlockFormat.records());
        try (MapOutputWriter writer = store.writer(1, 0, REDUCES, task(memory))) {
            for (int i = 0; i < RECORDS; i++) {
                writer.add(i % REDUCES, record(0, i));
            }
            assertThat(filesIn(temp.resolve("local"))).isPositive();
        }
        assertThat(filesIn(temp.resolve("local"))).isZero();
        assertThat(store.missing(1, MAPS)).containsExactly(0, 1, 2);
    }

    @Test
    void outputsWrittenToOneFileEachReadWholeHereAndElsewhere() throws IOException {
        for (long memoryBytes : new long[] {64 << 20, 128 << 10}) { // in memory; spilled into several files while written
            MemoryManager memory = new MemoryManager(memoryBytes, 0.5);
            ShuffleStore store = written(memory);
            Path served = Files.createDirectories(temp.resolve("served-" + memoryBytes));
            for (int map = 0; map < MAPS; map++) {
                long[] offsets = store.writeOutput(1, map, served.resolve("map-" + map));
                assertThat(offsets).hasSize(REDUCES + 1);
                assertThat(offsets[REDUCES]).isEqualTo(Files.size(served.resolve("map-" + map)));
            }
            assertThat(memory.shuffleStorageUsed()).isZero();
            assertThat(filesIn(temp.resolve("local"))).isZero(); // the spill files are gone
            assertReadsAreWhole(store);

            // Another process reads each output's segments as this one sends them: one partition a fetch, as records are
            // compressed segment by segment.
            ShuffleStore reader = new ShuffleStore(new MemoryManager(64 << 20, 0.5), temp.resolve("reader"));
            reader.register(1, MAPS, BlockFormat.records());
            reader.setRemoteBlocks((location, shuffleId, map, startReduce, endReduce) -> {
                assertThat(endReduce).isEqualTo(startReduce + 1);
                java.io.ByteArrayOutputStream segment = new java.io.ByteArrayOutputStream();
                store.writeSegment(shuffleId, map, startReduce, segment);
                return new java.io.ByteArrayInputStream(segment.toByteArray());
            });
            for (int map = 0; map < MAPS; map++) {
                reader.publishRemote(new MapStatus(1, map, new long[REDUCES], new long[REDUCES]), "elsewhere");
            }
            assertThat(all(reader.read(1, 1, 3, 0, MAPS))).isEqualTo(expected(1, 3, 0, MAPS));
            store.close();
            reader.close();
        }
    }
}
