package dev.ember.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClusterShapeTest {
    @Test
    void parsesWorkersByCoresAndDefaultsTheEnginesToThoseWithAClusterOfTheirOwn() {
        assertThat(ClusterShape.parse("2x1")).isEqualTo(new ClusterShape(2, 1));
        assertThat(ClusterShape.parse("3x4").totalCores()).isEqualTo(12);
        assertThatThrownBy(() -> ClusterShape.parse("2")).hasMessageContaining("WORKERSxCORES");
        assertThatThrownBy(() -> ClusterShape.parse("0x1")).hasMessageContaining("at least one worker");

        BenchOptions cluster = BenchOptions.parse("--suite", "tpch", "--cluster", "2x1", "--out", "/tmp/x");
        assertThat(cluster.cluster()).isEqualTo(new ClusterShape(2, 1));
        assertThat(cluster.engines()).containsExactly("ember", "spark");
        assertThat(cluster.executorMemory()).isEqualTo("4g");
        assertThat(BenchOptions.parse("--suite", "tpch", "--out", "/tmp/x").cluster()).isNull();
        assertThatThrownBy(() -> BenchOptions.parse("--suite", "tpch", "--cluster", "2x1", "--engines", "ember,duckdb", "--out", "/tmp/x"))
                .hasMessageContaining("DuckDB has no cluster");
    }
}
