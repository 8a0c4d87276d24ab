package dev.ember.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.aggregate.AggregateFunction;
import dev.ember.expr.aggregate.Count;
import dev.ember.memory.MemoryConsumer;
import dev.ember.sql.types.AtomicType;
import dev.ember.vector.Batch;
import dev.ember.vector.LongVector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A partial aggregation gives its memory back when an operator below it, in the same task, needs
 * memory: it spills its groups and passes them on from disk, so the operator below is not starved.
 */
class PartialAggregationSpillTest {
    private static final long BUDGET = 4 << 20;
    private static final int BATCHES = 20;
    private static final int BATCH_ROWS = 1000;
    private static final int KEYS = 5000;

    @Test
    void spillsItsGroupsWhenTheOperatorBelowNeedsMemory() {
        TaskContext context = TaskContext.detached(BUDGET);
        AttributeReference key = AttributeReference.create("k", AtomicType.LONG, false);
        AttributeReference count = AttributeReference.create("count", AtomicType.LONG, false);
        ReservingSource source = new ReservingSource(key, BATCHES / 2, BUDGET - (64 << 10));
        List<AggregateFunction> functions = List.of(new Count(List.of(key), false));
        HashAggregateExec aggregate = new HashAggregateExec(HashAggregateExec.Mode.PARTIAL, List.of(key), functions, List.of(key, count), source);

        Map<Long, Long> counts = new HashMap<>();
        try (Operator operator = aggregate.open(context, 0)) {
            for (Batch batch = operator.next(); batch != null; batch = operator.next()) {
                LongVector keys = (LongVector) batch.column(0);
                LongVector partialCounts = (LongVector) batch.column(1);
                for (int row = 0; row < batch.rowCount(); row++) {
                    counts.merge(keys.get(row), partialCounts.get(row), Long::sum);
                }
            }
        } finally {
            context.memory().close();
        }

        assertThat(source.granted).as("the source got its memory").isTrue();
        assertThat(context.memory().diskBytesSpilled()).as("the partial groups were spilled to make room").isPositive();
        assertThat(counts).hasSize(KEYS);
        assertThat(counts.values()).as("every row counted once").allMatch(c -> c == (long) BATCHES * BATCH_ROWS / KEYS);
    }

    /** Keys {@code row % KEYS} in batches; before batch {@code reserveAt} it reserves {@code bytes} of its task's memory, as a join's build would. */
    private static final class ReservingSource extends LeafExec {
        private static final long serialVersionUID = 1L;
        private final int reserveAt;
        private final long bytes;
        private boolean granted;

        ReservingSource(AttributeReference key, int reserveAt, long bytes) {
            super(List.of(key));
            this.reserveAt = reserveAt;
            this.bytes = bytes;
        }

        @Override
        public int partitionCount() {
            return 1;
        }

        @Override
        protected Operator doOpen(TaskContext context, int partition) {
            MemoryConsumer consumer = new MemoryConsumer(context.memory(), "ReservingSource") {
                @Override
                public long spill(long needed) {
                    return 0;
                }
            };
            return new Operator() {
                private int batch;

                @Override
                public Batch next() {
                    if (batch == BATCHES) {
                        return null;
                    }
                    if (batch == reserveAt) {
                        granted = consumer.tryReserve(bytes);
                    }
                    long[] keys = new long[BATCH_ROWS];
                    for (int i = 0; i < BATCH_ROWS; i++) {
                        keys[i] = ((long) batch * BATCH_ROWS + i) % KEYS;
                    }
                    batch++;
                    return new Batch(List.of(new LongVector(AtomicType.LONG, BATCH_ROWS, keys, null)), BATCH_ROWS);
                }

                @Override
                public void close() {
                    consumer.releaseAll();
                }
            };
        }

        @Override
        public String nodeString() {
            return "ReservingSource";
        }
    }
}
