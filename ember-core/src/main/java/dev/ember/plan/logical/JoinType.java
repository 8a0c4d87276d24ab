package dev.ember.plan.logical;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import java.util.Locale;

/** The join types, with the names Spark's {@code join(other, on, how)} accepts. */
public enum JoinType {
    INNER("Inner"), LEFT_OUTER("LeftOuter"), RIGHT_OUTER("RightOuter"), FULL_OUTER("FullOuter"),
    LEFT_SEMI("LeftSemi"), LEFT_ANTI("LeftAnti"), CROSS("Cross"),
    /** Every left row, with a boolean column saying whether some right row matched (subqueries in expressions). */
    EXISTENCE("Existence"),
    /**
     * Physical plans only: a left semi or anti join with its sides swapped, so that the hash table
     * is built on the preserved side; the right rows that some left row matched (or none did).
     */
    RIGHT_SEMI("RightSemi"), RIGHT_ANTI("RightAnti");

    private final String displayName;

    JoinType(String displayName) {
        this.displayName = displayName;
    }

    /** Parses {@code how}: inner, cross, outer, full, fullouter, full_outer, left, leftouter, left_outer, right, ..., semi, left_semi, anti, left_anti. */
    public static JoinType fromString(String how) {
        return switch (how.toLowerCase(Locale.ROOT).replace("_", "")) {
            case "inner" -> INNER;
            case "cross" -> CROSS;
            case "outer", "full", "fullouter" -> FULL_OUTER;
            case "left", "leftouter" -> LEFT_OUTER;
            case "right", "rightouter" -> RIGHT_OUTER;
            case "semi", "leftsemi" -> LEFT_SEMI;
            case "anti", "leftanti" -> LEFT_ANTI;
            default -> throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`how`", "function", "`join`",
                    "detail", "unsupported join type '" + how + "'. Supported join types include: 'inner', 'outer', 'full', "
                            + "'fullouter', 'full_outer', 'leftouter', 'left', 'left_outer', 'rightouter', 'right', 'right_outer', "
                            + "'leftsemi', 'left_semi', 'semi', 'leftanti', 'left_anti', 'anti', 'cross'");
        };
    }

    /** Whether the output has the right side's columns (not for left semi and anti joins). */
    public boolean outputsRight() {
        return this != LEFT_SEMI && this != LEFT_ANTI && this != EXISTENCE;
    }

    /** Whether it keeps one side's rows by whether they match, without the other side's columns: a semi or anti join. */
    public boolean semiOrAnti() {
        return this == LEFT_SEMI || this == LEFT_ANTI || this == RIGHT_SEMI || this == RIGHT_ANTI;
    }

    /** Whether the output has the left side's columns (not for right semi and anti joins). */
    public boolean outputsLeft() {
        return this != RIGHT_SEMI && this != RIGHT_ANTI;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
