package dev.ember.sql;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints the time of a global sort of 5 million rows on a small memory budget against an
 * unbounded one, and what the small one spilled (a figure, not a test):
 * {@code java -cp ... dev.ember.sql.SortSpillFigures [rows] [budget]}.
 */
public final class SortSpillFigures {
    private SortSpillFigures() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        String budget = args.length > 1 ? args[1] : "8m";
        String query = "SELECT id, (id * 7919) % 1000003 AS k, concat('name-', CAST(id % 50000 AS STRING)) AS s FROM range(0, "
                + rows + ", 1, 4) ORDER BY k, s DESC, id";
        Path local = Files.createTempDirectory("sort-figures");
        for (String memory : new String[] {"4g", budget, "4g", budget}) {
            try (EmberSession session = EmberSession.builder().master("local[2]").config("ember.executor.memory", memory)
                    .config("ember.local.dir", local.toString()).getOrCreate()) {
                long start = System.nanoTime();
                long count = session.sql(query).rdd().count();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%s: %d rows sorted in %.2f s, spilled %.1f MB in memory / %.1f MB on disk%n", memory, count, seconds,
                        session.memoryManager().memoryBytesSpilled() / 1e6, session.memoryManager().diskBytesSpilled() / 1e6);
            }
        }
    }
}
