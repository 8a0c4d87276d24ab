package dev.ember.bench.jmh;

import dev.ember.exec.FilterExec;
import dev.ember.exec.HashAggregateExec;
import dev.ember.exec.HashJoinExec;
import dev.ember.exec.JoinKeys;
import dev.ember.exec.PhysicalPlan;
import dev.ember.exec.SortExec;
import dev.ember.expr.And;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.Comparison;
import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.expr.SortOrder;
import dev.ember.expr.aggregate.AggregateFunction;
import dev.ember.expr.aggregate.Sum;
import dev.ember.plan.logical.JoinType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The operators' kernels on one thread over in-memory batches (no files, no scheduler): each
 * benchmark builds the physical node over a scan of {@link KernelData} and drains one partition.
 * Times are per call over {@code rows} rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OperatorBenchmarks {
    @Param("1048576")
    public int rows;

    /** Distinct keys: groups of the aggregation, rows of the join's build side. */
    @Param("10000")
    public int keys;

    private KernelData data;
    private KernelData buildSide;

    @Setup
    public void setUp() {
        data = new KernelData(rows, keys, 7);
        buildSide = new KernelData(keys, keys, 8);
    }

    /** amount < 500,000: about half the rows kept. */
    @Benchmark
    public long filter() {
        return KernelData.drain(new FilterExec(
                new Comparison(Comparison.Operator.LESS_THAN, data.attribute("amount"), Literal.of(500_000L)), data.scan()));
    }

    /** A conjunction shaped like TPC-H q06's: two bounds on amount, one on price, an inequality on key; about a quarter of the rows kept. */
    @Benchmark
    public long conjunction() {
        Expression condition = new And(new And(new And(
                new Comparison(Comparison.Operator.GREATER_THAN_OR_EQUAL, data.attribute("amount"), Literal.of(100_000L)),
                new Comparison(Comparison.Operator.LESS_THAN, data.attribute("amount"), Literal.of(600_000L))),
                new Comparison(Comparison.Operator.LESS_THAN, data.attribute("price"), Literal.of(500.0))),
                new Comparison(Comparison.Operator.NOT_EQUAL, data.attribute("key"), Literal.of(3L)));
        return KernelData.drain(new FilterExec(condition, data.scan()));
    }

    /** SELECT key, sum(amount) GROUP BY key, in one (complete) step. */
    @Benchmark
    public long hashAggregate() {
        AggregateFunction sum = new Sum(data.attribute("amount"), false);
        List<AttributeReference> output = List.of(data.attribute("key"),
                AttributeReference.create("sum", sum.dataType(), true));
        return KernelData.drain(new HashAggregateExec(HashAggregateExec.Mode.COMPLETE, List.of(data.attribute("key")), List.of(sum),
                output, data.scan()));
    }

    /** Every row probes a build side of {@code keys} rows on the key (inner join, build side broadcast). */
    @Benchmark
    public long hashJoinProbe() {
        PhysicalPlan probe = data.scan();
        PhysicalPlan build = buildSide.scan();
        List<AttributeReference> output = new ArrayList<>(probe.output());
        output.addAll(build.output());
        return KernelData.drain(new HashJoinExec(probe, build, JoinType.INNER,
                new JoinKeys(List.of(data.attribute("key")), List.of(buildSide.attribute("key")), List.of(false)), null, true, output));
    }

    /** ORDER BY price, every row. */
    @Benchmark
    public long sort() {
        return KernelData.drain(new SortExec(List.of(new SortOrder(data.attribute("price"), true, true)), -1, data.scan()));
    }
}
