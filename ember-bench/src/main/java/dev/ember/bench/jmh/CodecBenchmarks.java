package dev.ember.bench.jmh;

import dev.ember.sql.types.StructField;
import dev.ember.vector.Batch;
import dev.ember.vector.BatchCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The spill and shuffle-block codec ({@link BatchCodec}: columnar, zstd-compressed frames) on one
 * thread: {@code rows} rows of {@link KernelData} encoded into memory, and decoded back.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmarks {
    @Param("1048576")
    public int rows;

    private KernelData data;
    private BatchCodec codec;
    private byte[] encoded;

    @Setup
    public void setUp() throws IOException {
        data = new KernelData(rows, 10_000, 11);
        codec = new BatchCodec(KernelData.SCHEMA.fields().stream().map(StructField::dataType).toList());
        encoded = encodeAll();
    }

    @Benchmark
    public byte[] encode() throws IOException {
        return encodeAll();
    }

    @Benchmark
    public long decode() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(encoded);
        long rowsRead = 0;
        for (Batch batch = codec.read(in, "memory"); batch != null; batch = codec.read(in, "memory")) {
            rowsRead += batch.rowCount();
        }
        return rowsRead;
    }

    private byte[] encodeAll() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Batch batch : data.batches) {
            codec.write(batch, out);
        }
        return out.toByteArray();
    }
}
