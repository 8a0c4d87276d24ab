package dev.ember.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A rough encode/decode throughput figure on TPC-H lineitem-like batches (not a benchmark: run
 * with {@code -Dcodec.throughput=true} to print it).
 */
class BatchCodecThroughputTest {
    private static final String[] INSTRUCTIONS = {"DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"};
    private static final String[] MODES = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};
    private static final String[] WORDS = {"furiously", "quickly", "final", "deposits", "regular", "packages", "ironic", "accounts", "blithely", "carefully"};

    @Test
    void lineitemLikeBatches() throws IOException {
        assumeTrue(Boolean.getBoolean("codec.throughput"), "run with -Dcodec.throughput=true");
        DecimalType money = new DecimalType(15, 2);
        List<DataType> types = List.of(AtomicType.LONG, AtomicType.LONG, AtomicType.INT, money, money, money, AtomicType.STRING,
                AtomicType.STRING, AtomicType.DATE, AtomicType.STRING, AtomicType.STRING, AtomicType.STRING);
        Random random = new Random(42);
        List<Batch> batches = new ArrayList<>();
        long memoryBytes = 0;
        for (int b = 0; b < 100; b++) {
            List<VectorBuilder> builders = types.stream().map(t -> VectorBuilder.create(t, Batch.TARGET_ROWS)).toList();
            for (int r = 0; r < Batch.TARGET_ROWS; r++) {
                long row = (long) b * Batch.TARGET_ROWS + r;
                builders.get(0).appendObject(row / 4 * 32 + 1);
                builders.get(1).appendObject((long) random.nextInt(200_000));
                builders.get(2).appendObject((int) (row % 7) + 1);
                builders.get(3).appendObject(java.math.BigDecimal.valueOf(random.nextInt(5000) + 100, 2));
                builders.get(4).appendObject(java.math.BigDecimal.valueOf(random.nextInt(10_000_000), 2));
                builders.get(5).appendObject(java.math.BigDecimal.valueOf(random.nextInt(11), 2));
                builders.get(6).appendObject(random.nextBoolean() ? "N" : random.nextBoolean() ? "R" : "A");
                builders.get(7).appendObject(random.nextBoolean() ? "O" : "F");
                builders.get(8).appendObject(java.time.LocalDate.ofEpochDay(8000 + random.nextInt(2500)));
                builders.get(9).appendObject(INSTRUCTIONS[random.nextInt(INSTRUCTIONS.length)]);
                builders.get(10).appendObject(MODES[random.nextInt(MODES.length)]);
                StringBuilder comment = new StringBuilder();
                for (int w = 0, words = 2 + random.nextInt(5); w < words; w++) {
                    comment.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
                }
                builders.get(11).appendObject(comment.toString());
            }
            Batch batch = new Batch(builders.stream().map(VectorBuilder::build).toList(), Batch.TARGET_ROWS);
            memoryBytes += batch.retainedBytes();
            batches.add(batch);
        }
        BatchCodec codec = new BatchCodec(types);
        byte[] encoded = null;
        double encodeSeconds = Double.MAX_VALUE;
        double decodeSeconds = Double.MAX_VALUE;
        for (int round = 0; round < 8; round++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long start = System.nanoTime();
            for (Batch batch : batches) {
                codec.write(batch, out);
            }
            encodeSeconds = Math.min(encodeSeconds, (System.nanoTime() - start) / 1e9);
            encoded = out.toByteArray();
            start = System.nanoTime();
            ByteArrayInputStream in = new ByteArrayInputStream(encoded);
            int rows = 0;
            for (Batch batch = codec.read(in, "memory"); batch != null; batch = codec.read(in, "memory")) {
                rows += batch.rowCount();
            }
            decodeSeconds = Math.min(decodeSeconds, (System.nanoTime() - start) / 1e9);
            assertThat(rows).isEqualTo(100 * Batch.TARGET_ROWS);
        }
        double megabytes = memoryBytes / 1e6;
        System.out.printf("codec: %.1f MB in memory -> %.1f MB encoded (%.1fx); encode %.0f MB/s, decode %.0f MB/s (of in-memory bytes)%n",
                megabytes, encoded.length / 1e6, memoryBytes / (double) encoded.length, megabytes / encodeSeconds, megabytes / decodeSeconds);
    }
}
