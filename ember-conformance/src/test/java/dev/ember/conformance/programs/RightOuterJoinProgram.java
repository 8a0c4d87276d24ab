package dev.ember.conformance.programs;

/** {@link JoinProgram} for the join type "right_outer". */
public final class RightOuterJoinProgram extends JoinProgram {
    public RightOuterJoinProgram() {
        super("right_outer");
    }
}
