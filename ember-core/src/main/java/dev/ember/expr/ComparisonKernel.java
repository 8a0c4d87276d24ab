package dev.ember.expr;

import dev.ember.expr.Comparison.Operator;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DecimalVector;
import dev.ember.vector.DoubleVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import dev.ember.vector.Nulls;
import dev.ember.vector.StringVector;
import java.util.Arrays;

/**
 * Comparisons of two vectors, or of a vector with a constant (a vector of one row), and {@code IN}
 * lists of constants, at chosen rows of a batch ({@link Expression#evalAt}), read in place: one loop
 * per physical layout, in which the operator is the set of orders it accepts
 * ({@link Operator#acceptedOrders}) rather than a switch per value. Strings of a dictionary smaller
 * than the rows chosen are tested entry by entry, each row then taking its entry's answer. A filter
 * gets the rows where the answer is true, chosen in the same loop where it can ({@link #select}).
 */
final class ComparisonKernel {
    private ComparisonKernel() {
    }

    /** {@code x operator y} at {@code rows[0..count)} of {@code n}; {@code y} has one row when {@code yConstant}. */
    static BooleanVector compare(Operator operator, ColumnVector x, ColumnVector y, boolean yConstant, int[] rows, int count, int n) {
        StringVector entries = yConstant && operator != Operator.NULL_SAFE_EQUAL ? smallDictionary(x, count) : null;
        if (entries != null) {
            int size = entries.size();
            return byEntry((StringVector) x, compare(operator, entries, y, true, Selection.all(size), size, size), rows, count);
        }
        boolean[] out = new boolean[n];
        int accepted = operator.acceptedOrders();
        long[] xLongs = longs(x);
        long[] yLongs = longs(y);
        if (xLongs != null && yLongs != null && sameLayout(x, y)) {
            compareLongs(accepted, xLongs, yLongs, yConstant, rows, count, out);
        } else if (x instanceof IntVector a && y instanceof IntVector b) {
            compareInts(accepted, a.values(), b.values(), yConstant, rows, count, out);
        } else if (x instanceof DoubleVector a && y instanceof DoubleVector b) {
            compareDoubles(accepted, a.values(), b.values(), yConstant, rows, count, out);
        } else if (x instanceof StringVector a && y instanceof StringVector b && yConstant) {
            compareWithString(accepted, a, b.getBytes(0), rows, count, out);
        } else {
            compareValues(accepted, x, y, yConstant, rows, count, out);
        }
        if (operator == Operator.NULL_SAFE_EQUAL) {
            settleNullSafe(x, y, yConstant, rows, count, out);
            return new BooleanVector(n, out, null);
        }
        return new BooleanVector(n, out, nulls(x, y, yConstant, n));
    }

    /**
     * The rows of {@code rows[0..count)} of {@code n} where {@code x operator y} is true, into
     * {@code selected} (which may be {@code rows}); how many; neither side holds a NULL. Integers and
     * longs (decimals on longs too) are chosen in the comparing loop, other layouts through {@link #compare}.
     */
    static int select(Operator operator, ColumnVector x, ColumnVector y, boolean yConstant, int[] rows, int count, int n, int[] selected) {
        StringVector entries = yConstant ? smallDictionary(x, count) : null;
        if (entries != null) {
            int size = entries.size();
            return selectByEntry((StringVector) x, compare(operator, entries, y, true, Selection.all(size), size, size), rows, count, selected);
        }
        int accepted = operator.acceptedOrders();
        long[] xLongs = longs(x);
        long[] yLongs = longs(y);
        if (xLongs != null && yLongs != null && sameLayout(x, y)) {
            return selectLongs(accepted, xLongs, yLongs, yConstant, rows, count, selected);
        }
        if (x instanceof IntVector a && y instanceof IntVector b) {
            return selectInts(accepted, a.values(), b.values(), yConstant, rows, count, selected);
        }
        return Selection.selectTrue(compare(operator, x, y, yConstant, rows, count, n), rows, count, selected);
    }

