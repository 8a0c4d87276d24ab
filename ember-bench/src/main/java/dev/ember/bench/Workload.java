package dev.ember.bench;

import java.util.List;
import java.util.Map;

/**
 * What a suite asks every engine to run: a title for the report, the setup script per dialect
 * (the views over the generated files) and the timed queries.
 */
public record Workload(String title, Map<Dialect, String> setup, List<BenchQuery> queries) {
    public Workload {
        setup = Map.copyOf(setup);
        queries = List.copyOf(queries);
    }
}
