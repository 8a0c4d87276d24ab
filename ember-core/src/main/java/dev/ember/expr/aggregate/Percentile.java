package dev.ember.expr.aggregate;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Cast;
import dev.ember.expr.Expression;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.ArrayVector;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DoubleVector;
import dev.ember.vector.VectorBuilder;
import java.util.Arrays;
import java.util.List;

/**
 * {@code percentile(x, p)} (exact, interpolated between the two nearest values) and {@code median(x)}
 * ({@code p = 0.5}): a double, or an array of doubles for an array of percentages; NULL for no values.
 * The state is the group's non-NULL values as doubles, collected as {@code collect_list} does.
 */
public final class Percentile extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    private final String name;

    public Percentile(String name, Expression value, Expression percentage, boolean distinct) {
        super(List.of(value, percentage), distinct);
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : new Percentile(name, children.get(0), children.get(1), distinct);
    }

    @Override
    public AggregateFunction coerceArguments() {
        Expression value = arguments.get(0);
        DataType type = value.dataType();
        if (!type.isNumeric() && type != AtomicType.NULL && type != AtomicType.STRING) {
            throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + this + "\"", "detail",
                    "parameter 1 requires the \"NUMERIC\" type, however \"" + value + "\" has the type \"" + type.simpleString().toUpperCase() + "\"");
        }
        for (double percentage : percentages()) {
            if (!(percentage >= 0 && percentage <= 1)) {
                throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + this + "\"", "detail",
                        "the percentage must be between 0.0 and 1.0, but got " + percentage);
            }
        }
        return type == AtomicType.DOUBLE ? this : new Percentile(name, Cast.implicit(value, AtomicType.DOUBLE), arguments.get(1), distinct);
    }

    private boolean many() {
        return arguments.get(1).dataType() instanceof ArrayType;
    }

    private double[] percentages() {
        Expression percentage = arguments.get(1);
        if (!percentage.foldable()) {
            throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + this + "\"", "detail",
                    "the input `percentage` should be a foldable expression; however, got \"" + percentage + "\"");
        }
        Object value = percentage.eval(new Batch(List.of(), 1)).getObject(0);
        List<?> values = value instanceof List<?> list ? list : Arrays.asList(value);
        return values.stream().mapToDouble(v -> v == null ? Double.NaN : ((Number) v).doubleValue()).toArray();
    }

    @Override
    public DataType dataType() {
        return many() ? new ArrayType(AtomicType.DOUBLE, false) : AtomicType.DOUBLE;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(new ArrayType(AtomicType.DOUBLE, false));
    }

    /** As Spark names them: {@code median(x)} without the percentage, {@code percentile(x, p, 1)} with the default frequency. */
    @Override
    public String toString() {
        String value = (distinct ? "DISTINCT " : "") + arguments.get(0);
        return name.equals("median") ? "median(" + value + ")" : "percentile(" + value + ", " + arguments.get(1) + ", 1)";
    }

    @Override
    public GroupedAccumulator newAccumulator() {
        GroupedAccumulator values = new Collect(false, arguments.get(0), false).newAccumulator();
        double[] percentages = percentages();
        return new GroupedAccumulator() {
            @Override
            public void update(int[] groupIds, int rowCount, ColumnVector input) {
                values.update(groupIds, rowCount, input);
            }

            @Override
            public void merge(int[] groupIds, int rowCount, ColumnVector[] state) {
                values.merge(groupIds, rowCount, state);
            }

            @Override
            public ColumnVector[] state(int groupCount) {
                return values.state(groupCount);
            }

            @Override
            public ColumnVector result(int groupCount) {
                ArrayVector collected = (ArrayVector) values.result(groupCount);
                DoubleVector elements = (DoubleVector) collected.elements();
                VectorBuilder out = VectorBuilder.create(dataType(), groupCount);
                for (int g = 0; g < groupCount; g++) {
                    double[] sorted = Arrays.copyOfRange(elements.values(), collected.start(g), collected.start(g) + collected.length(g));
                    if (sorted.length == 0) {
                        out.appendNull();
                        continue;
                    }
                    Arrays.sort(sorted);
                    if (!many()) {
                        out.appendObject(at(sorted, percentages[0]));
                        continue;
                    }
                    VectorBuilder.ArrayBuilder arrays = (VectorBuilder.ArrayBuilder) out;
                    for (double percentage : percentages) {
                        arrays.elements().appendObject(at(sorted, percentage));
                    }
                    arrays.endArray();
                }
                return out.build();
            }

            @Override
            public long retainedBytes() {
                return values.retainedBytes();
            }
        };
    }

    /** The value at a percentage of sorted values: between the two nearest ranks, weighted by distance. */
    private static double at(double[] sorted, double percentage) {
        double position = (sorted.length - 1) * percentage;
        int lower = (int) Math.floor(position);
        int higher = (int) Math.ceil(position);
        if (lower == higher) {
            return sorted[lower];
        }
        return (higher - position) * sorted[lower] + (position - lower) * sorted[higher];
    }
}
