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
    public boolean nullIntolerant() {
        return true;
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
        VectorBuilder.StringBuilder out = (VectorBuilder.StringBuilder) VectorBuilder.create(AtomicType.STRING, n);
        byte[] bytes = strings.bytes();
        for (int i = 0; i < n; i++) {
            if (strings.isNull(i) || positions.isNull(i) || (lengths != null && lengths.isNull(i))) {
                out.appendNull();
                continue;
            }
            // Characters are counted on the UTF-8 bytes, by the bytes that start a sequence: no decoding.
            int from = strings.start(i);
            int to = from + strings.length(i);
            long pos = positions.get(i);
            long len = lengths == null ? Integer.MAX_VALUE : lengths.get(i);
            long start = pos > 0 ? pos - 1 : pos < 0 ? characters(bytes, from, to) + pos : 0;
            long end = len < 0 ? start : start + len;
            start = Math.max(0, start);
            if (end <= start) {
                out.appendBytes(bytes, from, 0);
                continue;
            }
            int first = skipCharacters(bytes, from, to, start);
            int last = skipCharacters(bytes, first, to, end - start);
            out.appendBytes(bytes, first, last - first);
        }
        return out.build();
    }

    /** The number of characters in {@code bytes[from .. to)}. */
    private static int characters(byte[] bytes, int from, int to) {
        int count = 0;
        for (int b = from; b < to; b++) {
            if ((bytes[b] & 0xC0) != 0x80) {
                count++;
            }
        }
        return count;
    }

    /** Where the character {@code count} characters after the one at {@code from} starts, or {@code to} if the string ends first. */
    private static int skipCharacters(byte[] bytes, int from, int to, long count) {
        int b = from;
        for (long skipped = 0; b < to; b++) {
            if ((bytes[b] & 0xC0) != 0x80 && skipped++ == count) {
                return b;
            }
        }
        return to;
    }
}
