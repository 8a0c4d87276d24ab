package dev.ember.conformance.rdd;

import dev.ember.conformance.RddProgram;
import dev.ember.conformance.RddResults;
import dev.ember.rdd.EmberContext;
import dev.ember.rdd.Pair;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * textFile (Hadoop's split planning seen through glom, every line ending, globs, comma-separated
 * paths, hidden files, gzip), wholeTextFiles, and saveAsTextFile read back file by file.
 */
public final class TextFilesProgram implements RddProgram {
    private static final Path DATA = createData();

    private static Path createData() {
        try {
            Path dir = Files.createTempDirectory("ember-textfiles");
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 300; i++) {
                lines.append("line ").append(i).append(i % 7 == 0 ? " é\u00df" : "").append(i % 3 == 0 ? "\r\n" : i % 5 == 0 ? "\r" : "\n");
                if (i % 50 == 0) {
                    lines.append('\n');
                }
            }
            lines.append("last line without an end");
            Files.writeString(dir.resolve("lines.txt"), lines, StandardCharsets.UTF_8);
            Path books = Files.createDirectories(dir.resolve("books"));
            Files.writeString(books.resolve("a.txt"), "the fox\nthe dog\n");
            Files.writeString(books.resolve("b.txt"), "a cat\n\nand a bird");
            Files.writeString(books.resolve("c.md"), "# not text?\n");
            Files.writeString(books.resolve("_ignored.txt"), "hidden\n");
            Files.writeString(books.resolve(".hidden.txt"), "hidden too\n");
            Files.writeString(books.resolve("empty.txt"), "");
            try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(dir.resolve("packed.txt.gz")))) {
                gzip.write(String.join("\n", IntStream.range(0, 2000).mapToObj(i -> "zipped " + i).toList()).getBytes(StandardCharsets.UTF_8));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String path(String name) {
        return DATA.resolve(name).toString();
    }

    /** The files a save wrote, by name (hidden ones left out), with their lines. */
    private static List<Object> saved(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Object> out = new ArrayList<>();
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                out.add(List.of(file.getFileName().toString(), Files.readAllLines(file)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path newOutput() {
        try {
            return Files.createTempDirectory("ember-saved").resolve("out");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void spark(JavaSparkContext sc, RddResults out) {
        out.ordered("lines in 4 splits", () -> sc.textFile(path("lines.txt"), 4).glom().collect());
        out.ordered("lines default", () -> sc.textFile(path("lines.txt")).glom().collect());
        out.ordered("lines in 1", () -> sc.textFile(path("lines.txt"), 1).getNumPartitions());
        out.ordered("lines in 13", () -> sc.textFile(path("lines.txt"), 13).map(String::length).glom().collect());
        out.unordered("directory", () -> sc.textFile(path("books")).collect());
        out.ordered("directory partitions", () -> sc.textFile(path("books")).getNumPartitions());
        out.unordered("glob", () -> sc.textFile(path("books") + "/*.txt").collect());
        out.unordered("comma-separated", () -> sc.textFile(path("books/a.txt") + "," + path("books/b.txt")).collect());
        out.ordered("gzip", () -> List.of(sc.textFile(path("packed.txt.gz"), 4).getNumPartitions(), sc.textFile(path("packed.txt.gz"), 4).count()));
        out.unordered("whole files", () -> sc.wholeTextFiles(path("books")).collect());
        Path saved = newOutput();
        sc.parallelize(List.of(1, 2, 3, 4, 5), 3).mapToPair(n -> new scala.Tuple2<>("k" + n, n * 1.5)).saveAsTextFile(saved.toString());
        out.ordered("saveAsTextFile", () -> saved(saved));
        Path empty = newOutput();
        sc.parallelize(List.<String>of(), 2).saveAsTextFile(empty.toString());
        out.ordered("saveAsTextFile empty", () -> saved(empty));
    }

    @Override
    public void ember(EmberContext ec, RddResults out) {
        out.ordered("lines in 4 splits", () -> ec.textFile(path("lines.txt"), 4).glom().collect());
        out.ordered("lines default", () -> ec.textFile(path("lines.txt")).glom().collect());
        out.ordered("lines in 1", () -> ec.textFile(path("lines.txt"), 1).getNumPartitions());
        out.ordered("lines in 13", () -> ec.textFile(path("lines.txt"), 13).map(String::length).glom().collect());
        out.unordered("directory", () -> ec.textFile(path("books")).collect());
        out.ordered("directory partitions", () -> ec.textFile(path("books")).getNumPartitions());
        out.unordered("glob", () -> ec.textFile(path("books") + "/*.txt").collect());
        out.unordered("comma-separated", () -> ec.textFile(path("books/a.txt") + "," + path("books/b.txt")).collect());
        out.ordered("gzip", () -> List.of(ec.textFile(path("packed.txt.gz"), 4).getNumPartitions(), ec.textFile(path("packed.txt.gz"), 4).count()));
        out.unordered("whole files", () -> ec.wholeTextFiles(path("books")).collect());
        Path saved = newOutput();
        ec.parallelize(List.of(1, 2, 3, 4, 5), 3).mapToPair(n -> Pair.of("k" + n, n * 1.5)).saveAsTextFile(saved.toString());
        out.ordered("saveAsTextFile", () -> saved(saved));
        Path empty = newOutput();
        ec.parallelize(List.<String>of(), 2).saveAsTextFile(empty.toString());
        out.ordered("saveAsTextFile empty", () -> saved(empty));
    }
}
