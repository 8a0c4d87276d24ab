package dev.ember.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.expr.function.Explode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Applies a generator ({@code explode}) to each input row: the child's columns followed by the generated ones. */
public final class Generate extends UnaryNode {
    private final Explode generator;
    private final List<AttributeReference> generatorOutput;

    public Generate(Explode generator, List<AttributeReference> generatorOutput, LogicalPlan child) {
        super(child);
        this.generator = requireNonNull(generator, "generator is null");
        this.generatorOutput = List.copyOf(generatorOutput);
    }

    public Explode generator() {
        return generator;
    }

    public List<AttributeReference> generatorOutput() {
        return generatorOutput;
    }

    @Override
    protected LogicalPlan withChild(LogicalPlan newChild) {
        return new Generate(generator, generatorOutput, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> output = new ArrayList<>(child.output());
        output.addAll(generatorOutput);
        return output;
    }

    @Override
    public List<Expression> expressions() {
        return List.of(generator);
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        Expression mapped = f.apply(generator);
        return mapped == generator ? this : new Generate((Explode) mapped, generatorOutput, child);
    }

    @Override
    public String nodeString() {
        return "Generate " + generator + ", " + generatorOutput.stream().map(AttributeReference::debugString).toList();
    }
}
