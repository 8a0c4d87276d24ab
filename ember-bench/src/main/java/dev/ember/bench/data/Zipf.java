package dev.ember.bench.data;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Ranks {@code 0 .. n-1} drawn with probability proportional to {@code 1 / (rank + 1)^exponent}:
 * a few very common values and a long tail, as words, authors and join keys are in real data.
 */
public final class Zipf {
    private final double[] cumulative;

    public Zipf(int n, double exponent) {
        if (n < 1 || !(exponent > 0)) {
            throw new IllegalArgumentException("Zipf needs n >= 1 and a positive exponent, got n=" + n + " exponent=" + exponent);
        }
        cumulative = new double[n];
        double sum = 0;
        for (int rank = 0; rank < n; rank++) {
            sum += 1 / Math.pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < n; rank++) {
            cumulative[rank] /= sum;
        }
    }

    public int size() {
        return cumulative.length;
    }

    /** The next rank. */
    public int next(RandomGenerator random) {
        int found = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(found >= 0 ? found : -found - 1, cumulative.length - 1);
    }
}
