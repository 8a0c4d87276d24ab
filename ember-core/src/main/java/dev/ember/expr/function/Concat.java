package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.StringVector;
import dev.ember.vector.VectorBuilder;
import java.util.List;

/**
 * {@code concat(a, b, ...)}: NULL if any argument is NULL. With a separator first
 * ({@code concat_ws(sep, a, ...)}) NULL arguments are skipped instead.
 */
public final class Concat extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    private final boolean withSeparator;

    public Concat(List<Expression> arguments, boolean withSeparator) {
        super(arguments);
        this.withSeparator = withSeparator;
    }

    @Override
    public String name() {
        return withSeparator ? "concat_ws" : "concat";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new Concat(newArguments, withSeparator);
    }

    @Override
    public DataType dataType() {
        return AtomicType.STRING;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        StringVector[] parts = new StringVector[arguments.size()];
        for (int a = 0; a < parts.length; a++) {
            parts[a] = (StringVector) arguments.get(a).eval(input);
        }
        VectorBuilder.StringBuilder out = (VectorBuilder.StringBuilder) VectorBuilder.create(AtomicType.STRING, n);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.setLength(0);
            boolean isNull = false;
            if (withSeparator) {
                if (parts[0].isNull(i)) {
                    out.appendNull();
                    continue;
                }
                String separator = parts[0].getString(i);
                boolean first = true;
                for (int a = 1; a < parts.length; a++) {
                    if (!parts[a].isNull(i)) {
                        text.append(first ? "" : separator).append(parts[a].getString(i));
                        first = false;
                    }
                }
            } else {
                for (StringVector part : parts) {
                    if (part.isNull(i)) {
                        isNull = true;
                        break;
                    }
                    text.append(part.getString(i));
                }
            }
            if (isNull) {
                out.appendNull();
            } else {
                out.append(text.toString());
            }
        }
        return out.build();
    }
}
