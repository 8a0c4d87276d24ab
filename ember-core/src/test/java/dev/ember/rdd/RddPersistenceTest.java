package dev.ember.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.EmberSession;
import dev.ember.storage.BlockStore.BlockId;
import dev.ember.storage.StorageLevel;
import dev.ember.accumulator.LongAccumulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RddPersistenceTest {
    @TempDir
    Path temp;

    private EmberSession ember;

    private EmberContext start(String memory) {
        ember = EmberSession.builder().master("local[2]")
                .config("ember.executor.memory", memory).config("ember.memory.fraction", "1")
                .config("ember.local.dir", temp.resolve("local").toString()).getOrCreate();
        return ember.context();
    }

    @AfterEach
    void stop() {
        ember.stop();
    }

    private static List<Integer> numbers(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void cachedPartitionsAreComputedOnceAndLostOnesFromLineage() {
        EmberContext context = start("64m");
        LongAccumulator computed = context.longAccumulator("computed");
        Rdd<Integer> squares = context.parallelize(numbers(100), 4).map(n -> {
            computed.add(1);
            return n * n;
        }).cache();
        assertThat(squares.getStorageLevel()).isEqualTo(StorageLevel.MEMORY_ONLY);
        long sum = squares.collect().stream().mapToLong(Integer::longValue).sum();
        assertThat(squares.count()).isEqualTo(100);
        assertThat(squares.reduce(Integer::sum)).isEqualTo((int) sum);
        assertThat(computed.value()).isEqualTo(100);

        context.blocks().remove(new BlockId(squares.id(), 2));
        assertThat(squares.collect().stream().mapToLong(Integer::longValue).sum()).isEqualTo(sum);
        assertThat(computed.value()).isEqualTo(125);

        squares.unpersist();
        assertThat(squares.getStorageLevel()).isEqualTo(StorageLevel.NONE);
        assertThat(squares.count()).isEqualTo(100);
        assertThat(computed.value()).isEqualTo(225);
        assertThatThrownBy(() -> squares.persist(StorageLevel.DISK_ONLY).persist(StorageLevel.MEMORY_ONLY))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("Cannot change storage level of an RDD after it was already assigned a level");
    }

    @Test
    void everyLevelGivesTheSameElements() {
        EmberContext context = start("64m");
        for (StorageLevel level : List.of(StorageLevel.MEMORY_ONLY, StorageLevel.MEMORY_ONLY_SER, StorageLevel.MEMORY_AND_DISK,
                StorageLevel.MEMORY_AND_DISK_SER, StorageLevel.DISK_ONLY)) {
            Rdd<String> words = context.parallelize(List.of("a", "bb", "ccc", "dddd", "eeeee"), 2).map(s -> s + level).persist(level);
            List<String> expected = words.collect();
            assertThat(words.collect()).isEqualTo(expected).hasSize(5);
            assertThat(context.blocks().contains(new BlockId(words.id(), 0))).as(level.toString()).isTrue();
            assertThat(context.blocks().inMemory(new BlockId(words.id(), 0))).as(level.toString()).isEqualTo(level.useMemory());
        }
        assertThat(StorageLevel.MEMORY_AND_DISK.toString()).isEqualTo("StorageLevel(disk, memory, deserialized, 1 replicas)");
    }

    @Test
    void aTinyBudgetEvictsLeastRecentlyUsedBlocksAndResultsStayExact() {
        // 64 KiB: one partition of 2,000 boxed integers (about 48 KB estimated) fits, two do not.
        EmberContext context = start("64k");
        LongAccumulator computed = context.longAccumulator();
        Rdd<Integer> first = context.parallelize(numbers(2_000), 1).map(n -> {
            computed.add(1);
            return n;
        }).cache();
        Rdd<Integer> second = context.parallelize(numbers(2_000), 1).map(n -> n + 1).cache();
        assertThat(first.count()).isEqualTo(2_000);
        assertThat(context.blocks().contains(new BlockId(first.id(), 0))).isTrue();
        assertThat(second.reduce(Integer::sum)).isEqualTo(2_001_000);
        // Storing the second evicted the first: it is computed again, exactly.
        assertThat(context.blocks().contains(new BlockId(first.id(), 0))).isFalse();
        assertThat(context.blocks().contains(new BlockId(second.id(), 0))).isTrue();
        assertThat(first.reduce(Integer::sum)).isEqualTo(1_999_000);
        assertThat(computed.value()).isEqualTo(4_000);
        assertThat(ember.memoryManager().storageUsed()).isLessThanOrEqualTo(ember.memoryManager().maxMemory());

        // A partition larger than the whole budget is passed on without being cached.
        Rdd<Integer> huge = context.parallelize(numbers(20_000), 1).cache();
        assertThat(huge.count()).isEqualTo(20_000);
        assertThat(context.blocks().contains(new BlockId(huge.id(), 0))).isFalse();
    }

    @Test
    void memoryAndDiskBlocksMoveToDiskWhenEvicted() throws Exception {
        EmberContext context = start("64k");
        Rdd<Integer> first = context.parallelize(numbers(2_000), 1).persist(StorageLevel.MEMORY_AND_DISK);
        Rdd<Integer> second = context.parallelize(numbers(2_000), 1).map(n -> -n).persist(StorageLevel.MEMORY_AND_DISK);
        first.count();
        second.count();
        BlockId firstBlock = new BlockId(first.id(), 0);
        assertThat(context.blocks().contains(firstBlock)).isTrue();
        assertThat(context.blocks().inMemory(firstBlock)).isFalse();
        assertThat(first.collect()).isEqualTo(numbers(2_000));
        // Too large for memory: straight to disk.
        Rdd<Integer> huge = context.parallelize(numbers(20_000), 1).persist(StorageLevel.MEMORY_AND_DISK_SER);
        assertThat(huge.reduce(Integer::sum)).isEqualTo(199_990_000);
        assertThat(context.blocks().contains(new BlockId(huge.id(), 0))).isTrue();
        try (Stream<Path> files = Files.walk(temp.resolve("local"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isGreaterThanOrEqualTo(2);
        }
        ember.stop();
        try (Stream<Path> files = Files.walk(temp.resolve("local"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isZero();
        }
    }

    @Test
    void aFullyCachedShuffleOutputIsNotRecomputed() {
        EmberContext context = start("64m");
        LongAccumulator mapped = context.longAccumulator();
        PairRdd<Integer, Integer> sums = context.parallelize(numbers(100), 4)
                .mapToPair(n -> {
                    mapped.add(1);
                    return Pair.of(n % 3, n);
                })
                .reduceByKey(Integer::sum).cache();
        assertThat(sums.count()).isEqualTo(3);
        assertThat(mapped.value()).isEqualTo(100);
        assertThat(sums.stageInputs()).isEmpty();
        // The shuffle output is gone, but the cached partitions are read instead.
        for (int map = 0; map < 4; map++) {
            context.shuffles().lose(sums.lineageInputs().get(0).shuffleId(), map);
        }
        assertThat(sums.values().reduce(Integer::sum)).isEqualTo(4950);
        assertThat(mapped.value()).isEqualTo(100);
        // A cached partition lost too: recomputed from lineage, the lost shuffle output first.
        context.blocks().remove(new BlockId(sums.id(), 1));
        assertThat(sums.values().reduce(Integer::sum)).isEqualTo(4950);
    }

    @Test
    void checkpointTruncatesLineageAndObjectFilesRoundTrip() {
        EmberContext context = start("64m");
        Rdd<Integer> doubled = context.parallelize(numbers(10), 3).map(n -> n * 2);
        assertThatThrownBy(doubled::checkpoint).hasMessage("Checkpoint directory has not been set in the SparkContext");
        context.setCheckpointDir(temp.resolve("checkpoints").toString());
        PairRdd<Integer, Integer> grouped = doubled.mapToPair(n -> Pair.of(n % 4, n)).reduceByKey(Integer::sum);
        grouped.checkpoint();
        int shuffleId = grouped.lineageInputs().get(0).shuffleId();
        assertThat(grouped.isCheckpointed()).isFalse();
        List<Pair<Integer, Integer>> expected = grouped.collect();
        assertThat(grouped.isCheckpointed()).isTrue();
        assertThat(grouped.getCheckpointFile().get()).contains("rdd-" + grouped.id());
        assertThat(grouped.stageInputs()).isEmpty();
        for (int map = 0; map < 3; map++) {
            context.shuffles().lose(shuffleId, map);
        }
        assertThat(grouped.collect()).isEqualTo(expected);

        String out = temp.resolve("objects").toString();
        doubled.saveAsObjectFile(out);
        assertThat(Files.exists(Path.of(out, "_SUCCESS"))).isTrue();
        Rdd<Integer> back = context.objectFile(out);
        assertThat(back.getNumPartitions()).isEqualTo(3);
        assertThat(back.collect()).isEqualTo(doubled.collect());
        assertThatThrownBy(() -> doubled.saveAsObjectFile(out)).hasMessageContaining("already exists");
    }
}
