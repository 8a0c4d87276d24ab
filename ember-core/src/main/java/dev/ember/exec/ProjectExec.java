package dev.ember.exec;

import dev.ember.expr.Alias;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.BoundReference;
import dev.ember.expr.ExprId;
import dev.ember.expr.Expression;
import dev.ember.expr.NamedExpression;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** The child's partitionings whose keys are kept, as they are or under an alias. */
    @Override
    public List<HashPartitioning> hashPartitionings() {
        Map<ExprId, ExprId> renames = new HashMap<>();
        for (int i = 0; i < bound.size(); i++) {
            int source = passedOn(i);
            if (source >= 0) {
                renames.putIfAbsent(child.output().get(source).exprId(), output.get(i).exprId());
            }
        }
        return child.hashPartitionings().stream().flatMap(p -> p.renamed(renames).stream()).toList();
    }

    /** Whether every output column is computed from its row alone, the same whatever other rows the child gives. */
    public boolean deterministic() {
        return bound.stream().allMatch(Expression::deterministic);
    }

    /** The child's column that output column {@code column} passes on unchanged (as it is or under an alias), else -1. */
    public int passedOn(int column) {
        Expression item = bound.get(column) instanceof Alias alias ? alias.child() : bound.get(column);
        return item instanceof BoundReference reference ? reference.ordinal() : -1;
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
