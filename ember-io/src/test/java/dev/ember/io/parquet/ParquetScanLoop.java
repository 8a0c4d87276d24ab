package dev.ember.io.parquet;

import dev.ember.io.LocalFiles;
import dev.ember.source.BatchReader;
import dev.ember.source.ReadOptions;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Not a test: a loop for profiling the reader alone, one thread decoding every column of every
 * Parquet file under a directory, a few times over.
 * {@code java -cp ... dev.ember.io.parquet.ParquetScanLoop DIR [RUNS [COLUMN,...]]}
 */
public final class ParquetScanLoop {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ParquetScanLoop() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> f.toString().endsWith(".parquet")).sorted().toList();
        }
        ParquetFormat format = new ParquetFormat();
        ReadOptions options = new ReadOptions(Map.of());
        StructType schema = format.inferSchema(List.of(LocalFiles.input(files.get(0))), options);
        int[] columns = args.length > 2
                ? Arrays.stream(args[2].split(",")).mapToInt(schema::indexOf).toArray()
                : IntStream.range(0, schema.size()).toArray();
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long rows = 0;
            long nonNull = 0;
            for (Path file : files) {
                try (BatchReader reader = LocalFiles.open(format, LocalFiles.whole(file), schema, columns, options)) {
                    for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                        rows += batch.rowCount();
                        for (int c = 0; c < columns.length; c++) {
                            nonNull += batch.column(c).isNull(batch.rowCount() - 1) ? 0 : 1;
                        }
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.out.printf("run %d: %d rows in %.3f s (%.3f s of CPU), %.2fM rows/s (one thread) [%d]%n", run, rows, seconds, cpuSeconds,
                    rows / seconds / 1e6, nonNull);
        }
    }
}
