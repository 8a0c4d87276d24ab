package dev.ember.bench.data;

/** Distinct made-up lowercase words, one per index: syllables spelling the index in base 24. */
public final class Words {
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "da", "fu", "go", "hi", "jo",
        "pe", "ri", "so", "tu", "wa", "ze", "ba", "ki", "mo", "nu"};

    private Words() {
    }

    /** The word of {@code index}: {@code ka}, {@code lo}, ..., {@code loka}, ... */
    public static String word(int index) {
        StringBuilder word = new StringBuilder();
        int rest = index;
        do {
            word.append(SYLLABLES[rest % SYLLABLES.length]);
            rest /= SYLLABLES.length;
        } while (rest > 0);
        return word.toString();
    }

    /** {@code count} words drawn from {@code zipf}, separated by single spaces. */
    public static void appendWords(StringBuilder out, int count, Zipf zipf, java.util.random.RandomGenerator random) {
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(word(zipf.next(random)));
        }
    }
}
