package dev.ember.examples;

import java.util.List;
import java.util.Optional;

/** Every example, by name. */
public final class Examples {
    private static final List<Example> ALL = List.of(new Pi(), new WordCount(), new DataFrameWordCount(), new TopAuthors(), new KMeans(), new PageRank(),
            new TpchQuery());

    private Examples() {
    }

    public static List<Example> all() {
        return ALL;
    }

    public static Optional<Example> named(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
