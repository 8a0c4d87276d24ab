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
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void dataFrameWordCountPrintsTheMostFrequentWordsAndWritesEveryCount() throws Exception {
        Path input = dir.resolve("book.txt");
        List<String> text = new ArrayList<>(List.of("  the fox\tand the dog ", "", "The dog"));
        for (int i = 0; i < 25; i++) {
            text.add("w" + (char) ('a' + i));
        }
        Files.write(input, text);
        Path output = dir.resolve("counts");
        List<String> lines = run("wordcount-df", input.toString(), output.toString());
        assertThat(lines).hasSize(20);
        assertThat(lines.subList(0, 6)).containsExactly("dog: 2", "the: 2", "The: 1", "and: 1", "fox: 1", "wa: 1");
        List<String> written;
        try (Stream<Path> files = Files.list(output)) {
            written = files.filter(f -> f.getFileName().toString().startsWith("part-"))
                    .flatMap(ExamplesTest::lines).sorted().toList();
        }
        assertThat(written).hasSize(30).contains("dog: 2", "wy: 1");
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
