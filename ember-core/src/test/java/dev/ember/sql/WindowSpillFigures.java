package dev.ember.sql;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Prints the time (wall and the process's CPU) of window queries over one partition of 5 million
 * rows on a small memory budget against an unbounded one, and what the small one spilled (a
 * figure, not a test): {@code java -cp ... dev.ember.sql.WindowSpillFigures [rows] [budget...]} (by default
 * 4g and 16m, each run twice in turn).
 */
public final class WindowSpillFigures {
    private WindowSpillFigures() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        String[] budgets = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) : new String[] {"4g", "16m"};
        String input = "(SELECT id, id % 1000 AS k, concat('name-', CAST(id % 50000 AS STRING)) AS s FROM range(0, " + rows + ", 1, 4))";
        String[] queries = {
            "SELECT id, row_number() OVER (ORDER BY k, id) AS n, sum(id) OVER (ORDER BY k) AS running, lag(s) OVER (ORDER BY k, id) AS before FROM "
                    + input,
            "SELECT id, sum(id) OVER () AS total, cume_dist() OVER (ORDER BY k) AS cd, max(s) OVER (ORDER BY k, id ROWS BETWEEN CURRENT ROW "
                    + "AND UNBOUNDED FOLLOWING) AS rest FROM " + input,
        };
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path local = Files.createTempDirectory("window-figures");
        for (int q = 0; q < queries.length; q++) {
            for (int run = 0; run < 2 * budgets.length; run++) {
                String memory = budgets[run % budgets.length];
                try (EmberSession session = EmberSession.builder().master("local[2]").config("ember.executor.memory", memory)
                        .config("ember.local.dir", local.toString()).getOrCreate()) {
                    long start = System.nanoTime();
                    long cpuStart = os.getProcessCpuTime();
                    long count = session.sql(queries[q]).rdd().count();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
                    System.out.printf("query %d, %s: %d rows in %.2f s wall, %.2f s CPU, spilled %.1f MB in memory / %.1f MB on disk%n", q + 1,
                            memory, count, seconds, cpu, session.memoryManager().memoryBytesSpilled() / 1e6,
                            session.memoryManager().diskBytesSpilled() / 1e6);
                }
            }
        }
    }
}
