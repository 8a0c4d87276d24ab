package dev.ember.conformance.programs;

/** {@link JoinProgram} for the join type "inner". */
public final class InnerJoinProgram extends JoinProgram {
    public InnerJoinProgram() {
        super("inner");
    }
}
