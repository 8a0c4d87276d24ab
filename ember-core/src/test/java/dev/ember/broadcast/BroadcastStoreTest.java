package dev.ember.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.memory.MemoryManager;
import dev.ember.rdd.EmberContext;
import dev.ember.sql.EmberSession;
import dev.ember.storage.BlockStore;
import dev.ember.storage.SizeEstimator;
import dev.ember.storage.StorageLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broadcast values held as storage memory of a small budget, or on disk when it is short. */
class BroadcastStoreTest {
    /** 100,000 bytes, half of them the storage region. */
    private static final long BUDGET = 100_000;

    @TempDir
    Path local;

    private static List<Integer> numbers(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void aValueThatFitsHoldsStorageMemoryUntilRemoved() {
        MemoryManager memory = new MemoryManager(BUDGET, 0.5);
        try (BroadcastStore store = new BroadcastStore(memory, local, null)) {
            List<Integer> value = numbers(100);
            store.put(1, value);
            assertThat(store.inMemory(1)).isTrue();
            assertThat(store.get(1)).isSameAs(value);
            assertThat(memory.storageUsed()).isEqualTo(SizeEstimator.estimate(value));
            store.remove(1);
            assertThat(memory.storageUsed()).isZero();
            assertThatThrownBy(() -> store.get(1)).hasMessage("Failed to get broadcast_1");
        }
    }

    @Test
    void aValueLargerThanTheFreeMemoryIsKeptOnDiskAndReadFromThere() {
        MemoryManager memory = new MemoryManager(BUDGET, 0.5);
        try (BroadcastStore store = new BroadcastStore(memory, local, null)) {
            List<Integer> value = numbers(20_000);
            store.put(7, value);
            assertThat(store.inMemory(7)).isFalse();
            assertThat(memory.storageUsed()).isZero();
            assertThat(filesIn(local)).hasSize(1);
            assertThat(store.get(7)).isEqualTo(value).isNotSameAs(value);
            store.remove(7);
            assertThat(filesIn(local)).isEmpty();
        }
    }

    @Test
    void cachedBlocksAreEvictedForABroadcastAndBroadcastsForExecution() {
        MemoryManager memory = new MemoryManager(BUDGET, 0.5);
        try (BlockStore blocks = new BlockStore(memory, local, false); BroadcastStore store = new BroadcastStore(memory, local, null)) {
            // Cached blocks fill most of the budget; a broadcast then evicts the least recently used ones, as a block would.
            for (int partition = 0; partition < 8; partition++) {
                blocks.getOrCompute(new BlockStore.BlockId(1, partition), StorageLevel.MEMORY_ONLY, () -> numbers(300).iterator()).forEachRemaining(n -> { });
            }
            assertThat(IntStream.range(0, 8).filter(p -> blocks.inMemory(new BlockStore.BlockId(1, p)))).hasSize(8);
            List<Integer> value = numbers(2_500);
            store.put(2, value);
            assertThat(store.inMemory(2)).isTrue();
            assertThat(blocks.inMemory(new BlockStore.BlockId(1, 0))).isFalse();
            assertThat(blocks.inMemory(new BlockStore.BlockId(1, 7))).isTrue();
            assertThat(memory.storageUsed()).isLessThanOrEqualTo(BUDGET);

            // Execution takes back storage beyond the region: the broadcast goes to disk and is still read whole.
            memory.taskStarted();
            long granted = memory.acquireExecution(BUDGET, "task");
            assertThat(granted).isGreaterThanOrEqualTo(BUDGET / 2);
            assertThat(store.inMemory(2)).isFalse();
            assertThat(store.get(2)).isEqualTo(value);
            memory.releaseExecution(granted, "task");
            memory.taskEnded();
            // Read again with room to spare, it is held in memory again.
            store.get(2);
            assertThat(store.inMemory(2)).isTrue();
        }
    }

    @Test
    void tasksReadABroadcastLargerThanTheBudgetAndDestroyReleasesIt() {
        EmberSession session = EmberSession.builder().master("local[2]").config("ember.executor.memory", "1m")
                .config("ember.local.dir", local.toString()).getOrCreate();
        try {
            EmberContext context = session.context();
            MemoryManager memory = session.memoryManager();
            long usedBefore = memory.storageUsed();
            List<Integer> value = numbers(200_000);
            Broadcast<List<Integer>> large = context.broadcast(new ArrayList<>(value));
            assertThat(context.broadcasts().inMemory(large.id())).isFalse();
            long total = context.parallelize(numbers(1000), 4).map(n -> large.value().get(n * 100)).reduce(Integer::sum);
            assertThat(total).isEqualTo(IntStream.range(0, 1000).mapToLong(n -> n * 100L).sum());
            assertThat(large.value()).isEqualTo(value);

            Broadcast<List<Integer>> small = context.broadcast(numbers(10));
            assertThat(context.broadcasts().inMemory(small.id())).isTrue();
            assertThat(memory.storageUsed()).isGreaterThan(usedBefore);
            small.destroy();
            large.destroy();
            assertThat(memory.storageUsed()).isEqualTo(usedBefore);
            assertThat(filesIn(local)).isEmpty();

            // Local tasks share the driver's value by reference (a latch cannot even be serialized).
            CountDownLatch latch = new CountDownLatch(3);
            Broadcast<CountDownLatch> shared = context.broadcast(latch);
            context.parallelize(numbers(3), 3).foreach(n -> shared.value().countDown());
            assertThat(latch.getCount()).isZero();
        } finally {
            session.stop();
        }
    }

    private static List<Path> filesIn(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