    /**
     * The rows of {@code rows[0..count)} where {@code x firstOperator first} and {@code x secondOperator
     * second} (bounds: equality or order, non-NULL constants), into {@code selected} (which may be
     * {@code rows}); how many. One pass for integers and longs (decimals on longs too) without NULLs;
     * for other columns {@code -1}, choosing nothing: the comparisons are then tested one by one.
     */
    static int selectWithin(ColumnVector x, Operator firstOperator, ColumnVector first, Operator secondOperator, ColumnVector second,
            int[] rows, int count, int[] selected) {
        if (x.mayHaveNulls()) {
            return -1;
        }
        if (x instanceof IntVector a && first instanceof IntVector b && second instanceof IntVector c) {
            long[] range = {Integer.MIN_VALUE, Integer.MAX_VALUE};
            narrow(range, firstOperator, b.values()[0]);
            narrow(range, secondOperator, c.values()[0]);
            return range[0] > range[1] ? 0 : selectWithin(a.values(), range[0], range[1], rows, count, selected);
        }
        long[] values = longs(x);
        long[] firstValues = longs(first);
        long[] secondValues = longs(second);
        if (values != null && firstValues != null && secondValues != null && sameLayout(x, first) && sameLayout(x, second)) {
            long[] range = {Long.MIN_VALUE, Long.MAX_VALUE};
            narrow(range, firstOperator, firstValues[0]);
            narrow(range, secondOperator, secondValues[0]);
            return range[0] > range[1] ? 0 : selectWithin(values, range[0], range[1], rows, count, selected);
        }
        return -1;
    }

    /** Narrows the inclusive range {@code [range[0], range[1]]} to the values {@code operator c} accepts (empty: above its end). */
    private static void narrow(long[] range, Operator operator, long c) {
        switch (operator) {
            case EQUAL -> {
                range[0] = Math.max(range[0], c);
                range[1] = Math.min(range[1], c);
            }
            case GREATER_THAN_OR_EQUAL -> range[0] = Math.max(range[0], c);
            case LESS_THAN_OR_EQUAL -> range[1] = Math.min(range[1], c);
            // Nothing is above the largest long or below the smallest: an empty range.
            case GREATER_THAN -> {
                if (c == Long.MAX_VALUE) {
                    range[0] = Long.MAX_VALUE;
                    range[1] = Long.MIN_VALUE;
                } else {
                    range[0] = Math.max(range[0], c + 1);
                }
            }
            case LESS_THAN -> {
                if (c == Long.MIN_VALUE) {
                    range[0] = Long.MAX_VALUE;
                    range[1] = Long.MIN_VALUE;
                } else {
                    range[1] = Math.min(range[1], c - 1);
                }
            }
            default -> throw new IllegalArgumentException(operator + " is not a bound");
        }
    }

    /** {@code low <= x <= high} (not empty) as one unsigned comparison of the distance from {@code low}. */
    private static int selectWithin(int[] x, long low, long high, int[] rows, int count, int[] selected) {
        long width = high - low;
        int kept = 0;
        for (int k = 0; k < count; k++) {
            int i = rows[k];
            selected[kept] = i;
            kept += Long.compareUnsigned(x[i] - low, width) <= 0 ? 1 : 0;
        }
        return kept;
    }

    private static int selectWithin(long[] x, long low, long high, int[] rows, int count, int[] selected) {
        long width = high - low;
        int kept = 0;
        for (int k = 0; k < count; k++) {
            int i = rows[k];
            selected[kept] = i;
            kept += Long.compareUnsigned(x[i] - low, width) <= 0 ? 1 : 0;
        }
        return kept;
    }

