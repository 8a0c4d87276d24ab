package dev.ember.expr.window;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import java.util.List;

/**
 * The functions of a row's position among its partition's sorted rows: {@code row_number()},
 * {@code rank()}, {@code dense_rank()}, {@code percent_rank()}, {@code cume_dist()} and
 * {@code ntile(n)}. Peers (rows with equal ORDER BY values) share a rank.
 */
public final class Ranking extends WindowFunction {
    private static final long serialVersionUID = 1L;

    /** The kinds, with the name Spark prints for each (some upper-case). */
    public enum Kind {
        ROW_NUMBER(AtomicType.INT, "row_number"), RANK(AtomicType.INT, "RANK"), DENSE_RANK(AtomicType.INT, "DENSE_RANK"),
        PERCENT_RANK(AtomicType.DOUBLE, "PERCENT_RANK"), CUME_DIST(AtomicType.DOUBLE, "cume_dist"), NTILE(AtomicType.INT, "ntile");

        private final DataType type;
        private final String printedName;

        Kind(DataType type, String printedName) {
            this.type = type;
            this.printedName = printedName;
        }
    }

    private final Kind kind;

    public Ranking(Kind kind, List<Expression> arguments) {
        super(arguments);
        this.kind = requireNonNull(kind, "kind is null");
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String name() {
        return kind.printedName;
    }

    @Override
    public WindowFrame frame() {
        return kind == Kind.CUME_DIST ? WindowFrame.RUNNING
                : WindowFrame.RUNNING_ROWS;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : new Ranking(kind, children);
    }

    @Override
    public DataType dataType() {
        return kind.type;
    }

    @Override
    public boolean nullable() {
        return false;
    }
}
