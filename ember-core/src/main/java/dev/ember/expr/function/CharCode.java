package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import dev.ember.vector.StringVector;
import dev.ember.vector.VectorBuilder;
import java.util.List;

/**
 * {@code ascii(str)}: the code point of the first character (0 for ''); and its inverse
 * {@code chr(n)}: the character {@code n mod 256}, '' for negative n.
 */
public final class CharCode extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    private final boolean inverse;
    private final String name;

    public CharCode(boolean inverse, String name, Expression argument) {
        super(List.of(argument));
        this.inverse = inverse;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new CharCode(inverse, name, newArguments.get(0));
    }

    @Override
    public Expression coerceArguments() {
        return withNewChildren(List.of(castTo(arguments.get(0), inverse ? AtomicType.LONG : AtomicType.STRING)));
    }

    @Override
    public DataType dataType() {
        return inverse ? AtomicType.STRING : AtomicType.INT;
    }

    @Override
    public boolean nullable() {
        return arguments.get(0).nullable();
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        if (inverse) {
            LongVector codes = (LongVector) arguments.get(0).eval(input);
            VectorBuilder out = VectorBuilder.create(AtomicType.STRING, n);
            for (int i = 0; i < n; i++) {
                long code = codes.get(i);
                out.appendObject(codes.isNull(i) ? null : code < 0 ? "" : String.valueOf((char) (code & 0xFF)));
            }
            return out.build();
        }
        StringVector strings = (StringVector) arguments.get(0).eval(input);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (!strings.isNull(i) && strings.length(i) > 0) {
                out[i] = strings.getString(i).codePointAt(0);
            }
        }
        return new IntVector(AtomicType.INT, n, out, strings.nulls());
    }
}
