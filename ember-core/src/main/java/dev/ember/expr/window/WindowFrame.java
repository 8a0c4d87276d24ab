package dev.ember.expr.window;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import java.io.Serializable;

/**
 * The rows of a partition that a window function sees for each row: {@code ROWS} counts rows from
 * the current one, {@code RANGE} takes the current row's peers (equal ORDER BY values) with it.
 * Bounds are offsets from the current row: negative precede, positive follow, 0 is the current
 * row, and {@link #UNBOUNDED_PRECEDING} / {@link #UNBOUNDED_FOLLOWING} reach the partition's ends.
 * A {@code RANGE} bound may instead be a distance in the ORDER BY key's values ({@code 2 PRECEDING},
 * {@code INTERVAL 1 DAY FOLLOWING}): then {@code lowerValue} / {@code upperValue} holds the distance
 * as written and the bound is {@link #VALUE_PRECEDING} or {@link #VALUE_FOLLOWING}.
 * {@code signedOffsets} only changes the text: the frame of {@code lag(x, 1)} prints as Spark prints
 * it, {@code -1 FOLLOWING}, where a written frame says {@code 1 PRECEDING}.
 */
public record WindowFrame(Type type, long lower, long upper, boolean signedOffsets, Expression lowerValue, Expression upperValue)
        implements Serializable {
    public static final long UNBOUNDED_PRECEDING = Long.MIN_VALUE;
    public static final long UNBOUNDED_FOLLOWING = Long.MAX_VALUE;
    public static final long CURRENT_ROW = 0;
    /** A RANGE bound at {@code lowerValue} / {@code upperValue} before the current row's key. */
    public static final long VALUE_PRECEDING = -1;
    /** A RANGE bound at {@code lowerValue} / {@code upperValue} after the current row's key. */
    public static final long VALUE_FOLLOWING = 1;

    public enum Type { ROWS, RANGE }

    /** The whole partition: what a window without ORDER BY sees. */
    public static final WindowFrame WHOLE_PARTITION = new WindowFrame(Type.ROWS, UNBOUNDED_PRECEDING, UNBOUNDED_FOLLOWING);
    /** The partition up to the current row and its peers: the default once there is an ORDER BY. */
    public static final WindowFrame RUNNING = new WindowFrame(Type.RANGE, UNBOUNDED_PRECEDING, CURRENT_ROW);
    /** Row by row up to the current row, the frame of ranking functions. */
    public static final WindowFrame RUNNING_ROWS = new WindowFrame(Type.ROWS, UNBOUNDED_PRECEDING, CURRENT_ROW);

    public WindowFrame {
        requireNonNull(type, "type is null");
        if ((lowerValue != null || upperValue != null) && type != Type.RANGE) {
            throw new IllegalArgumentException("value offsets belong to RANGE frames");
        }
    }

    public WindowFrame(Type type, long lower, long upper) {
        this(type, lower, upper, false, null, null);
    }

    /**
     * A RANGE frame from the DataFrame API's bounds: {@code rangeBetween(-2, 0)} reaches 2 below the
     * current row's key; unbounded and current-row bounds stay what they are.
     */
    public static WindowFrame range(long lower, long upper) {
        return new WindowFrame(Type.RANGE, rangeBound(lower), rangeBound(upper), false, rangeValue(lower), rangeValue(upper));
    }

    private static long rangeBound(long bound) {
        return isMarker(bound) ? bound : bound < 0 ? VALUE_PRECEDING : VALUE_FOLLOWING;
    }

    private static Expression rangeValue(long bound) {
        return isMarker(bound) ? null : Literal.of(Math.abs(bound));
    }

    private static boolean isMarker(long bound) {
        return bound == UNBOUNDED_PRECEDING || bound == UNBOUNDED_FOLLOWING || bound == CURRENT_ROW;
    }

    /** Whether a bound lies at a distance in the ORDER BY key's values rather than at a row. */
    public boolean hasValueBounds() {
        return lowerValue != null || upperValue != null;
    }

    public static WindowFrame offset(long offset) {
        return new WindowFrame(Type.ROWS, offset, offset, true, null, null);
    }

    public boolean unboundedPreceding() {
        return lower == UNBOUNDED_PRECEDING;
    }

    public boolean unboundedFollowing() {
        return upper == UNBOUNDED_FOLLOWING;
    }

    /** As Spark prints it: {@code ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW}, {@code -1 FOLLOWING}. */
    @Override
    public String toString() {
        return type + " BETWEEN " + bound(lower, lowerValue) + " AND " + bound(upper, upperValue);
    }

    private String bound(long offset, Expression value) {
        if (value != null) {
            return value + (offset < 0 ? " PRECEDING" : " FOLLOWING");
        }
        if (offset == UNBOUNDED_PRECEDING) {
            return "UNBOUNDED PRECEDING";
        }
        if (offset == UNBOUNDED_FOLLOWING) {
            return "UNBOUNDED FOLLOWING";
        }
        if (offset == CURRENT_ROW) {
            return "CURRENT ROW";
        }
        return offset < 0 && !signedOffsets ? -offset + " PRECEDING" : offset + " FOLLOWING";
    }
}
