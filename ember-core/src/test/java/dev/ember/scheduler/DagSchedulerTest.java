package dev.ember.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.exec.TaskContext;
import dev.ember.memory.MemoryManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DagSchedulerTest {
    private final LocalTaskBackend backend = new LocalTaskBackend(2, new MemoryManager(64 << 20, 0.5), Path.of(System.getProperty("java.io.tmpdir")));
    private final DagScheduler scheduler = new DagScheduler(backend, 4);

    @AfterEach
    void stop() {
        backend.close();
    }

    /** Numbers 0..29 from three map tasks, sent to reduce partition {@code n % 2}; counts its map task runs. */
    private static final class Numbers implements ShuffleDependency {
        private final int shuffleId;
        private final boolean outlivesJob;
        final AtomicInteger mapRuns = new AtomicInteger();

        Numbers(int shuffleId, boolean outlivesJob) {
            this.shuffleId = shuffleId;
            this.outlivesJob = outlivesJob;
        }

        @Override
        public int shuffleId() {
            return shuffleId;
        }

        @Override
        public int mapPartitions() {
            return 3;
        }

        @Override
        public List<ShuffleDependency> parents() {
            return List.of();
        }

        @Override
        public int reducePartitions() {
            return 2;
        }

        @Override
        public void writeMapOutput(TaskContext context, int mapPartition, MapOutputWriter output) {
            mapRuns.incrementAndGet();
            for (int n = mapPartition * 10; n < mapPartition * 10 + 10; n++) {
                output.add(n % 2, n);
            }
        }

        @Override
        public boolean outlivesJob() {
            return outlivesJob;
        }
    }

    private static int sum(TaskContext context, int shuffleId, int partition) {
        int sum = 0;
        for (Iterator<Integer> numbers = context.shuffles().read(shuffleId, partition); numbers.hasNext(); ) {
            sum += numbers.next();
        }
        return sum;
    }

    @Test
    void reduceTasksReadEveryMapOutput() {
        Numbers numbers = new Numbers(1, false);
        List<Integer> sums = scheduler.runJob(List.of(numbers), 2, (context, p) -> sum(context, 1, p));
        assertThat(sums).containsExactly(210, 225);
        assertThat(scheduler.shuffles().missing(1, 3)).as("a query's shuffle is freed with its job").hasSize(3);
    }

    @Test
    void failedTaskIsAttemptedAgain() {
        Set<Integer> failedOnce = ConcurrentHashMap.newKeySet();
        List<Integer> results = scheduler.runJob(List.of(), 3, (context, p) -> {
            if (context.attemptNumber() == 0 && failedOnce.add(p)) {
                throw new IllegalStateException("injected");
            }
            assertThat(TaskContext.get()).isSameAs(context);
            return p * 10 + context.attemptNumber();
        });
        assertThat(results).containsExactly(1, 11, 21);
    }

    @Test
    void taskFailingEveryAttemptFailsTheJobNamingTheTaskAndAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> scheduler.runJob(List.of(), 2, (context, p) -> {
            if (p == 1) {
                attempts.incrementAndGet();
                throw new IllegalStateException("boom");
            }
            return p;
        })).isInstanceOfSatisfying(EmberException.class, e -> {
            assertThat(e.errorClass()).isEqualTo(ErrorClass.TASK_FAILED);
            assertThat(e.getMessage()).contains("Task 1 in stage", "failed 4 times", "IllegalStateException: boom");
        });
        assertThat(attempts).hasValue(4);
    }

    @Test
    void errorsAboutTheQueryAreNotAttemptedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> scheduler.runJob(List.of(), 1, (context, p) -> {
            attempts.incrementAndGet();
            throw EmberException.of(ErrorClass.DIVIDE_BY_ZERO, "config", "\"spark.sql.ansi.enabled\"");
        })).isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.DIVIDE_BY_ZERO));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void lostMapOutputIsRecomputedFromLineage() {
        Numbers numbers = new Numbers(2, true);
        AtomicInteger lost = new AtomicInteger();
        List<Integer> sums = scheduler.runJob(List.of(numbers), 2, (context, p) -> {
            if (p == 0 && lost.getAndIncrement() == 0) {
                context.shuffles().lose(2, 1);
            }
            return sum(context, 2, p);
        });
        assertThat(sums).containsExactly(210, 225);
        assertThat(numbers.mapRuns).as("three map tasks, then the lost one again").hasValue(4);
    }

    @Test
    void shuffleThatOutlivesItsJobIsReusedAndOnlyItsLostPartsRecomputed() {
        Numbers numbers = new Numbers(3, true);
        scheduler.runJob(List.of(numbers), 2, (context, p) -> sum(context, 3, p));
        scheduler.shuffles().lose(3, 2);
        List<Integer> sums = scheduler.runJob(List.of(numbers), 2, (context, p) -> sum(context, 3, p));
        assertThat(sums).containsExactly(210, 225);
        assertThat(numbers.mapRuns).hasValue(4);
    }

    /** One map task that first runs {@code before}, then sends {@code rows} ones to reduce partition 0. */
    private record OneMapTask(int shuffleId, int rows, Runnable before) implements ShuffleDependency {
        @Override
        public int mapPartitions() {
            return 1;
        }

        @Override
        public List<ShuffleDependency> parents() {
            return List.of();
        }

        @Override
        public int reducePartitions() {
            return 1;
        }

        @Override
        public void writeMapOutput(TaskContext context, int mapPartition, MapOutputWriter output) {
            before.run();
            for (int n = 0; n < rows; n++) {
                output.add(0, 1);
            }
        }

        @Override
        public boolean outlivesJob() {
            return false;
        }
    }

    private static Runnable await(CyclicBarrier barrier) {
        return () -> {
            try {
                barrier.await(60, java.util.concurrent.TimeUnit.SECONDS); // only a guard: run one after the other, they would wait forever
            } catch (Exception e) {
                throw new IllegalStateException("the other stage did not run meanwhile", e);
            }
        };
    }

    @Test
    void independentShufflesMaterializeAtTheSameTime() {
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        List<MapOutputStatistics> statistics = scheduler.materialize(
                List.of(new OneMapTask(4, 3, await(bothRunning)), new OneMapTask(5, 7, await(bothRunning))));
        assertThat(statistics).extracting(MapOutputStatistics::shuffleId).containsExactly(4, 5);
        assertThat(statistics).extracting(MapOutputStatistics::totalRows).containsExactly(3L, 7L);
        assertThat(scheduler.shuffles().missing(4, 1)).as("kept for the job that reads it").isEmpty();
    }

    @Test
    void whenOneOfIndependentShufflesFailsTheOthersAreDropped() {
        OneMapTask fine = new OneMapTask(6, 2, () -> { });
        OneMapTask failing = new OneMapTask(7, 2, () -> {
            throw EmberException.of(ErrorClass.DIVIDE_BY_ZERO, "config", "\"spark.sql.ansi.enabled\"");
        });
        assertThatThrownBy(() -> scheduler.materialize(List.of(fine, failing)))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.DIVIDE_BY_ZERO));
        assertThat(scheduler.shuffles().missing(6, 1)).as("nothing will read it").hasSize(1);
    }

    /** One map task that sends the sum of {@code parent}'s numbers to reduce partition 0. */
    private record Summed(int shuffleId, Numbers parent) implements ShuffleDependency {
        @Override
        public int mapPartitions() {
            return 1;
        }

        @Override
        public List<ShuffleDependency> parents() {
            return List.of(parent);
        }

        @Override
        public int reducePartitions() {
            return 1;
        }

        @Override
        public void writeMapOutput(TaskContext context, int mapPartition, MapOutputWriter output) {
            output.add(0, sum(context, parent.shuffleId(), 0) + sum(context, parent.shuffleId(), 1));
        }

        @Override
        public boolean outlivesJob() {
            return false;
        }
    }

    @Test
    void shufflesWithAParentToComputeMaterializeOneAfterTheOtherSoThatTheParentRunsOnce() {
        Numbers parent = new Numbers(8, true);
        List<MapOutputStatistics> statistics = scheduler.materialize(List.of(new Summed(9, parent), new Summed(10, parent)));
        assertThat(statistics).extracting(MapOutputStatistics::totalRows).containsExactly(1L, 1L);
        assertThat(parent.mapRuns).hasValue(3);
    }
}
