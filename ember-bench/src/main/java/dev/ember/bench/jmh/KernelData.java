package dev.ember.bench.jmh;

import dev.ember.exec.LeafExec;
import dev.ember.exec.Operator;
import dev.ember.exec.PhysicalPlan;
import dev.ember.exec.TaskContext;
import dev.ember.memory.TaskMemory;
import dev.ember.expr.AttributeReference;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The kernels' input, made once per trial: {@code rows} rows of (key BIGINT in {@code [0, keys)},
 * amount BIGINT, price DOUBLE, name STRING) in batches of {@link Batch#TARGET_ROWS}, seeded.
 */
final class KernelData {
    static final StructType SCHEMA = StructType.of(new StructField("key", AtomicType.LONG, false),
            new StructField("amount", AtomicType.LONG, false), new StructField("price", AtomicType.DOUBLE, false),
            new StructField("name", AtomicType.STRING, false));

    final List<AttributeReference> attributes;
    final List<Batch> batches;

    KernelData(int rows, int keys, long seed) {
        attributes = SCHEMA.fields().stream().map(f -> AttributeReference.create(f.name(), f.dataType(), f.nullable())).toList();
        SplittableRandom random = new SplittableRandom(seed);
        List<Batch> made = new ArrayList<>();
        for (int start = 0; start < rows; start += Batch.TARGET_ROWS) {
            int size = Math.min(Batch.TARGET_ROWS, rows - start);
            List<VectorBuilder> builders = SCHEMA.fields().stream().map(f -> VectorBuilder.create(f.dataType(), size)).toList();
            for (int r = 0; r < size; r++) {
                long key = random.nextInt(keys);
                builders.get(0).appendObject(key);
                builders.get(1).appendObject((long) random.nextInt(1_000_000));
                builders.get(2).appendObject(random.nextDouble() * 1000);
                builders.get(3).appendObject("name-" + key);
            }
            List<ColumnVector> columns = builders.stream().map(VectorBuilder::build).toList();
            made.add(new Batch(columns, size));
        }
        batches = List.copyOf(made);
    }

    AttributeReference attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    /** A one-partition scan over the batches, as a plan's leaf. */
    PhysicalPlan scan() {
        return new BatchesScan(attributes, batches);
    }

    /** The batches by reference, in one partition. */
    private static final class BatchesScan extends LeafExec {
        private static final long serialVersionUID = 1L;

        private final transient List<Batch> batches;

        BatchesScan(List<AttributeReference> output, List<Batch> batches) {
            super(output);
            this.batches = batches;
        }

        @Override
        public int partitionCount() {
            return 1;
        }

        @Override
        protected Operator doOpen(TaskContext context, int partition) {
            Iterator<Batch> next = batches.iterator();
            return () -> next.hasNext() ? next.next() : null;
        }

        @Override
        public String nodeString() {
            return "BatchesScan";
        }
    }

    /** Runs partition 0 of {@code plan} to the end; returns the rows it produced. */
    static long drain(PhysicalPlan plan) {
        long rows = 0;
        TaskContext context = TaskContext.detached(Runtime.getRuntime().maxMemory() / 2);
        try (TaskMemory memory = context.memory(); Operator operator = plan.open(context, 0)) {
            for (Batch batch = operator.next(); batch != null; batch = operator.next()) {
                rows += batch.rowCount();
            }
        }
        return rows;
    }
}
