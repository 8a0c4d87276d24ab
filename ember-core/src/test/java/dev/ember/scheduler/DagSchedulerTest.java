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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    /** One map task that writes one record, once all the stages sharing {@code meeting} have a task running. */
    private record Meeting(int shuffleId, CountDownLatch meeting) implements ShuffleDependency {
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
            meeting.countDown();
            try {
                if (!meeting.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the other stage's task did not run meanwhile");
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            output.add(0, shuffleId);
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
    void stagesMaterializedTogetherRunAtOnce() {
        CountDownLatch meeting = new CountDownLatch(2);
        Map<Integer, MapOutputStatistics> statistics = scheduler.materializeTogether(List.of(new Meeting(1, meeting), new Meeting(2, meeting)), Set.of());
        assertThat(statistics).containsOnlyKeys(1, 2);
        assertThat(scheduler.runJob(List.of(), 1, (context, p) -> sum(context, 1, 0) + sum(context, 2, 0))).containsExactly(3);
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
}
