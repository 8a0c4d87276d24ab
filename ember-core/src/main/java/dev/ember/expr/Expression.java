package dev.ember.expr;

import dev.ember.error.EmberException;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A node of an immutable expression tree.
 *
 * <p>The same tree serves from parsing to execution: the parser builds it with unresolved leaves
 * ({@link UnresolvedAttribute}, {@link UnresolvedFunction}), the analyzer resolves names and types
 * and inserts casts, and the physical planner binds attributes to input positions
 * ({@link BoundReference}). Only bound trees are evaluated, a batch at a time by {@link #eval},
 * which is the one interpreter Ember has: there is no second row-at-a-time path.
 *
 * <p>{@link #toString()} is Spark's rendering of the expression, which is also the column name a
 * query gets when the expression is not aliased ({@code (a + 1)}, {@code count(1)}).
 */
public abstract class Expression implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract List<Expression> children();

    /** The same node over new children (same count); returns {@code this} when they are the same instances. */
    public abstract Expression withNewChildren(List<Expression> children);

    /** The result type. Only defined on resolved expressions. */
    public abstract DataType dataType();

    public boolean nullable() {
        return true;
    }

    /** Whether names and types are known all the way down. */
    /**
     * Whether this is NULL wherever one of its inputs is (Spark's null-intolerant expressions): a
     * filter drops the rows where a column it reads only through such expressions is NULL before
     * any conjunct reads that column ({@link Conjuncts}). False unless a class says otherwise.
     */
    public boolean nullIntolerant() {
        return false;
    }

    public boolean resolved() {
        for (Expression child : children()) {
            if (!child.resolved()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the value is the same for every row and can be computed at planning time. */
    public boolean foldable() {
        return false;
    }

    /** Whether the same input always yields the same output (false for rand(), for instance). */
    public boolean deterministic() {
        for (Expression child : children()) {
            if (!child.deterministic()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Computes this expression for every row of {@code input}, returning a vector of
     * {@code input.rowCount()} values. Only bound, resolved trees are evaluated.
     *
     * @throws EmberException with a user error class (divide by zero, overflow, malformed cast)
     */
    public ColumnVector eval(Batch input) {
        throw EmberException.internal(getClass().getSimpleName() + " " + this + " cannot be evaluated;"
                + " it should have been replaced before execution.", null);
    }

    /**
     * This predicate (a BOOLEAN expression) at the rows {@code rows[0..count)} of {@code input} only
     * (ascending, distinct): a vector of {@code input.rowCount()} values, meaningful at those rows
     * alone. AND and OR evaluate their later operands so on the rows still undecided, which are then
     * the only ones computed (and able to raise errors). By default the rows are copied out for
     * {@link #eval}; predicates that can read them in place override this.
     */
    public BooleanVector evalAt(Batch input, int[] rows, int count) {
        if (count == input.rowCount()) {
            return (BooleanVector) eval(input);
        }
        return Selection.evalCopied(this, input, rows, count);
    }

    /**
     * The rows among {@code rows[0..count)} (ascending, distinct) where this predicate is true, as a
     * filter keeps them, written in order to {@code selected} (which may be {@code rows} itself); how
     * many. Evaluates the rows {@link #evalAt} does: an {@code AND}'s later conjuncts run on the
     * rows where none before them is false (NULL ones included, as Spark evaluates them).
     */
    public int select(Batch input, int[] rows, int count, int[] selected) {
        int kept = selectNonNull(input, rows, count, selected);
        return kept >= 0 ? kept : Selection.selectTrue(evalAt(input, rows, count), rows, count, selected);
    }

    /** The rows of {@code input} where this predicate is true ({@link #select(Batch, int[], int, int[])}), into {@code selected}; how many. */
    public final int select(Batch input, int[] selected) {
        int n = input.rowCount();
        return select(input, Selection.all(n), n, selected);
    }

    /**
     * The values of a predicate that is never NULL at the rows {@code rows[0..count)}, true where
     * {@link #select} chooses them: {@link #evalAt} for predicates that compute by choosing rows.
     */
    protected final BooleanVector selectedValues(Batch input, int[] rows, int count) {
        int[] chosen = new int[count];
        int kept = select(input, rows, count, chosen);
        boolean[] values = new boolean[input.rowCount()];
        for (int k = 0; k < kept; k++) {
            values[chosen[k]] = true;
        }
        return new BooleanVector(values.length, values, null);
    }

    /**
     * {@link #select} when this predicate cannot be NULL at any of the rows, so that the rows it does
     * not choose are the ones where it is false; else {@code -1}, choosing nothing. Predicates that
     * choose rows as they compute them answer here; by default nothing does.
     */
    protected int selectNonNull(Batch input, int[] rows, int count, int[] selected) {
        return -1;
    }

    public final Expression transformUp(Function<Expression, Expression> rule) {
        List<Expression> children = children();
        List<Expression> newChildren = new ArrayList<>(children.size());
        for (Expression child : children) {
            newChildren.add(child.transformUp(rule));
        }
        return rule.apply(withNewChildren(newChildren));
    }

    public final Expression transformDown(Function<Expression, Expression> rule) {
        Expression applied = rule.apply(this);
        List<Expression> children = applied.children();
        List<Expression> newChildren = new ArrayList<>(children.size());
        for (Expression child : children) {
            newChildren.add(child.transformDown(rule));
        }
        return applied.withNewChildren(newChildren);
    }

    public final boolean anyMatch(Predicate<Expression> predicate) {
        if (predicate.test(this)) {
            return true;
        }
        for (Expression child : children()) {
            if (child.anyMatch(predicate)) {
                return true;
            }
        }
        return false;
    }

    /** Every node of this tree, depth first, that matches. */
    public final <T extends Expression> List<T> collect(Class<T> type) {
        List<T> found = new ArrayList<>();
        transformDown(node -> {
            if (type.isInstance(node)) {
                found.add(type.cast(node));
            }
            return node;
        });
        return found;
    }

    protected static boolean sameChildren(List<Expression> current, List<Expression> replacement) {
        if (current.size() != replacement.size()) {
            throw new IllegalArgumentException("expected " + current.size() + " children, got " + replacement.size());
        }
        for (int i = 0; i < current.size(); i++) {
            if (current.get(i) != replacement.get(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public abstract String toString();
}
