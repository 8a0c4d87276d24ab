package dev.ember.expr.window;

import java.io.Serializable;

/**
 * The rows of a partition that a window function sees for each row: {@code ROWS} counts rows from
 * the current one, {@code RANGE} takes the current row's peers (equal ORDER BY values) with it.
 * Bounds are offsets from the current row: negative precede, positive follow, 0 is the current
 * row, and {@link #UNBOUNDED_PRECEDING} / {@link #UNBOUNDED_FOLLOWING} reach the partition's ends.
 * {@code signedOffsets} only changes the text: the frame of {@code lag(x, 1)} prints as Spark prints
 * it, {@code -1 FOLLOWING}, where a written frame says {@code 1 PRECEDING}.
 */
public record WindowFrame(Type type, long lower, long upper, boolean signedOffsets) implements Serializable {
    public static final long UNBOUNDED_PRECEDING = Long.MIN_VALUE;
    public static final long UNBOUNDED_FOLLOWING = Long.MAX_VALUE;
    public static final long CURRENT_ROW = 0;

    public enum Type { ROWS, RANGE }

    /** The whole partition: what a window without ORDER BY sees. */
    public static final WindowFrame WHOLE_PARTITION = new WindowFrame(Type.ROWS, UNBOUNDED_PRECEDING, UNBOUNDED_FOLLOWING);
    /** The partition up to the current row and its peers: the default once there is an ORDER BY. */
    public static final WindowFrame RUNNING = new WindowFrame(Type.RANGE, UNBOUNDED_PRECEDING, CURRENT_ROW);
    /** Row by row up to the current row, the frame of ranking functions. */
    public static final WindowFrame RUNNING_ROWS = new WindowFrame(Type.ROWS, UNBOUNDED_PRECEDING, CURRENT_ROW);

    public WindowFrame(Type type, long lower, long upper) {
        this(type, lower, upper, false);
    }

    public static WindowFrame offset(long offset) {
        return new WindowFrame(Type.ROWS, offset, offset, true);
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
        return type + " BETWEEN " + bound(lower) + " AND " + bound(upper);
    }

    private String bound(long offset) {
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
