package dev.ember.expr;

import dev.ember.expr.function.ReplacedCall;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A filter's condition as Spark's generated filter code runs it: the conjuncts in turn, each on the
 * rows where every one before it is true, a row dropped at the first that is not (NULL too). So a
 * conjunct raises no error (divide by zero) for a row an earlier one left NULL, where {@link And}
 * would evaluate it. A filter over local rows is one {@link And} instead: Spark evaluates that one
 * while planning, as one expression. As a value: true where every conjunct is, else false.
 */
public final class Conjuncts extends Expression {
    private static final long serialVersionUID = 1L;

    private final List<Expression> conjuncts;
    /** Per conjunct, the {@link ColumnRange} it starts with the next one, or {@code null}; computed on first use. */
    private transient volatile List<ColumnRange> ranges;

    private Conjuncts(List<Expression> conjuncts) {
        this.conjuncts = List.copyOf(conjuncts);
    }

    /**
     * {@code condition}'s conjuncts in the order Spark's filter runs them: a nullable column that a
     * conjunct reads through null-intolerant expressions alone ({@link Expression#nullIntolerant},
     * {@code IS NOT NULL}) is checked for NULL before the first conjunct that reads it at all, as
     * Spark infers those checks and places them (an {@code IS NOT NULL} of a column is that check),
     * unless that conjunct drops the same rows itself.
     */
    public static Conjuncts of(Expression condition) {
        List<Expression> given = conjunctsOf(condition);
        Map<ExprId, AttributeReference> checked = new LinkedHashMap<>();
        given.forEach(conjunct -> addNullIntolerantColumns(conjunct, true, checked));
        Map<ExprId, AttributeReference> unchecked = new LinkedHashMap<>(checked);
        List<Expression> ordered = new ArrayList<>();
        for (Expression conjunct : given) {
            if (conjunct instanceof IsNull isNull && isNull.negated() && isNull.child() instanceof AttributeReference column
                    && checked.containsKey(column.exprId())) {
                continue;
            }
            for (AttributeReference column : conjunct.collect(AttributeReference.class)) {
                if (unchecked.remove(column.exprId()) != null && !comparesColumns(conjunct)) {
                    ordered.add(new IsNull(column, true));
                }
            }
            ordered.add(conjunct);
        }
        unchecked.values().forEach(column -> ordered.add(new IsNull(column, true)));
        return new Conjuncts(ordered);
    }

    /** The operands of {@code condition}'s chain of ANDs (through BETWEEN's), else {@code condition} alone. */
    private static List<Expression> conjunctsOf(Expression condition) {
        Expression unwrapped = condition instanceof ReplacedCall call ? call.replacement() : condition;
        return unwrapped instanceof And and ? and.operands() : List.of(condition);
    }

    /**
     * Whether {@code conjunct} compares columns and constants alone ({@code a = 1}, {@code a < b},
     * LIKE...): NULL wherever one of the columns is, raising nothing there, so a NULL check of them
     * before it would drop only rows it drops.
     */
    private static boolean comparesColumns(Expression conjunct) {
        return (conjunct instanceof Comparison || conjunct instanceof Like) && conjunct.nullIntolerant()
                && conjunct.children().stream().allMatch(side -> side instanceof Literal || side instanceof AttributeReference);
    }

    /** The nullable columns {@code expression} reads through null-intolerant expressions alone (from its root, {@code IS NOT NULL} too). */
    private static void addNullIntolerantColumns(Expression expression, boolean root, Map<ExprId, AttributeReference> columns) {
        if (expression instanceof AttributeReference column) {
            if (column.nullable()) {
                columns.putIfAbsent(column.exprId(), column);
            }
        } else if (expression.nullIntolerant() || root && expression instanceof IsNull isNull && isNull.negated()) {
            expression.children().forEach(child -> addNullIntolerantColumns(child, false, columns));
        }
    }

    /** {@code condition} and then {@code conjunct}: one more of its conjuncts if it is {@link Conjuncts}, else an {@link And}. */
    public static Expression and(Expression condition, Expression conjunct) {
        if (!(condition instanceof Conjuncts given)) {
            return new And(condition, conjunct);
        }
        List<Expression> all = new ArrayList<>(given.conjuncts);
        all.add(conjunct);
        return new Conjuncts(all);
    }

    @Override
    public List<Expression> children() {
        return conjuncts;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(conjuncts, children) ? this : new Conjuncts(children);
    }

    @Override
    public DataType dataType() {
        return AtomicType.BOOLEAN;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public ColumnVector eval(Batch input) {
        return evalAt(input, Selection.all(input.rowCount()), input.rowCount());
    }

    @Override
    public BooleanVector evalAt(Batch input, int[] rows, int count) {
        return selectedValues(input, rows, count);
    }

    @Override
    public int select(Batch input, int[] rows, int count, int[] selected) {
        List<ColumnRange> rangeAt = ranges;
        if (rangeAt == null) {
            rangeAt = And.ranges(conjuncts);
            ranges = rangeAt;
        }
        return And.select(conjuncts, rangeAt, input, rows, count, selected, true);
    }

    @Override
    public String toString() {
        String chain = conjuncts.get(0).toString();
        for (int j = 1; j < conjuncts.size(); j++) {
            chain = "(" + chain + " AND " + conjuncts.get(j) + ")";
        }
        return chain;
    }
}
