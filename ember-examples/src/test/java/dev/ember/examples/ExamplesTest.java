package dev.ember.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.EmberSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExamplesTest {
    private static EmberSession ember;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        ember = EmberSession.builder().master("local[2]").getOrCreate();
    }

    @AfterAll
    static void stop() {
        ember.stop();
    }

    private static List<String> run(String name, String... args) throws Exception {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            Examples.named(name).orElseThrow().run(ember, List.of(args), out);
        }
        return text.toString().lines().toList();
    }

    @Test
    void piIsRoughlyPiAndTheSameForTheSameSlices() throws Exception {
        List<String> lines = run("pi", "4");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("Pi is roughly ");
        double estimate = Double.parseDouble(lines.get(0).substring("Pi is roughly ".length()));
        assertThat(estimate).isCloseTo(Math.PI, org.assertj.core.data.Offset.offset(0.01));
        long inside = LongStream.range(0, 4).map(slice -> Pi.pointsInside((int) slice)).sum();
        assertThat(estimate).isEqualTo(4.0 * inside / (4L * Pi.POINTS_PER_SLICE));
        assertThatThrownBy(() -> run("pi", "zero")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SLICES");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wordcount", "wordcount-df"})
    void wordCountPrintsTheMostFrequentWordsAndWritesEveryCount(String example) throws Exception {
        Path input = dir.resolve("book.txt");
        List<String> text = new ArrayList<>(List.of("  the fox\tand the dog ", "", "The dog"));
        for (int i = 0; i < 25; i++) {
            text.add("w" + (char) ('a' + i));
        }
        Files.write(input, text);
        Path output = dir.resolve("counts");
        List<String> lines = run(example, input.toString(), output.toString());
        assertThat(lines).hasSize(20);
        assertThat(lines.subList(0, 6)).containsExactly("dog: 2", "the: 2", "The: 1", "and: 1", "fox: 1", "wa: 1");
        List<String> written;
        try (Stream<Path> files = Files.list(output)) {
            written = files.filter(f -> f.getFileName().toString().startsWith("part-"))
                    .flatMap(ExamplesTest::lines).sorted().toList();
        }
        assertThat(written).hasSize(30).contains("dog: 2", "wy: 1");
        assertThat(output.resolve("_SUCCESS")).exists();
    }

    @Test
    void kMeansFindsTheCentresOfWellSeparatedClusters() throws Exception {
        Path input = dir.resolve("points.txt");
        List<String> points = new ArrayList<>();
        double[][] centres = {{0, 0}, {10, 10}, {-10, 5}};
        for (double[] centre : centres) {
            for (double[] offset : new double[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {0.5, 0.5}, {-0.5, -0.5}}) {
                points.add((centre[0] + offset[0]) + " " + (centre[1] + offset[1]));
            }
        }
        Files.write(input, points);
        assertThat(run("kmeans", input.toString(), "3")).containsExactly(
                "Final centers:", "-10.0000 5.0000", "0.0000 0.0000", "10.0000 10.0000");
        assertThatThrownBy(() -> run("kmeans", input.toString(), "40")).hasMessageContaining("only 18 points");
    }

    @Test
    void pageRankAgreesWithAPlainComputation() throws Exception {
        Path input = dir.resolve("links.txt");
        List<String> links = List.of("a b", "a c", "b c", "c a", "d c", "d a", "a b");
        Files.write(input, links);
        int iterations = 5;
        Map<String, List<String>> out = new TreeMap<>();
        links.stream().distinct().forEach(l -> out.computeIfAbsent(l.split(" ")[0], k -> new ArrayList<>()).add(l.split(" ")[1]));
        Map<String, Double> ranks = new TreeMap<>();
        out.keySet().forEach(page -> ranks.put(page, 1.0));
        for (int i = 0; i < iterations; i++) {
            Map<String, Double> received = new TreeMap<>();
            out.forEach((page, neighbours) -> {
                if (ranks.containsKey(page)) {
                    neighbours.forEach(n -> received.merge(n, ranks.get(page) / neighbours.size(), Double::sum));
                }
            });
            ranks.clear();
            received.forEach((page, r) -> ranks.put(page, 0.15 + 0.85 * r));
        }
        List<String> expected = ranks.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> String.format(java.util.Locale.ROOT, "%s has rank: %.6f.", e.getKey(), e.getValue())).toList();
        assertThat(run("pagerank", input.toString(), String.valueOf(iterations))).isEqualTo(expected).hasSize(3);
    }

    @Test
    void topAuthorsLeavesOutDeletedAccounts() throws Exception {
        Path input = dir.resolve("comments.json");
        Files.write(input, List.of(
                "{\"author\":\"ann\",\"subreddit\":\"java\",\"score\":3,\"body\":\"hi\"}",
                "{\"author\":\"[deleted]\",\"subreddit\":\"java\",\"score\":1,\"body\":\"x\"}",
                "{\"author\":\"[deleted]\",\"subreddit\":\"java\",\"score\":1,\"body\":\"y\"}",
                "{\"author\":\"bob\",\"subreddit\":\"scala\",\"score\":5,\"body\":\"yo\"}",
                "{\"author\":\"ann\",\"subreddit\":\"scala\",\"score\":2,\"body\":\"again\"}",
                "{\"author\":\"cid\",\"subreddit\":\"java\",\"score\":0,\"body\":\"z\"}"));
        assertThat(run("topauthors", input.toString(), "2")).containsExactly("ann: 2", "bob: 1");
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
