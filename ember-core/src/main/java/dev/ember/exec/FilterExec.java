package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.BoundReference;
import dev.ember.expr.Conjuncts;
import dev.ember.expr.Expression;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the rows where the condition is true, chosen by {@link Expression#select} without a vector
 * of its answers, and of the child's columns those its parent reads ({@code output}): the others
 * are never copied for the kept rows.
 */
public final class FilterExec extends UnaryExec {
    private static final long serialVersionUID = 1L;

    private final Expression condition;
    private final List<AttributeReference> output;
    /** The child's column of each output column; {@code null} when the output is the child's. */
    private final int[] columns;

    public FilterExec(Expression condition, PhysicalPlan child) {
        this(condition, child, child.output());
    }

    /** @param output the child's columns to keep, in the child's order */
    public FilterExec(Expression condition, PhysicalPlan child, List<AttributeReference> output) {
        super(child);
        this.condition = bind(condition, child.output());
        this.output = List.copyOf(output);
        this.columns = output.equals(child.output()) ? null
                : output.stream().mapToInt(column -> ((BoundReference) bind(column, child.output())).ordinal()).toArray();
    }

    /** This filter keeping only the rows where {@code conjunct} (bound to the child's output) holds too, checked last. */
    public FilterExec and(Expression conjunct) {
        return new FilterExec(Conjuncts.and(condition, conjunct), child, output);
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public List<HashPartitioning> hashPartitionings() {
        return keptFrom(child);
    }

    /** The shuffles a key filter of the condition reads ({@link KeysIn#source}). */
    @Override
    public List<PhysicalPlan> readBesideChildren() {
        return condition.collect(KeysIn.class).stream().map(KeysIn::source).toList();
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        Operator input = child.open(context, partition);
        return new Operator() {
            @Override
            public Batch next() {
                for (Batch batch = input.next(); batch != null; batch = input.next()) {
                    Batch kept = select(batch);
                    if (kept.rowCount() > 0) {
                        return kept;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                input.close();
            }
        };
    }

    /** The output columns of {@code batch} at the rows where the condition is true (not NULL). */
    private Batch select(Batch batch) {
        int n = batch.rowCount();
        int[] positions = new int[n];
        int count = condition.select(batch, positions);
        Batch kept = columns == null ? batch : outputColumns(batch);
        return count == n ? kept : kept.gather(positions, count);
    }

    private Batch outputColumns(Batch batch) {
        List<ColumnVector> kept = new ArrayList<>(columns.length);
        for (int column : columns) {
            kept.add(batch.column(column));
        }
        return new Batch(kept, batch.rowCount());
    }

    @Override
    public String nodeString() {
        return "Filter " + condition;
    }
}
