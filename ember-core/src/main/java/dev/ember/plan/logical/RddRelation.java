package dev.ember.plan.logical;

import dev.ember.exec.RddScanExec;
import dev.ember.expr.AttributeReference;
import dev.ember.rdd.Rdd;
import java.util.List;

/** The elements of an RDD as rows ({@code createDataFrame(rdd, schema | beanClass)}); read when the query runs. */
public final class RddRelation extends LeafNode {
    private final List<AttributeReference> output;
    private final Rdd<?> rdd;
    private final RddScanExec.ToValues toValues;

    public RddRelation(List<AttributeReference> output, Rdd<?> rdd, RddScanExec.ToValues toValues) {
        this.output = List.copyOf(output);
        this.rdd = rdd;
        this.toValues = toValues;
    }

    public Rdd<?> rdd() {
        return rdd;
    }

    public RddScanExec.ToValues toValues() {
        return toValues;
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public String nodeString() {
        return "LogicalRDD " + output.stream().map(AttributeReference::debugString).toList() + ", " + rdd;
    }
}
