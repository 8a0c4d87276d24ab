package dev.ember.conformance.programs;

/** {@link JoinProgram} for the join type "left_semi". */
public final class LeftSemiJoinProgram extends JoinProgram {
    public LeftSemiJoinProgram() {
        super("left_semi");
    }
}