    /**
     * The rows of {@code rows[0..count)} of {@code n} where {@code x IN (constants)} is true, into
     * {@code selected} (which may be {@code rows}); how many; {@code x} holds no NULL, nor do the constants.
     */
    static int selectIn(ColumnVector x, ColumnVector constants, int[] rows, int count, int n, int[] selected) {
        StringVector entries = smallDictionary(x, count);
        if (entries != null) {
            int size = entries.size();
            return selectByEntry((StringVector) x, in(entries, constants, false, Selection.all(size), size, size), rows, count, selected);
        }
        return Selection.selectTrue(in(x, constants, false, rows, count, n), rows, count, selected);
    }

    /** The rows of dictionary-encoded strings without NULLs whose entry a predicate, never NULL, answers true for ({@code perEntry}). */
    private static int selectByEntry(StringVector x, BooleanVector perEntry, int[] rows, int count, int[] selected) {
        int[] ids = x.ids();
        boolean[] answers = perEntry.values();
        int kept = 0;
        for (int k = 0; k < count; k++) {
            int i = rows[k];
            selected[kept] = i;
            kept += answers[ids[i]] ? 1 : 0;
        }
        return kept;
    }

    /**
     * {@code x IN (constants)} at {@code rows[0..count)} of {@code n}: true where some constant equals
     * the value, else NULL where the value is NULL or the list holds a NULL ({@code containsNull}), else false.
     */
    static BooleanVector in(ColumnVector x, ColumnVector constants, boolean containsNull, int[] rows, int count, int n) {
        StringVector entries = smallDictionary(x, count);
        if (entries != null) {
            int size = entries.size();
            return byEntry((StringVector) x, in(entries, constants, containsNull, Selection.all(size), size, size), rows, count);
        }
        boolean[] out = new boolean[n];
        long[] xLongs = longs(x);
        long[] cLongs = longs(constants);
        if (xLongs != null && cLongs != null && sameLayout(x, constants)) {
            for (int k = 0; k < count; k++) {
                int i = rows[k];
                out[i] = contains(cLongs, constants.size(), xLongs[i]);
            }
        } else if (x instanceof IntVector a && constants instanceof IntVector b) {
            int[] values = a.values();
            for (int k = 0; k < count; k++) {
                int i = rows[k];
                out[i] = contains(b.values(), b.size(), values[i]);
            }
        } else if (x instanceof StringVector a && constants instanceof StringVector b) {
            byte[][] strings = new byte[b.size()][];
            Arrays.setAll(strings, b::getBytes);
            for (int k = 0; k < count; k++) {
                int i = rows[k];
                out[i] = contains(strings, a, i);
            }
        } else {
            for (int k = 0; k < count; k++) {
                int i = rows[k];
                for (int j = 0; j < constants.size() && !out[i] && !x.isNull(i); j++) {
                    out[i] = x.equalsAt(i, constants, j);
                }
            }
        }
        if (!containsNull) {
            return new BooleanVector(n, out, x.nulls());
        }
        boolean[] nulls = new boolean[n];
        for (int k = 0; k < count; k++) {
            int i = rows[k];
            nulls[i] = !out[i] || x.isNull(i);
        }
        return new BooleanVector(n, out, nulls);
    }

