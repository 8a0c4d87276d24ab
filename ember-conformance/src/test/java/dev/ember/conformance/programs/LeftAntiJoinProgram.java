package dev.ember.conformance.programs;

/** {@link JoinProgram} for the join type "anti". */
public final class LeftAntiJoinProgram extends JoinProgram {
    public LeftAntiJoinProgram() {
        super("anti");
    }
}
