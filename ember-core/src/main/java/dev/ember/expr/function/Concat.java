package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.ArrayVector;
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

    /** Strings; concat_ws also takes arrays of strings, whose elements it joins. */
    @Override
    public Expression coerceArguments() {
        return withNewChildren(arguments.stream().map(this::asStrings).toList());
    }

    private Expression asStrings(Expression argument) {
        if (withSeparator && argument.dataType() instanceof ArrayType array) {
            return array.elementType() == AtomicType.STRING ? argument : castTo(argument, new ArrayType(AtomicType.STRING, true));
        }
        return castTo(argument, AtomicType.STRING);
    }

    @Override
    public DataType dataType() {
        return AtomicType.STRING;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        ColumnVector[] parts = new ColumnVector[arguments.size()];
        for (int a = 0; a < parts.length; a++) {
            parts[a] = arguments.get(a).eval(input);
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
                String separator = ((StringVector) parts[0]).getString(i);
                boolean first = true;
                for (int a = 1; a < parts.length; a++) {
                    if (parts[a] instanceof ArrayVector array) {
                        // an array's non-NULL elements are joined as if they were arguments
                        StringVector elements = (StringVector) array.elements();
                        for (int e = array.start(i), end = e + array.length(i); !array.isNull(i) && e < end; e++) {
                            if (!elements.isNull(e)) {
                                text.append(first ? "" : separator).append(elements.getString(e));
                                first = false;
                            }
                        }
                    } else if (!parts[a].isNull(i)) {
                        text.append(first ? "" : separator).append(((StringVector) parts[a]).getString(i));
                        first = false;
                    }
                }
            } else {
                for (ColumnVector part : parts) {
                    if (part.isNull(i)) {
                        isNull = true;
                        break;
                    }
                    text.append(((StringVector) part).getString(i));
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
