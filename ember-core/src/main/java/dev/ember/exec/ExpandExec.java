package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;

/** Emits each input batch once per projection (see {@code plan.logical.Expand}). */
public final class ExpandExec extends UnaryExec {
    private static final long serialVersionUID = 1L;

    private final List<List<Expression>> projections;
    private final List<AttributeReference> output;

    public ExpandExec(List<List<Expression>> projections, List<AttributeReference> output, PhysicalPlan child) {
        super(child);
        this.projections = projections.stream().map(p -> bindAll(p, child.output())).toList();
        this.output = List.copyOf(output);
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        Operator input = child.open(context, partition);
        return new Operator() {
            private Batch current;
            private int nextProjection;

            @Override
            public Batch next() {
                if (current == null || nextProjection == projections.size()) {
                    current = input.next();
                    nextProjection = 0;
                    if (current == null) {
                        return null;
                    }
                }
                List<Expression> projection = projections.get(nextProjection++);
                List<ColumnVector> columns = new ArrayList<>(projection.size());
                for (Expression expression : projection) {
                    columns.add(expression.eval(current));
                }
                return new Batch(columns, current.rowCount());
            }

            @Override
            public void close() {
                input.close();
            }
        };
    }

    @Override
    public String nodeString() {
        return "Expand " + projections;
    }
}
