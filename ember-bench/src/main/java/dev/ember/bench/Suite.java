package dev.ember.bench;

import java.util.List;

/**
 * A benchmark suite, run by {@code ./ember bench --suite NAME}: it makes its data (deterministic,
 * skipping what exists) and says what the engines run; {@link Bench} runs every engine in its own
 * JVM, checks their answers against each other and writes the report. Add one by implementing this
 * and listing it in {@link Suites}.
 */
public interface Suite {
    /** The name {@code --suite} takes. */
    String name();

    /** One line for the usage text: what it measures and what scale 1 means. */
    String description();

    /** Generates the data where missing (under {@link BenchOptions#dataRoot()}) and returns what to run. */
    Workload prepare(BenchOptions options) throws Exception;

    /** The heaps to run at when {@code --heap(s)} is not given. */
    default List<String> defaultHeaps() {
        return List.of("8g");
    }

    /** Lines the report adds below the table (throughput, sizes), from the engines' results; none by default. */
    default List<String> notes(Workload workload, List<EngineRun> results) {
        return List.of();
    }
}
