package dev.ember.rdd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * The sampling algorithms of Spark's RDDs, driven by {@link XorShiftRandom} so that a seed picks
 * the elements Spark picks: Bernoulli trials without replacement, Poisson counts with replacement
 * (both by gap sampling, skipping a geometrically distributed number of elements, when the
 * fraction is at most 0.4), and reservoir sampling for the range partitioner.
 */
final class Sampling {
    /** Spark's {@code defaultMaxGapSamplingFraction}: below it, skipping gaps is cheaper than a draw per element. */
    private static final double MAX_GAP_FRACTION = 0.4;
    /** Spark's {@code rngEpsilon}: keeps {@code log(u)} finite. */
    private static final double EPSILON = 5e-11;

    private Sampling() {
    }

    /** Each element with probability {@code fraction}, independently. */
    static <T> Iterator<T> bernoulli(Iterator<T> input, double fraction, long seed) {
        if (fraction <= 0.0) {
            return Collections.emptyIterator();
        }
        if (fraction >= 1.0) {
            return input;
        }
        Random random = new XorShiftRandom(seed);
        if (fraction <= MAX_GAP_FRACTION) {
            double logOfMiss = Math.log1p(-fraction);
            Counts gaps = new Counts() {
                private int skip = gap();

                private int gap() {
                    return (int) (Math.log(Math.max(random.nextDouble(), EPSILON)) / logOfMiss);
                }

                @Override
                public int next() {
                    if (skip > 0) {
                        skip--;
                        return 0;
                    }
                    skip = gap();
                    return 1;
                }
            };
            return repeat(input, gaps);
        }
        return repeat(input, () -> random.nextDouble() <= fraction ? 1 : 0);
    }

    /**
     * Each element a Poisson-distributed number of times with mean {@code fraction}. Above a
     * fraction of 0.4 Spark draws the counts with Apache Commons Math's Poisson sampler; Ember draws
     * them with its own (Knuth's product of uniforms), so only the distribution agrees there.
     */
    static <T> Iterator<T> poisson(Iterator<T> input, double fraction, long seed) {
        if (fraction <= 0.0) {
            return Collections.emptyIterator();
        }
        Random random = new XorShiftRandom(seed);
        double q = Math.exp(-fraction);
        if (fraction <= MAX_GAP_FRACTION) {
            Counts gaps = new Counts() {
                private int skip = gap();

                private int gap() {
                    return (int) (Math.log(Math.max(random.nextDouble(), EPSILON)) / -fraction);
                }

                @Override
                public int next() {
                    if (skip > 0) {
                        skip--;
                        return 0;
                    }
                    // A Poisson count conditioned on being at least one: start as if one draw already fell above q.
                    double product = q + (1.0 - q) * random.nextDouble();
                    int count = 1;
                    product *= random.nextDouble();
                    while (product > q) {
                        count++;
                        product *= random.nextDouble();
                    }
                    skip = gap();
                    return count;
                }
            };
            return repeat(input, gaps);
        }
        return repeat(input, () -> {
            int count = 0;
            for (double product = random.nextDouble(); product > q; product *= random.nextDouble()) {
                count++;
            }
            return count;
        });
    }

    /** How many times the next element is kept. */
    @FunctionalInterface
    private interface Counts {
        int next();
    }

    private static <T> Iterator<T> repeat(Iterator<T> input, Counts counts) {
        return new Iterator<>() {
            private T current;
            private int remaining;

            @Override
            public boolean hasNext() {
                while (remaining == 0 && input.hasNext()) {
                    current = input.next();
                    remaining = counts.next();
                }
                return remaining > 0;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                remaining--;
                return current;
            }
        };
    }

    /** Up to {@code size} elements chosen uniformly (the first ones while there are no more), and how many there were. */
    record Reservoir<T>(List<T> sample, long count) {
    }

    static <T> Reservoir<T> reservoir(Iterator<T> input, int size, long seed) {
        List<T> sample = new ArrayList<>(size);
        while (sample.size() < size && input.hasNext()) {
            sample.add(input.next());
        }
        long seen = sample.size();
        if (seen < size) {
            return new Reservoir<>(sample, seen);
        }
        Random random = new XorShiftRandom(seed);
        while (input.hasNext()) {
            T element = input.next();
            seen++;
            long slot = (long) (random.nextDouble() * seen);
            if (slot < size) {
                sample.set((int) slot, element);
            }
        }
        return new Reservoir<>(sample, seen);
    }

    /**
     * The fraction to sample so that at least {@code wanted} of {@code total} elements come out
     * with very high probability, as Spark's {@code takeSample} computes it.
     */
    static double fractionFor(int wanted, long total, boolean withReplacement) {
        if (withReplacement) {
            double deviations = wanted < 6 ? 12.0 : wanted < 16 ? 9.0 : 6.0;
            return Math.max(wanted + deviations * Math.sqrt(wanted), 1e-10) / total;
        }
        double fraction = (double) wanted / total;
        double gamma = -Math.log(1e-4) / total;
        return Math.min(1, Math.max(1e-10, fraction + gamma + Math.sqrt(gamma * gamma + 2 * gamma * fraction)));
    }

    /** Fisher-Yates from the end, with the driver's {@code java.util.Random}, as Spark shuffles a sample. */
    static <T> List<T> shuffle(List<T> elements, Random random) {
        for (int i = elements.size() - 1; i >= 1; i--) {
            Collections.swap(elements, i, random.nextInt(i + 1));
        }
        return elements;
    }
}
