package dev.ember.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.fs.Location;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Globs, partition directory names and partition discovery, without files. */
class PartitionLayoutUnitTest {
    @Test
    void globsMatchOneNameAtATime() {
        List<PathGlob> globs = PathGlob.of(Location.of("/data/2024-*/part-?.csv"));
        assertThat(globs).hasSize(1);
        PathGlob glob = globs.get(0);
        assertThat(glob.prefix()).isEqualTo(Location.of("/data"));
        assertThat(glob.depth()).isEqualTo(2);
        assertThat(glob.matchesStart("2024-01/part-0.csv")).isTrue();
        assertThat(glob.matchesStart("2024-01/sub/part-0.csv")).isFalse();
        assertThat(glob.matchesStart("2024-01/part-10.csv")).isFalse();
        assertThat(glob.matchesStart("2025-01/part-0.csv")).isFalse();
    }

    @Test
    void bracesExpandAndClassesMatch() {
        assertThat(PathGlob.expandBraces("a{b,c{d,e}}f")).containsExactly("abf", "acdf", "acef");
        assertThat(PathGlob.of(Location.of("s3a://bucket/{x/y,z}/*")).stream().map(PathGlob::prefix).map(Location::toString))
                .containsExactly("s3a://bucket/x/y", "s3a://bucket/z");
        assertThat(PathGlob.matchesName("[a-c]?.csv", "b1.csv")).isTrue();
        assertThat(PathGlob.matchesName("[^a-c]*", "b1.csv")).isFalse();
        assertThat(PathGlob.matchesName("[!a]*", "b")).isTrue();
        assertThat(PathGlob.matchesName("a\\*b", "a*b")).isTrue();
        assertThat(PathGlob.matchesName("a\\*b", "axb")).isFalse();
        assertThat(PathGlob.isGlob("/plain/path.csv")).isFalse();
    }

    @Test
    void partitionValuesAreEscapedAsHive() {
        assertThat(PartitionPaths.directoryName("k", "a/b:c=d%")).isEqualTo("k=a%2Fb%3Ac%3Dd%25");
        assertThat(PartitionPaths.directoryName("k", null)).isEqualTo("k=__HIVE_DEFAULT_PARTITION__");
        assertThat(PartitionPaths.directoryName("k", "")).isEqualTo("k=__HIVE_DEFAULT_PARTITION__");
        assertThat(PartitionPaths.unescape("a%2Fb%3Ac%zz%")).isEqualTo("a/b:c%zz%");
        assertThat(PartitionPaths.parseDirectoryName("k=a%2Fb")).containsExactly("k", "a/b");
        assertThat(PartitionPaths.parseDirectoryName("k=__HIVE_DEFAULT_PARTITION__")).containsExactly("k", null);
        assertThat(PartitionPaths.parseDirectoryName("plain")).isNull();
    }

    @Test
    void valueTypesAreInferredAndWidened() {
        assertThat(PartitionDiscovery.inferType("12")).isEqualTo(AtomicType.INT);
        assertThat(PartitionDiscovery.inferType("12345678901")).isEqualTo(AtomicType.LONG);
        assertThat(PartitionDiscovery.inferType("123456789012345678901")).isEqualTo(new DecimalType(21, 0));
        assertThat(PartitionDiscovery.inferType("1.5")).isEqualTo(AtomicType.DOUBLE);
        assertThat(PartitionDiscovery.inferType("2024-01-05")).isEqualTo(AtomicType.DATE);
        assertThat(PartitionDiscovery.inferType("2024-01-05 10:00:00")).isEqualTo(AtomicType.TIMESTAMP);
        assertThat(PartitionDiscovery.inferType("x1")).isEqualTo(AtomicType.STRING);
        assertThat(PartitionDiscovery.wider(AtomicType.INT, AtomicType.DOUBLE)).isEqualTo(AtomicType.DOUBLE);
        assertThat(PartitionDiscovery.wider(AtomicType.INT, AtomicType.DATE)).isEqualTo(AtomicType.STRING);
        assertThat(PartitionDiscovery.wider(AtomicType.LONG, AtomicType.DOUBLE)).isEqualTo(AtomicType.STRING);
        assertThat(PartitionDiscovery.wider(new DecimalType(20, 0), AtomicType.INT)).isEqualTo(new DecimalType(20, 0));
        assertThat(PartitionDiscovery.wider(AtomicType.DATE, AtomicType.TIMESTAMP)).isEqualTo(AtomicType.TIMESTAMP);
    }

    private static Partitioning discover(Set<Location> bases, StructType userSchema, String... directories) {
        return new PartitionDiscovery(bases, true, userSchema, ZoneOffset.UTC)
                .discover(Set.copyOf(Arrays.stream(directories).map(Location::of).toList()));
    }

    @Test
    void discoveryReadsDirectoriesUpToTheBase() {
        Partitioning partitioning = discover(Set.of(Location.of("/t")), null, "/t/a=1/b=2024-01-05", "/t/a=01x/b=__HIVE_DEFAULT_PARTITION__");
        assertThat(partitioning.schema().simpleString()).isEqualTo("struct<a:string,b:date>");
        assertThat(partitioning.valuesByDirectory().get(Location.of("/t/a=1/b=2024-01-05"))).containsExactly("1", LocalDate.of(2024, 1, 5));
        assertThat(partitioning.valuesByDirectory().get(Location.of("/t/a=01x/b=__HIVE_DEFAULT_PARTITION__"))).containsExactly("01x", null);

        assertThat(discover(Set.of(Location.of("/t")), StructType.of().add("a", AtomicType.LONG), "/t/a=1").schema().simpleString())
                .isEqualTo("struct<a:bigint>");
        assertThat(discover(Set.of(Location.of("/t")), null, "/t").isPartitioned()).isFalse();
        assertThat(discover(Set.of(Location.of("/t")), null, "/t/_temporary/a=1", "/t/a=2").valuesByDirectory()).hasSize(1);
    }

    @Test
    void conflictingLayoutsFailAsSpark() {
        assertThatThrownBy(() -> discover(Set.of(Location.of("/t")), null, "/t/a=1", "/t/b=1"))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass().name()).isEqualTo("CONFLICTING_PARTITION_COLUMN_NAMES"));
        assertThatThrownBy(() -> discover(Set.of(Location.of("/t"), Location.of("/u")), null, "/t/a=1", "/u/x/a=1"))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass().name()).isEqualTo("CONFLICTING_DIRECTORY_STRUCTURES"));
    }
}
