package dev.ember.io.json;

/** The first problem found in the record being read, if any: what makes it malformed. */
final class RecordProblems {
    private String first;

    void note(String problem) {
        if (first == null) {
            first = problem;
        }
    }

    /** The first problem noted since {@link #clear()}, or null. */
    String first() {
        return first;
    }

    void clear() {
        first = null;
    }
}
