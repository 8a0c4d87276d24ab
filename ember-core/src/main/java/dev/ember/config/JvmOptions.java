package dev.ember.config;

/**
 * JVM options Ember gives the JVMs it starts (executors, cluster-mode drivers, the launcher's own,
 * the benchmark's drivers), beyond the heap itself.
 */
public final class JvmOptions {
    private static final long MAX_YOUNG_GENERATION = 1L << 30;

    private JvmOptions() {
    }

    /**
     * The young generation of a heap of {@code heapBytes}: a quarter of it, at most 1 GiB. G1 left
     * to itself grows the young generation to 60% of the heap within the first queries, and every
     * region it takes for the first time costs page faults (on a virtual machine, about 0.5 s of
     * system time per GiB: a task of 0.4 s took 2 to 3 s while an executor's young generation grew
     * through its 4 GiB heap). A young generation of 1 GiB is touched once, during the first query,
     * and reused; most of what an engine allocates (batches) dies young, so it collects as cheaply.
     * The launcher script ({@code ember}) computes the same for its own JVM.
     */
    public static String youngGeneration(long heapBytes) {
        return "-Xmn" + (Math.min(heapBytes / 4, MAX_YOUNG_GENERATION) >> 20) + "m";
    }
}
