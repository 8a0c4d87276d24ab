package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.expr.NamedExpression;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;

/** Computes one column per (bound) expression. */
public final class ProjectExec extends UnaryExec {
    private static final long serialVersionUID = 1L;

    private final List<AttributeReference> output;
    private final List<Expression> bound;

    public ProjectExec(List<Expression> projectList, PhysicalPlan child) {
        super(child);
        this.output = projectList.stream().map(e -> ((NamedExpression) e).toAttribute()).toList();
        this.bound = bindAll(projectList, child.output());
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        Operator input = child.open(context, partition);
        return new Operator() {
            @Override
            public Batch next() {
                Batch batch = input.next();
                if (batch == null) {
                    return null;
                }
                List<ColumnVector> columns = new ArrayList<>(bound.size());
                for (Expression expression : bound) {
                    columns.add(expression.eval(batch));
                }
                return new Batch(columns, batch.rowCount());
            }

            @Override
            public void close() {
                input.close();
            }
        };
    }

    @Override
    public String nodeString() {
        return "Project " + bound;
    }
}
