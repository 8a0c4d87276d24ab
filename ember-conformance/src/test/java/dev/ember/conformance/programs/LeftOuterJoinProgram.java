package dev.ember.conformance.programs;

/** {@link JoinProgram} for the join type "left". */
public final class LeftOuterJoinProgram extends JoinProgram {
    public LeftOuterJoinProgram() {
        super("left");
    }
}
