package dev.ember.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskMemoryTest {
    @TempDir
    Path dir;

    /** Holds reserved bytes; spilling writes a file and gives everything back. */
    private static final class Buffer extends MemoryConsumer {
        int spills;

        Buffer(TaskMemory memory, String name) {
            super(memory, name);
        }

        @Override
        public long spill(long needed) throws IOException {
            long held = reserved();
            if (held == 0) {
                return 0;
            }
            Files.write(memory().spills().newFile(name()), new byte[16]);
            spills++;
            memory().recordSpill(held, 16);
            releaseAll();
            return held;
        }
    }

    @Test
    void refusedReservationSpillsTheLargestOtherConsumerFirst() {
        MemoryManager manager = new MemoryManager(1000, 0);
        try (TaskMemory task = new TaskMemory(manager, new SpillDirectory(dir, "t-"))) {
            Buffer big = new Buffer(task, "big");
            Buffer small = new Buffer(task, "small");
            Buffer grower = new Buffer(task, "grower");
            assertThat(big.tryReserve(600)).isTrue();
            assertThat(small.tryReserve(300)).isTrue();
            assertThat(grower.tryReserve(400)).isTrue();
            assertThat(big.spills).isOne();
            assertThat(small.spills).isZero();
            assertThat(big.reserved()).isZero();
            assertThat(grower.reserved()).isEqualTo(400);
            assertThat(task.memoryBytesSpilled()).isEqualTo(600);
            assertThat(task.peakExecutionMemory()).isEqualTo(900);
            assertThat(grower.tryReserve(2000)).as("more than the budget, even after spilling").isFalse();
            assertThat(grower.reserved()).as("a refused request holds nothing for it").isZero();
        }
        assertThat(manager.executionUsed()).isZero();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void eachRunningTaskMayHoldItsShare() {
        MemoryManager manager = new MemoryManager(1000, 0);
        TaskMemory first = new TaskMemory(manager, new SpillDirectory(dir, "a-"));
        TaskMemory second = new TaskMemory(manager, new SpillDirectory(dir, "b-"));
        Buffer a = new Buffer(first, "a");
        Buffer b = new Buffer(second, "b");
        assertThat(a.tryReserve(600)).as("half of the budget each").isFalse();
        assertThat(a.tryReserve(500)).isTrue();
        assertThat(b.tryReserve(500)).isTrue();
        first.close();
        second.close();
        TaskMemory alone = new TaskMemory(manager, new SpillDirectory(dir, "c-"));
        assertThat(new Buffer(alone, "c").tryReserve(1000)).isTrue();
        alone.close();
    }

    @Test
    void aTaskRefusedItsMinimumShareWaitsForAnotherToGiveMemoryBack() throws Exception {
        MemoryManager manager = new MemoryManager(1000, 0);
        TaskMemory first = new TaskMemory(manager, new SpillDirectory(dir, "a-"));
        TaskMemory second = new TaskMemory(manager, new SpillDirectory(dir, "b-"));
        assertThat(new Buffer(first, "a").tryReserve(500)).isTrue();
        assertThat(manager.acquireStorage(450, "cached")).isTrue();
        Buffer b = new Buffer(second, "b");
        AtomicBoolean granted = new AtomicBoolean();
        // 50 bytes are free, less than the second task's minimum, (1000 - 450) / (2 * 2) = 137.
        Thread waiting = new Thread(() -> granted.set(b.tryReserve(300)));
        waiting.start();
        while (waiting.getState() != Thread.State.WAITING) {
            assertThat(waiting.isAlive()).as("refused at once instead of waiting").isTrue();
            Thread.onSpinWait();
        }
        first.close();
        waiting.join();
        assertThat(granted).isTrue();
        assertThat(b.reserved()).isEqualTo(300);
        second.close();
        manager.releaseStorage(450);
        assertThat(manager.executionUsed()).isZero();
    }

    @Test
    void outOfMemoryNamesTheOperatorTheBudgetAndTheSetting() {
        MemoryManager manager = new MemoryManager(1000, 0);
        try (TaskMemory task = new TaskMemory(manager, new SpillDirectory(dir, "t-"))) {
            assertThat(task.outOfMemory(new Buffer(task, "SortExec"), 5000).getMessage())
                    .contains("SortExec", "5000", "1000", "ember.executor.memory");
        }
    }
}
