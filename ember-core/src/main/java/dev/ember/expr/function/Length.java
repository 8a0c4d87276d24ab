package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.StringVector;
import java.util.List;

/**
 * {@code length(s)}: the number of characters (code points), as Spark counts them;
 * {@code octet_length(s)} and {@code bit_length(s)}: the size of its UTF-8 bytes.
 */
public final class Length extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public enum Unit { CHARACTERS, BYTES, BITS }

    private final Unit unit;

    public Length(Expression argument) {
        this(Unit.CHARACTERS, argument);
    }

    public Length(Unit unit, Expression argument) {
        super(List.of(argument));
        this.unit = unit;
    }

    @Override
    public String name() {
        return switch (unit) {
            case CHARACTERS -> "length";
            case BYTES -> "octet_length";
            case BITS -> "bit_length";
        };
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new Length(unit, newArguments.get(0));
    }

    @Override
    public boolean nullIntolerant() {
        return true;
    }

    @Override
    public DataType dataType() {
        return AtomicType.INT;
    }

    @Override
    public ColumnVector eval(Batch input) {
        StringVector strings = (StringVector) arguments.get(0).eval(input);
        int n = input.rowCount();
        int[] out = new int[n];
        byte[] bytes = strings.bytes();
        for (int i = 0; i < n; i++) {
            if (unit != Unit.CHARACTERS) {
                out[i] = strings.length(i) * (unit == Unit.BITS ? 8 : 1);
                continue;
            }
            int count = 0;
            for (int b = strings.start(i), end = b + strings.length(i); b < end; b++) {
                // Count the bytes that start a UTF-8 sequence.
                if ((bytes[b] & 0xC0) != 0x80) {
                    count++;
                }
            }
            out[i] = count;
        }
        return new IntVector(AtomicType.INT, n, out, strings.nulls());
    }
}