    private static boolean contains(long[] constants, int size, long value) {
        for (int j = 0; j < size; j++) {
            if (constants[j] == value) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(int[] constants, int size, int value) {
        for (int j = 0; j < size; j++) {
            if (constants[j] == value) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(byte[][] constants, StringVector x, int i) {
        int start = x.start(i);
        int length = x.length(i);
        for (byte[] constant : constants) {
            if (constant.length == length && Arrays.equals(x.bytes(), start, start + length, constant, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /** The entries of {@code x}'s dictionary when it has fewer than the rows chosen (they are then cheaper to test than the rows); else {@code null}. */
    static StringVector smallDictionary(ColumnVector x, int count) {
        if (x instanceof StringVector strings && strings.isDictionaryEncoded()) {
            StringVector entries = strings.dictionary();
            return entries.size() < count ? entries : null;
        }
        return null;
    }

    /**
     * A predicate's answers for the rows of dictionary-encoded strings, from its answers for the
     * dictionary's entries ({@code perEntry}): NULL where the value or the entry's answer is.
     */
    static BooleanVector byEntry(StringVector x, BooleanVector perEntry, int[] rows, int count) {
        int n = x.size();
        int[] ids = x.ids();
        boolean[] answers = perEntry.values();
        boolean[] out = new boolean[n];
        for (int k = 0; k < count; k++) {
            int i = rows[k];
            out[i] = answers[ids[i]];
        }
        if (!perEntry.mayHaveNulls()) {
            return new BooleanVector(n, out, x.nulls());
        }
        boolean[] nulls = new boolean[n];
        for (int k = 0; k < count; k++) {
            int i = rows[k];
            nulls[i] = x.isNull(i) || perEntry.isNull(ids[i]);
        }
        return new BooleanVector(n, out, nulls);
    }

    private static boolean accepts(int accepted, int order) {
        return acceptedBit(accepted, order) != 0;
    }

    /** The values of a vector of longs, or of decimals that all fit longs; else {@code null}. */
    private static long[] longs(ColumnVector vector) {
        if (vector instanceof LongVector longs) {
            return longs.values();
        }
        return vector instanceof DecimalVector decimals && decimals.allLongs() ? decimals.unscaledValues() : null;
    }

    private static boolean sameLayout(ColumnVector x, ColumnVector y) {
        if (x instanceof DecimalVector a) {
            return y instanceof DecimalVector b && a.scale() == b.scale();
        }
        return x instanceof LongVector && y instanceof LongVector;
    }

    private static void compareLongs(int accepted, long[] x, long[] y, boolean yConstant, int[] rows, int count, boolean[] out) {
        if (yConstant) {
            long c = y[0];
            for (int k = 0; k < count; k++) {
                int i = rows[k];
                out[i] = accepts(accepted, Long.compare(x[i], c));
            }
        } else {
            for (int k = 0; k < count; k++) {
                int i = rows[k];
                out[i] = acceptedBit(accepted, x[i], y[i]) != 0;
            }
        }
    }

    /** 1 where {@code accepted} holds {@code order}, else 0: added to a count of rows kept, without a branch. */
    private static int acceptedBit(int accepted, int order) {
        return accepted >>> (order + 1) & 1;
    }

    /**
     * {@code acceptedBit(accepted, Long.compare(x, y))} (ints too) for two columns, with the order
     * taken from two conditional values, which the JIT turns into flag moves: it compiles
     * {@code compare} into branches, which mispredict on columns compared with each other (q04's
     * l_commitdate < l_receiptdate, true for 63% of rows in no order), at two to four times the
     * cost. Comparisons with a constant keep {@code compare}: their answers mostly run one way (a
     * selective equality), where a predicted branch costs less than the flag moves.
     */
    private static int acceptedBit(int accepted, long x, long y) {
        return accepted >>> ((x > y ? 1 : 0) + (x >= y ? 1 : 0)) & 1;
    }

    private static int selectLongs(int accepted, long[] x, long[] y, boolean yConstant, int[] rows, int count, int[] selected) {
        int kept = 0;
        if (yConstant) {
            long c = y[0];
            for (int k = 0; k < count; k++) {
                int i = rows[k];
                selected[kept] = i;
                kept += acceptedBit(accepted, Long.compare(x[i], c));
            }
        } else {
            for (int k = 0; k < count; k++) {
                int i = rows[k];
                selected[kept] = i;
                kept += acceptedBit(accepted, x[i], y[i]);
            }
        }
        return kept;
    }

    private static int selectInts(int accepted, int[] x, int[] y, boolean yConstant, int[] rows, int count, int[] selected) {
        int kept = 0;
        if (yConstant) {
            int c = y[0];
            for (int k = 0; k < count; k++) {
                int i = rows[k];
                selected[kept] = i;
                kept += acceptedBit(accepted, Integer.compare(x[i], c));
            }
        } else {
            for (int k = 0; k < count; k++) {
                int i = rows[k];
                selected[kept] = i;
                kept += acceptedBit(accepted, x[i], y[i]);
            }
        }
        return kept;
    }

    private static void compareInts(int accepted, int[] x, int[] y, boolean yConstant, int[] rows, int count, boolean[] out) {
        if (yConstant) {
            int c = y[0];
            for (int k = 0; k < count; k++) {
                int i = rows[k];
                out[i] = accepts(accepted, Integer.compare(x[i], c));
            }
        } else {
            for (int k = 0; k < count; k++) {
                int i = rows[k];
                out[i] = acceptedBit(accepted, x[i], y[i]) != 0;
            }
        }
    }

    private static void compareDoubles(int accepted, double[] x, double[] y, boolean yConstant, int[] rows, int count, boolean[] out) {
        for (int k = 0; k < count; k++) {
            int i = rows[k];
            out[i] = accepts(accepted, DoubleVector.compareSql(x[i], y[yConstant ? 0 : i]));
        }
    }

    /** Strings with a constant: equality tests the lengths first, ordering compares unsigned bytes. */
    private static void compareWithString(int accepted, StringVector x, byte[] c, int[] rows, int count, boolean[] out) {
        byte[] bytes = x.bytes();
        boolean equalityOnly = acceptsNoOrder(accepted);
        for (int k = 0; k < count; k++) {
            int i = rows[k];
            int start = x.start(i);
            int length = x.length(i);
            int order = equalityOnly
                    ? (length == c.length && Arrays.equals(bytes, start, start + length, c, 0, c.length) ? 0 : 1)
                    : Integer.signum(Arrays.compareUnsigned(bytes, start, start + length, c, 0, c.length));
            out[i] = accepts(accepted, order);
        }
    }

    /** Any other layout, value by value: equality through {@link ColumnVector#equalsAt}, ordering through {@link ColumnVector#compareAt}. */
    private static void compareValues(int accepted, ColumnVector x, ColumnVector y, boolean yConstant, int[] rows, int count, boolean[] out) {
        boolean equalityOnly = acceptsNoOrder(accepted);
        for (int k = 0; k < count; k++) {
            int i = rows[k];
            int j = yConstant ? 0 : i;
            if (!x.isNull(i) && !y.isNull(j)) {
                int order = equalityOnly ? (x.equalsAt(i, y, j) ? 0 : 1) : Integer.signum(x.compareAt(i, y, j));
                out[i] = accepts(accepted, order);
            }
        }
    }

    /** Whether the operator accepts less and greater alike: an equality test, which needs no ordering. */
    private static boolean acceptsNoOrder(int accepted) {
        return (accepted & 1) == (accepted >>> 2 & 1);
    }

    /** {@code <=>}: two NULLs are equal, a NULL and a value are not. */
    private static void settleNullSafe(ColumnVector x, ColumnVector y, boolean yConstant, int[] rows, int count, boolean[] out) {
        if (!x.mayHaveNulls() && !y.mayHaveNulls()) {
            return;
        }
        for (int k = 0; k < count; k++) {
            int i = rows[k];
            boolean xNull = x.isNull(i);
            boolean yNull = y.isNull(yConstant ? 0 : i);
            if (xNull || yNull) {
                out[i] = xNull == yNull;
            }
        }
    }

    /** NULL where either side is; the column's own flags when the other side is a non-null constant. */
    static boolean[] nulls(ColumnVector x, ColumnVector y, boolean yConstant, int n) {
        if (!yConstant) {
            return Nulls.union(x, y, n);
        }
        return y.isNull(0) ? Nulls.all(n) : x.nulls();
    }
}
