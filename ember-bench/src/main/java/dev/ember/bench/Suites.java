package dev.ember.bench;

import dev.ember.bench.suites.PiSuite;
import dev.ember.bench.suites.ScanSuite;
import dev.ember.bench.suites.SkewJoinSuite;
import dev.ember.bench.suites.TopAuthorsSuite;
import dev.ember.bench.suites.WordCountSuite;
import dev.ember.bench.tpch.TpchSuite;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The suites {@code --suite} knows; {@code startup} ({@link StartupBenchmark}) is run apart, as it times whole processes. */
public final class Suites {
    /** Suppliers, as a suite may keep what it learnt while preparing (sizes) for its notes: a fresh one per run. */
    private static final List<Supplier<Suite>> ALL = List.of(TpchSuite::new, ScanSuite::new, WordCountSuite::new, TopAuthorsSuite::new,
            SkewJoinSuite::new, PiSuite::new);

    private Suites() {
    }

    public static Suite named(String name) {
        return ALL.stream().map(Supplier::get).filter(suite -> suite.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown suite " + name + "; suites:\n" + describe()));
    }

    /** One line per suite, for the usage text. */
    public static String describe() {
        return ALL.stream().map(Supplier::get).map(suite -> String.format("  %-11s %s", suite.name(), suite.description())).collect(Collectors.joining("\n"))
                + String.format("%n  %-11s %s", StartupBenchmark.SUITE, "seconds from process start to the first result of SELECT 1 (Ember, Spark)");
    }
}
