package dev.ember.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.expr.BoundReference;
import dev.ember.expr.SortOrder;
import dev.ember.memory.MemoryConsumer;
import dev.ember.memory.MemoryManager;
import dev.ember.memory.SpillDirectory;
import dev.ember.memory.TaskMemory;
import dev.ember.scheduler.ShuffleStore;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sort within a memory budget: runs spilled and merged, exactly what an in-memory sort gives. */
class ExternalSorterTest {
    private static final List<DataType> TYPES = List.of(AtomicType.LONG, AtomicType.STRING, AtomicType.INT);
    /** Key ascending nulls last, then name descending nulls first; the third column is the input position. */
    private static final List<SortOrder> ORDER = List.of(
            new SortOrder(new BoundReference(0, AtomicType.LONG, true, "key"), true, false),
            new SortOrder(new BoundReference(1, AtomicType.STRING, true, "name"), false, true));

    @TempDir
    Path dir;

    private TaskMemory memory(long budget) {
        return new TaskMemory(new MemoryManager(budget, 0), new SpillDirectory(dir, "task-"));
    }

    /** Rows with many equal keys (so ties show whether the sort is stable) and NULLs in both keys. */
    private static List<Batch> input(int batches, int rowsPerBatch) {
        Random random = new Random(7);
        List<Batch> result = new ArrayList<>();
        int position = 0;
        for (int b = 0; b < batches; b++) {
            List<VectorBuilder> builders = TYPES.stream().map(t -> VectorBuilder.create(t, rowsPerBatch)).toList();
            for (int r = 0; r < rowsPerBatch; r++) {
                builders.get(0).appendObject(random.nextInt(20) == 0 ? null : (long) random.nextInt(500));
                builders.get(1).appendObject(random.nextInt(10) == 0 ? null : "name-" + random.nextInt(5));
                builders.get(2).appendObject(position++);
            }
            result.add(new Batch(builders.stream().map(VectorBuilder::build).toList(), rowsPerBatch));
        }
        return result;
    }

    private static List<List<Object>> rows(List<Batch> batches) {
        List<List<Object>> rows = new ArrayList<>();
        for (Batch batch : batches) {
            for (int r = 0; r < batch.rowCount(); r++) {
                List<Object> row = new ArrayList<>();
                for (ColumnVector column : batch.columns()) {
                    row.add(column.getObject(r));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The expected order, by a stable list sort. */
    @SuppressWarnings("unchecked")
    private static List<List<Object>> expected(List<Batch> input, int limit) {
        Comparator<List<Object>> byKey = Comparator.comparing(row -> (Long) row.get(0), Comparator.nullsLast(Comparator.naturalOrder()));
        Comparator<List<Object>> byName = Comparator.comparing(row -> (String) row.get(1), Comparator.nullsFirst(Comparator.<String>reverseOrder()));
        List<List<Object>> rows = new ArrayList<>(rows(input));
        rows.sort(byKey.thenComparing(byName));
        return limit < 0 ? rows : rows.subList(0, Math.min(limit, rows.size()));
    }

    private static List<Batch> sort(ExternalSorter sorter, List<Batch> input) {
        input.forEach(sorter::add);
        List<Batch> output = new ArrayList<>();
        for (Batch batch = sorter.next(); batch != null; batch = sorter.next()) {
            assertThat(batch.rowCount()).isBetween(1, Batch.TARGET_ROWS);
            output.add(batch);
        }
        return output;
    }

    @Test
    void sortsInMemoryWhenTheBudgetAllows() {
        List<Batch> input = input(10, 1000);
        try (TaskMemory memory = memory(64 << 20)) {
            assertThat(rows(sort(new ExternalSorter(memory, ORDER, TYPES, -1), input))).isEqualTo(expected(input, -1));
            assertThat(memory.diskBytesSpilled()).isZero();
        }
    }

    @Test
    void spillsRunsAndMergesThemStably() {
        List<Batch> input = input(40, 4096);
        try (TaskMemory memory = memory(2 << 20)) {
            List<Batch> output = sort(new ExternalSorter(memory, ORDER, TYPES, -1), input);
            assertThat(rows(output)).isEqualTo(expected(input, -1));
            assertThat(memory.diskBytesSpilled()).isPositive();
            assertThat(memory.memoryBytesSpilled()).isGreaterThan(memory.diskBytesSpilled());
            assertThat(memory.peakExecutionMemory()).isLessThanOrEqualTo(2 << 20);
            assertThat(dir.toFile().listFiles()[0].list()).as("runs are deleted once merged").isEmpty();
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void moreRunsThanOneMergeTakesAreMergedInSteps() {
        // A budget smaller than one batch: every batch becomes a run of its own, 150 of them.
        List<Batch> input = input(150, 500);
        try (TaskMemory memory = memory(1000)) {
            assertThat(rows(sort(new ExternalSorter(memory, ORDER, TYPES, -1), input))).isEqualTo(expected(input, -1));
            assertThat(memory.diskBytesSpilled()).isPositive();
        }
    }

    @Test
    void topNKeepsTheFirstRowsWithinTheBudget() {
        List<Batch> input = input(60, 4096);
        for (int limit : new int[] {0, 10, 5000, 100_000, 1_000_000}) {
            try (TaskMemory memory = memory(1 << 20)) {
                assertThat(rows(sort(new ExternalSorter(memory, ORDER, TYPES, limit), input))).as("limit " + limit).isEqualTo(expected(input, limit));
            }
        }
    }

    /** Another consumer of the task asking for memory while the sorted output is read from memory. */
    @Test
    void sortedOutputStillInMemorySpillsForAnotherConsumer() {
        List<Batch> input = input(10, 4096);
        try (TaskMemory memory = memory(8 << 20)) {
            ExternalSorter sorter = new ExternalSorter(memory, ORDER, TYPES, -1);
            input.forEach(sorter::add);
            List<Batch> output = new ArrayList<>(List.of(sorter.next()));
            assertThat(memory.diskBytesSpilled()).isZero();
            MemoryConsumer window = new MemoryConsumer(memory, "WindowExec") {
                @Override
                public long spill(long needed) {
                    return 0;
                }
            };
            assertThat(window.tryReserve(7 << 20)).isTrue();
            assertThat(sorter.reserved()).isZero();
            assertThat(memory.diskBytesSpilled()).isPositive();
            for (Batch batch = sorter.next(); batch != null; batch = sorter.next()) {
                output.add(batch);
            }
            assertThat(rows(output)).isEqualTo(expected(input, -1));
        }
    }

    /** A task that fails while merging: its spill files go with the task. */
    @Test
    void spillFilesAreDeletedWhenTheTaskFailsMidMerge() {
        List<Batch> input = input(40, 4096);
        TaskMemory memory = memory(1 << 20);
        ExternalSorter sorter = new ExternalSorter(memory, ORDER, TYPES, -1);
        input.forEach(sorter::add);
        sorter.next();
        sorter.next();
        assertThat(dir.toFile().listFiles()[0].list()).as("runs being merged").isNotEmpty();
        // What the scheduler does when the task fails: completion listeners, then the task's memory.
        sorter.close();
        memory.close();
        assertThat(dir).isEmptyDirectory();
    }
}
