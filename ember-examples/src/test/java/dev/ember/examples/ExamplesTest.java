package dev.ember.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.EmberSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

    @Test
    void tpchQueriesAgreeWithPlainComputationsOverTheGeneratedTables() throws Exception {
        List<String> q6 = run("tpch", "6", "0.001", dir.toString());
        Path lineitem = dir.resolve("sf0.001/lineitem.tbl");
        List<String[]> rows = Files.readAllLines(lineitem).stream().map(line -> line.split("\\|")).toList();
        assertThat(rows).hasSizeGreaterThan(5000);
        BigDecimal revenue = BigDecimal.ZERO;
        for (String[] row : rows) {
            BigDecimal quantity = new BigDecimal(row[4]);
            BigDecimal discount = new BigDecimal(row[6]);
            LocalDate shipped = LocalDate.parse(row[10]);
            if (!shipped.isBefore(LocalDate.of(1994, 1, 1)) && shipped.isBefore(LocalDate.of(1995, 1, 1))
                    && discount.compareTo(new BigDecimal("0.05")) >= 0 && discount.compareTo(new BigDecimal("0.07")) <= 0
                    && quantity.compareTo(BigDecimal.valueOf(24)) < 0) {
                revenue = revenue.add(new BigDecimal(row[5]).multiply(discount));
            }
        }
        assertThat(revenue).isPositive();
        assertThat(q6).hasSize(2);
        assertThat(q6.get(0)).isEqualTo("revenue");
        assertThat(new BigDecimal(q6.get(1))).isEqualByComparingTo(revenue);

        long modified = Files.getLastModifiedTime(lineitem).toMillis();
        List<String> q1 = run("tpch", "q1", "0.001", dir.toString());
        assertThat(Files.getLastModifiedTime(lineitem).toMillis()).as("the tables are generated once").isEqualTo(modified);
        assertThat(q1.get(0)).startsWith("l_returnflag|l_linestatus|sum_qty|").endsWith("|count_order");
        assertThat(q1.subList(1, q1.size())).extracting(line -> line.substring(0, 3)).containsExactly("A|F", "N|F", "N|O", "R|F");
        long shippedByCutOff = rows.stream().filter(row -> !LocalDate.parse(row[10]).isAfter(LocalDate.of(1998, 9, 2))).count();
        assertThat(q1.subList(1, q1.size()).stream().mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf('|') + 1))).sum())
                .isEqualTo(shippedByCutOff);

        assertThatThrownBy(() -> run("tpch", "23")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("QUERY");
        assertThatThrownBy(() -> run("tpch", "1", "-1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SF");
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
