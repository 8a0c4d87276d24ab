package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.StringVector;
import dev.ember.vector.VectorBuilder;
import java.util.List;

/**
 * {@code substring(s, pos[, len])}: 1-based position (0 acts as 1, negative counts from the end),
 * in characters, as Spark.
 */
public final class Substring extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public Substring(List<Expression> arguments) {
        super(arguments);
    }

    @Override
    public String name() {
        return "substring";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new Substring(newArguments);
    }

    @Override
    public DataType dataType() {
        return AtomicType.STRING;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        StringVector strings = (StringVector) arguments.get(0).eval(input);
        IntVector positions = (IntVector) arguments.get(1).eval(input);
        IntVector lengths = arguments.size() > 2 ? (IntVector) arguments.get(2).eval(input) : null;
        VectorBuilder out = VectorBuilder.create(AtomicType.STRING, n);
        for (int i = 0; i < n; i++) {
            if (strings.isNull(i) || positions.isNull(i) || (lengths != null && lengths.isNull(i))) {
                out.appendNull();
                continue;
            }
            String s = strings.getString(i);
            int[] codePoints = s.codePoints().toArray();
            int size = codePoints.length;
            long pos = positions.get(i);
            long len = lengths == null ? Integer.MAX_VALUE : lengths.get(i);
            long start = pos > 0 ? pos - 1 : pos < 0 ? size + pos : 0;
            long end = len < 0 ? start : start + len;
            start = Math.max(0, Math.min(start, size));
            end = Math.max(start, Math.min(end, size));
            out.appendObject(new String(codePoints, (int) start, (int) (end - start)));
        }
        return out.build();
    }
}
