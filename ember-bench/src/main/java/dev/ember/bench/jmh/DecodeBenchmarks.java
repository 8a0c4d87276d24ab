package dev.ember.bench.jmh;

import dev.ember.fs.FileEntry;
import dev.ember.fs.InputFile;
import dev.ember.fs.LocalFileSystem;
import dev.ember.fs.Location;
import dev.ember.fs.OutputFile;
import dev.ember.io.csv.CsvFormat;
import dev.ember.io.parquet.ParquetFormat;
import dev.ember.source.BatchReader;
import dev.ember.source.BatchWriter;
import dev.ember.source.FileFormat;
import dev.ember.source.FileSplit;
import dev.ember.source.ReadOptions;
import dev.ember.source.WriteOptions;
import dev.ember.vector.Batch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * File decoding on one thread: {@code rows} rows of {@link KernelData} written once per trial by
 * Ember's own writers into a temporary directory, then read back whole, every column, into column
 * vectors. The files are small enough to stay in the page cache, so this is decoding, not disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecodeBenchmarks {
    @Param("1048576")
    public int rows;

    private Path directory;
    private FileEntry parquet;
    private FileEntry csv;

    @Setup
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("ember-jmh");
        KernelData data = new KernelData(rows, 10_000, 9);
        parquet = write(new ParquetFormat(), data, directory.resolve("data.parquet"));
        csv = write(new CsvFormat(), data, directory.resolve("data.csv"));
    }

    @TearDown
    public void tearDown() throws IOException {
        LocalFileSystem.deleteTree(directory);
    }

    @Benchmark
    public long parquetDecode() throws IOException {
        return read(new ParquetFormat(), parquet);
    }

    @Benchmark
    public long csvDecode() throws IOException {
        return read(new CsvFormat(), csv);
    }

    private static FileEntry write(FileFormat format, KernelData data, Path file) throws IOException {
        OutputFile output = new OutputFile(LocalFileSystem.INSTANCE, Location.local(file));
        try (BatchWriter writer = format.create(output, KernelData.SCHEMA, new WriteOptions(Map.of()))) {
            for (Batch batch : data.batches) {
                writer.write(batch);
            }
        }
        return new FileEntry(Location.local(file), Files.size(file));
    }

    private static long read(FileFormat format, FileEntry file) throws IOException {
        InputFile input = LocalFileSystem.INSTANCE.newInputFile(file);
        long rows = 0;
        try (BatchReader reader = format.open(input, FileSplit.whole(file), KernelData.SCHEMA, new int[] {0, 1, 2, 3},
                new ReadOptions(Map.of()))) {
            for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                rows += batch.rowCount();
            }
        }
        return rows;
    }
}
