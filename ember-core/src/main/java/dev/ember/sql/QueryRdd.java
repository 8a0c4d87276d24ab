package dev.ember.sql;

import dev.ember.exec.Operator;
import dev.ember.exec.PhysicalPlan;
import dev.ember.exec.ShuffleExchangeExec;
import dev.ember.exec.TaskContext;
import dev.ember.rdd.EmberContext;
import dev.ember.rdd.Rdd;
import dev.ember.scheduler.ShuffleDependency;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A query's rows as an RDD ({@code df.rdd()}): partition {@code p} runs partition {@code p} of the
 * query's physical plan; the plan's exchanges are the RDD's shuffles, so the stages below them run
 * first, as for the query itself.
 */
final class QueryRdd extends Rdd<Row> {
    private static final long serialVersionUID = 1L;

    private final PhysicalPlan plan;
    private final StructType schema;

    QueryRdd(EmberContext context, PhysicalPlan plan, StructType schema) {
        super(context);
        this.plan = plan;
        this.schema = schema;
    }

    @Override
    public int getNumPartitions() {
        return plan.partitionCount();
    }

    @Override
    protected List<ShuffleDependency> shuffleParents() {
        return ShuffleExchangeExec.inputsOf(plan);
    }

    @Override
    protected Iterator<Row> compute(int partition, TaskContext task) {
        Operator operator = plan.open(task, partition);
        return new Iterator<>() {
            private Batch batch;
            private int row;
            private boolean done;

            @Override
            public boolean hasNext() {
                while (!done && (batch == null || row >= batch.rowCount())) {
                    batch = operator.next();
                    row = 0;
                    if (batch == null) {
                        done = true;
                        operator.close();
                    }
                }
                return !done;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object[] values = new Object[batch.columnCount()];
                for (int c = 0; c < values.length; c++) {
                    values[c] = batch.column(c).getObject(row);
                }
                row++;
                return Row.withSchema(schema, values);
            }
        };
    }
}
