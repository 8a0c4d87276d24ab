package dev.ember.conformance.programs;

/** {@link JoinProgram} for the join type "full". */
public final class FullOuterJoinProgram extends JoinProgram {
    public FullOuterJoinProgram() {
        super("full");
    }
}
