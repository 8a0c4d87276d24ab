package dev.ember.bench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
    @TempDir
    Path directory;

    @Test
    void generatorsAreDeterministicAndKeepWhatExists() throws Exception {
        Path first = Datasets.comments(directory.resolve("a"), 0.001);
        Path second = Datasets.comments(directory.resolve("b"), 0.001);
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
        List<String> lines = Files.readAllLines(first);
        assertThat(lines).hasSize(2_000);
        long deleted = lines.stream().filter(line -> line.contains("\"author\":\"[deleted]\"")).count();
        assertThat(deleted).isBetween(20L, 120L);

        Files.writeString(first, "kept");
        assertThat(Files.readString(Datasets.comments(directory.resolve("a"), 0.001))).isEqualTo("kept");
    }

    @Test
    void blobsAndLabelledPointsHaveTheirShape() throws Exception {
        List<String> blobs = Files.readAllLines(Datasets.blobs(directory, 0.0001));
        assertThat(blobs).hasSize(101);
        assertThat(blobs.get(1).split(",")).hasSize(51);
        List<String> labelled = Files.readAllLines(Datasets.labelledPoints(directory, 0.0001));
        assertThat(labelled.get(0)).startsWith("label,f0,");
        assertThat(labelled.stream().skip(1).map(line -> line.charAt(0)).distinct()).containsExactlyInAnyOrder('0', '1');
    }

    @Test
    void zipfFavoursTheFirstRanks() {
        Zipf zipf = new Zipf(1_000, 1.1);
        SplittableRandom random = new SplittableRandom(1);
        int[] counts = new int[zipf.size()];
        for (int i = 0; i < 100_000; i++) {
            counts[zipf.next(random)]++;
        }
        assertThat(counts[0]).isGreaterThan(2 * counts[1]).isGreaterThan(100 * counts[999]);
    }

    @Test
    void wordsAreDistinct() {
        assertThat(java.util.stream.IntStream.range(0, 10_000).mapToObj(Words::word).distinct().count()).isEqualTo(10_000);
    }
}
