package dev.ember.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.memory.MemoryManager;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values shared by a process's tasks: built once, waited for, declined, rebuilt after a failure, released with their shuffle. */
class SharedShuffleValuesTest {
    @TempDir
    Path temp;

    private final MemoryManager memory = new MemoryManager(1000, 0.5);

    private SharedShuffleValues values() {
        return new ShuffleStore(memory, temp).sharedValues();
    }

    @Test
    void aTaskAskingWhileTheValueIsBuiltWaitsForItAndTheMemoryIsReleasedWithTheShuffle() throws Exception {
        ShuffleStore store = new ShuffleStore(memory, temp);
        SharedShuffleValues values = store.sharedValues();
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> values.get(3, "keys", reservation -> {
            builds.incrementAndGet();
            building.countDown();
            await(finish);
            return reservation.tryReserve(400) ? "table" : null;
        }));
        building.await();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> values.get(3, "keys", reservation -> {
            builds.incrementAndGet();
            return "another table";
        }));
        finish.countDown();
        assertThat(first.get()).isEqualTo("table");
        assertThat(second.get()).isEqualTo("table");
        assertThat(values.<String>get(3, "keys", reservation -> "again")).isEqualTo("table");
        assertThat(builds).hasValue(1);
        assertThat(memory.storageUsed()).isEqualTo(400);
        assertThat(values.<String>get(3, "other keys", reservation -> "other")).as("another purpose, another value").isEqualTo("other");

        store.remove(3);
        assertThat(memory.storageUsed()).isZero();
        assertThat(values.reservedBytes()).isZero();
    }

    @Test
    void aDeclinedValueIsNullForEveryTaskAndHoldsNoMemory() {
        SharedShuffleValues values = values();
        AtomicInteger builds = new AtomicInteger();
        for (int task = 0; task < 3; task++) {
            assertThat(values.<String>get(1, "keys", reservation -> {
                builds.incrementAndGet();
                assertThat(reservation.tryReserve(600)).isTrue();
                return reservation.tryReserve(600) ? "table" : null;
            })).isNull();
        }
        assertThat(builds).hasValue(1);
        assertThat(memory.storageUsed()).isZero();
    }

    @Test
    void whenTheBuilderFailsTheNextTaskBuildsIt() {
        SharedShuffleValues values = values();
        assertThatThrownBy(() -> values.get(1, "keys", reservation -> {
            reservation.tryReserve(300);
            throw new IllegalStateException("fetch failed");
        })).hasMessage("fetch failed");
        assertThat(memory.storageUsed()).isZero();
        assertThat(values.<String>get(1, "keys", reservation -> "table")).isEqualTo("table");
    }

    @Test
    void aValueFinishedAfterItsShuffleWasRemovedIsReleasedAtOnce() {
        ShuffleStore store = new ShuffleStore(memory, temp);
        assertThat(store.sharedValues().<String>get(5, "keys", reservation -> {
            reservation.tryReserve(200);
            store.remove(5);
            return "table";
        })).isEqualTo("table");
        assertThat(memory.storageUsed()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
