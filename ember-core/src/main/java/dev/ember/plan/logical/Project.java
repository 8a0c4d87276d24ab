package dev.ember.plan.logical;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.expr.NamedExpression;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** {@code SELECT list}: computes one output column per expression. Resolved lists hold only named expressions. */
public final class Project extends UnaryNode {
    private final List<Expression> projectList;

    public Project(List<Expression> projectList, LogicalPlan child) {
        super(child);
        this.projectList = List.copyOf(projectList);
    }

    public List<Expression> projectList() {
        return projectList;
    }

    @Override
    protected LogicalPlan withChild(LogicalPlan newChild) {
        return new Project(projectList, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return projectList.stream().map(e -> ((NamedExpression) e).toAttribute()).toList();
    }

    @Override
    public boolean resolved() {
        return super.resolved() && projectList.stream().allMatch(e -> e instanceof NamedExpression);
    }

    @Override
    public List<Expression> expressions() {
        return projectList;
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        List<Expression> mapped = mapAll(projectList, f, Expression.class);
        return mapped == projectList ? this : new Project(mapped, child);
    }

    @Override
    public String nodeString() {
        return "Project [" + projectList.stream().map(Object::toString).collect(Collectors.joining(", ")) + "]";
    }
}
