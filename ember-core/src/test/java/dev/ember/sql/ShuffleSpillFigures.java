package dev.ember.sql;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints the time of shuffling 5 million rows (a repartition, and a join of two sides of that
 * size) on a small memory budget against an unbounded one, and the shuffle bytes the small one
 * wrote to disk (a figure, not a test): {@code java -cp ... dev.ember.sql.ShuffleSpillFigures [rows] [budget]}.
 */
public final class ShuffleSpillFigures {
    private ShuffleSpillFigures() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        String budget = args.length > 1 ? args[1] : "16m";
        String view = "CREATE OR REPLACE TEMPORARY VIEW t AS SELECT id, (id * 7919) % 1000003 AS k, concat('name-', CAST(id % 50000 AS STRING)) AS s"
                + " FROM range(0, " + rows + ", 1, 4)";
        Path local = Files.createTempDirectory("shuffle-figures");
        for (String memory : new String[] {"4g", budget, "4g", budget}) {
            try (EmberSession session = EmberSession.builder().master("local[2]").config("ember.executor.memory", memory)
                    .config("ember.local.dir", local.toString()).getOrCreate()) {
                session.sql(view);
                long start = System.nanoTime();
                long count = session.table("t").repartition(8).rdd().count();
                double seconds = (System.nanoTime() - start) / 1e9;
                long written = session.context().shuffles().diskBytesWritten();
                System.out.printf("%s: %d rows repartitioned in %.2f s, %.1f MB of shuffle blocks written to disk%n", memory, count, seconds,
                        written / 1e6);
                long spilled = session.memoryManager().diskBytesSpilled();
                start = System.nanoTime();
                count = session.sql("SELECT a.id, b.s FROM t a JOIN t b ON a.id = b.k").rdd().count();
                seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%s: join gave %d rows in %.2f s, %.1f MB of shuffle blocks written to disk, %.1f MB spilled by its tasks%n",
                        memory, count, seconds, (session.context().shuffles().diskBytesWritten() - written) / 1e6,
                        (session.memoryManager().diskBytesSpilled() - spilled) / 1e6);
            }
        }
    }
}
