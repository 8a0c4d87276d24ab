package dev.ember.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.exec.TaskContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The external combiner and sorter on a budget far below their input: exact answers from spilled runs, hash collisions kept apart. */
class ExternalCombinerTest {
    /** Keys whose hash is shared by many others, so that runs hold different keys of equal hash. */
    private record Colliding(int id) implements Serializable {
        @Override
        public int hashCode() {
            return id % 211;
        }
    }

    @Test
    void spilledCombinersMergeByKeyAcrossRunsAndCollisions() {
        TaskContext task = TaskContext.detached(256 << 10);
        try {
            ExternalCombiner<Colliding, String, List<String>> combiner = new ExternalCombiner<>(task, "RDD combineByKey",
                    new Aggregator<>(v -> new ArrayList<>(List.of(v)), (list, v) -> {
                        list.add(v);
                        return list;
                    }, (a, b) -> {
                        a.addAll(b);
                        return a;
                    }));
            Map<Colliding, List<String>> expected = new HashMap<>();
            for (int i = 0; i < 60_000; i++) {
                Colliding key = i % 1_000 == 0 ? null : new Colliding(i * 31 % 3_001);
                String value = "v" + i;
                combiner.insert(key, value);
                expected.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
            Map<Colliding, List<String>> actual = new HashMap<>();
            for (Iterator<Pair<Colliding, List<String>>> it = combiner.iterator(); it.hasNext(); ) {
                Pair<Colliding, List<String>> pair = it.next();
                assertThat(actual.put(pair._1(), pair._2())).as("key emitted once: " + pair._1()).isNull();
            }
            assertThat(actual).isEqualTo(expected);
            assertThat(task.memory().diskBytesSpilled()).as("spilled").isPositive();
            assertThat(combiner.reserved()).as("memory given back at the end").isZero();
        } finally {
            task.memory().close();
        }
    }

    @Test
    void oneKeyLargerThanTheBudgetFailsWithTheMemoryError() {
        TaskContext task = TaskContext.detached(128 << 10);
        try {
            ExternalCombiner<Integer, String, List<String>> combiner = new ExternalCombiner<>(task, "RDD combineByKey",
                    new Aggregator<>(v -> new ArrayList<>(List.of(v)), (list, v) -> {
                        list.add(v);
                        return list;
                    }, (a, b) -> {
                        a.addAll(b);
                        return a;
                    }));
            assertThatThrownBy(() -> {
                for (int i = 0; i < 100_000; i++) {
                    combiner.insert(1, "value-" + i);
                }
            }).isInstanceOf(EmberException.class)
                    .satisfies(e -> assertThat(((EmberException) e).errorClass()).isEqualTo(ErrorClass.EXECUTION_MEMORY_EXCEEDED))
                    .hasMessageContaining("RDD combineByKey").hasMessageContaining("ember.executor.memory");
        } finally {
            task.memory().close();
        }
    }

    @Test
    void sortedRunsMergeStably() {
        TaskContext task = TaskContext.detached(128 << 10);
        try {
            Comparator<Pair<Integer, Integer>> byKey = Comparator.comparing(Pair::_1);
            ExternalRecordSorter<Pair<Integer, Integer>> sorter = new ExternalRecordSorter<>(task, "RDD sortByKey", byKey);
            Random random = new Random(7);
            List<Pair<Integer, Integer>> expected = new ArrayList<>();
            for (int i = 0; i < 50_000; i++) {
                Pair<Integer, Integer> record = Pair.of(random.nextInt(500), i);
                sorter.insert(record);
                expected.add(record);
            }
            expected.sort(byKey); // stable: equal keys keep their input order
            List<Pair<Integer, Integer>> actual = new ArrayList<>();
            sorter.iterator().forEachRemaining(actual::add);
            assertThat(actual).isEqualTo(expected);
            assertThat(task.memory().diskBytesSpilled()).isPositive();
        } finally {
            task.memory().close();
        }
    }
}
