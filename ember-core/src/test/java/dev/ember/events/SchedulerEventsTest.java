package dev.ember.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.config.Redaction;
import dev.ember.rdd.Pair;
import dev.ember.sql.EmberSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchedulerEventsTest {
    private static EmberSession session;
    private static final List<EmberEvent> events = new ArrayList<>();

    @BeforeAll
    static void start() {
        session = EmberSession.builder().master("local[2]").config("ember.ui.enabled", false)
                .config("ember.hadoop.fs.s3a.secret.key", "hunter2").getOrCreate();
        session.addListener(event -> {
            synchronized (events) {
                events.add(event);
            }
        });
    }

    @AfterAll
    static void stop() {
        session.stop();
    }

    private static <E extends EmberEvent> List<E> recorded(Class<E> type) {
        assertTrue(session.events().waitUntilEmpty(10_000));
        synchronized (events) {
            List<E> found = events.stream().filter(type::isInstance).map(type::cast).toList();
            events.clear();
            return found;
        }
    }

    @Test
    void aQueryIsOneSqlExecutionWhoseJobsRunAMapAndAResultStage() {
        session.sql("SELECT id % 3 AS k, count(*) AS n FROM range(0, 1000, 1, 4) GROUP BY id % 3").collectAsList();
        assertTrue(session.events().waitUntilEmpty(10_000));
        List<EmberEvent> all;
        synchronized (events) {
            all = new ArrayList<>(events);
            events.clear();
        }
        EmberEvent.SqlExecutionStart start = only(all, EmberEvent.SqlExecutionStart.class);
        assertTrue(start.description().startsWith("SELECT id % 3"), start.description());
        EmberEvent.SqlExecutionEnd end = only(all, EmberEvent.SqlExecutionEnd.class);
        assertNull(end.failureReason());
        assertTrue(end.finalPlan().contains("isFinalPlan=true"), end.finalPlan());
        List<EmberEvent.JobStart> jobs = of(all, EmberEvent.JobStart.class);
        assertTrue(jobs.stream().allMatch(job -> job.sqlExecutionId() == start.executionId()));
        assertEquals(jobs.size(), of(all, EmberEvent.JobEnd.class).size());
        List<EmberEvent.StageSubmitted> stages = of(all, EmberEvent.StageSubmitted.class);
        EmberEvent.StageSubmitted map = stages.stream().filter(s -> s.name().startsWith("map stage")).findFirst().orElseThrow();
        assertEquals(4, map.taskCount());
        List<EmberEvent.TaskEnd> mapTasks = of(all, EmberEvent.TaskEnd.class).stream().filter(t -> t.stageId() == map.stageId()).toList();
        assertEquals(4, mapTasks.size());
        assertTrue(mapTasks.stream().allMatch(t -> "driver".equals(t.executorId()) && t.failureReason() == null));
        assertEquals(12, mapTasks.stream().mapToLong(t -> t.metrics().shuffleWriteRecords()).sum(), "3 partial groups per map task");
        assertTrue(mapTasks.stream().allMatch(t -> t.metrics().shuffleWriteBytes() > 0));
        long shuffleRead = of(all, EmberEvent.TaskEnd.class).stream().filter(t -> t.stageId() != map.stageId())
                .mapToLong(t -> t.metrics().shuffleReadRecords()).sum();
        assertEquals(12, shuffleRead);
    }

    @Test
    void anRddJobWithAFailingTaskReportsTheAttemptsAndTheFailure() {
        int[] failures = {0};
        List<Pair<Integer, Integer>> counts = session.context().parallelize(List.of(1, 2, 3, 4, 5, 6), 3)
                .mapToPair(x -> new Pair<>(x % 2, 1)).reduceByKey(Integer::sum).collect();
        assertEquals(2, counts.size());
        List<EmberEvent.StageCompleted> completed = recorded(EmberEvent.StageCompleted.class);
        assertEquals(2, completed.size());
        assertTrue(completed.stream().allMatch(stage -> stage.failureReason() == null));

        try {
            session.context().parallelize(List.of(1, 2), 2).map(x -> {
                if (x == 2) {
                    throw new IllegalStateException("boom");
                }
                return x;
            }).collect();
        } catch (RuntimeException expected) {
            failures[0]++;
        }
        assertEquals(1, failures[0]);
        assertTrue(session.events().waitUntilEmpty(10_000));
        List<EmberEvent> all;
        synchronized (events) {
            all = new ArrayList<>(events);
            events.clear();
        }
        List<EmberEvent.TaskEnd> failed = of(all, EmberEvent.TaskEnd.class).stream().filter(t -> t.failureReason() != null).toList();
        assertEquals(4, failed.size(), "ember.task.maxFailures attempts of the failing task");
        assertTrue(failed.get(0).failureReason().contains("boom"));
        assertTrue(only(all, EmberEvent.JobEnd.class).failureReason().contains("boom"));
        assertTrue(only(all, EmberEvent.StageCompleted.class).failureReason() != null);
    }

    @Test
    void theEnvironmentHidesSecrets() {
        EmberSession other = EmberSession.builder().master("local[1]").config("ember.ui.enabled", false)
                .config("ember.my.password", "p").config("ember.redaction.regex", "hidden").config("ember.hidden.key", "h").getOrCreate();
        CountDownLatch ended = new CountDownLatch(1);
        other.addListener(event -> {
            if (event instanceof EmberEvent.ApplicationEnd) {
                ended.countDown();
            }
        });
        other.stop();
        assertEquals(0, ended.getCount(), "the end is delivered before stop returns");
        assertEquals(Redaction.REDACTED, Redaction.redact(other.conf().all()).get("ember.my.password"));
        assertEquals(Redaction.REDACTED, Redaction.redact(other.conf().all()).get("ember.hidden.key"));
        assertEquals("local[1]", Redaction.redact(other.conf().all()).get("ember.master"));
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        try (ListenerBus bus = new ListenerBus(2)) {
            bus.addListener(event -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            for (int i = 0; i < 10; i++) {
                bus.post(new EmberEvent.ApplicationEnd(i));
            }
            assertTrue(bus.droppedEvents() >= 7, "dropped " + bus.droppedEvents());
            release.countDown();
        }
    }

    private static <E> List<E> of(List<EmberEvent> all, Class<E> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <E> E only(List<EmberEvent> all, Class<E> type) {
        List<E> found = of(all, type);
        assertEquals(1, found.size(), type.getSimpleName() + " in " + all);
        return found.get(0);
    }
}
