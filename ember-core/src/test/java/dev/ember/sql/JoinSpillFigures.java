package dev.ember.sql;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints the time of a join of 5 million rows with 1 million on a small memory budget against an
 * unbounded one, both sides shuffled, and what the small one spilled (a figure, not a test):
 * {@code java -cp ... dev.ember.sql.JoinSpillFigures [factRows] [dimRows] [budget]}.
 */
public final class JoinSpillFigures {
    private JoinSpillFigures() {
    }

    public static void main(String[] args) throws Exception {
        long facts = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        long dims = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        String budget = args.length > 2 ? args[2] : "16m";
        String query = "SELECT count(*), sum(f.v + d.w), sum(length(d.name)) FROM "
                + "(SELECT (id * 7919) % " + dims + " AS k, id % 100 AS v FROM range(0, " + facts + ", 1, 4)) f JOIN "
                + "(SELECT id AS k, id % 7 AS w, concat('dim-', CAST(id AS STRING)) AS name FROM range(0, " + dims + ", 1, 4)) d "
                + "ON f.k = d.k";
        Path local = Files.createTempDirectory("join-figures");
        for (String memory : new String[] {"4g", budget, "4g", budget}) {
            try (EmberSession session = EmberSession.builder().master("local[2]").config("ember.executor.memory", memory)
                    .config("ember.sql.autoBroadcastJoinThreshold", "-1").config("ember.local.dir", local.toString()).getOrCreate()) {
                long start = System.nanoTime();
                Row row = session.sql(query).collectAsList().get(0);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%s: %s in %.2f s, spilled %.1f MB in memory / %.1f MB on disk%n", memory, row, seconds,
                        session.memoryManager().memoryBytesSpilled() / 1e6, session.memoryManager().diskBytesSpilled() / 1e6);
            }
        }
    }
}
