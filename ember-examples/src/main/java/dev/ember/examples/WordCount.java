package dev.ember.examples;

/** Word count with RDDs (to come with textFile); holds what both versions share. */
final class WordCount {
    /** How many of the most frequent words are printed. */
    static final int TOP = 20;

    private WordCount() {
    }
}
