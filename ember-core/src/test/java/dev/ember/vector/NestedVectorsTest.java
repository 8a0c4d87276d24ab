package dev.ember.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Row;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Struct and map vectors: building, gathering, comparing and hashing. */
class NestedVectorsTest {
    private static final StructType POINT = StructType.of(new StructField("x", AtomicType.INT, true), new StructField("tag", AtomicType.STRING, true));
    private static final MapType SCORES = new MapType(AtomicType.STRING, AtomicType.LONG, true);

    private static ColumnVector vector(Object type, Object... values) {
        VectorBuilder builder = VectorBuilder.create((dev.ember.sql.types.DataType) type, values.length);
        for (Object value : values) {
            builder.appendObject(value);
        }
        return builder.build();
    }

    private static Map<String, Long> map(Object... keysAndValues) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Long) keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void structsReadBackAsRowsWithTheirSchema() {
        ColumnVector structs = vector(POINT, Row.of(1, "a"), null, Arrays.asList(3, null));
        assertThat(structs).isInstanceOf(StructVector.class);
        assertThat(structs.getObject(0)).isEqualTo(Row.of(1, "a"));
        assertThat(((Row) structs.getObject(0)).<String>getAs("tag")).isEqualTo("a");
        assertThat(structs.getObject(1)).isNull();
        assertThat(structs.getObject(2)).isEqualTo(Row.of(3, null));
        ColumnVector gathered = structs.gather(new int[] {2, 1, 0}, 3);
        assertThat(gathered.getObject(0)).isEqualTo(Row.of(3, null));
        assertThat(gathered.isNull(1)).isTrue();
    }

    @Test
    void structsCompareFieldByFieldWithNullFieldsFirst() {
        ColumnVector structs = vector(POINT, Row.of(1, "b"), Row.of(1, "a"), Row.of(null, "z"), Row.of(1, "b"));
        assertThat(structs.compareAt(0, structs, 1)).isPositive();
        assertThat(structs.compareAt(2, structs, 1)).isNegative();
        assertThat(structs.equalsAt(0, structs, 3)).isTrue();
        assertThat(structs.equalsAt(0, structs, 1)).isFalse();
        int[] hashes = new int[4];
        structs.hashInto(hashes);
        assertThat(hashes[0]).isEqualTo(hashes[3]).isNotEqualTo(hashes[1]);
    }

    @Test
    void mapsKeepInsertionOrderAndCompareRegardlessOfIt() {
        ColumnVector maps = vector(SCORES, map("b", 2L, "a", null), null, map(), map("a", null, "b", 2L));
        assertThat(maps).isInstanceOf(MapVector.class);
        assertThat(List.copyOf(((Map<?, ?>) maps.getObject(0)).keySet())).isEqualTo(List.of("b", "a"));
        assertThat(maps.getObject(1)).isNull();
        assertThat((Map<?, ?>) maps.getObject(2)).isEmpty();
        assertThat(maps.equalsAt(0, maps, 3)).isTrue();
        assertThat(maps.equalsAt(0, maps, 2)).isFalse();
        int[] hashes = new int[4];
        maps.hashInto(hashes);
        assertThat(hashes[0]).isEqualTo(hashes[3]);
        ColumnVector gathered = maps.gather(new int[] {3, 0}, 2);
        assertThat(List.copyOf(((Map<?, ?>) gathered.getObject(0)).keySet())).isEqualTo(List.of("a", "b"));
        assertThat(((MapVector) gathered).find(StringVector.of("b"), 0, 1)).isEqualTo(2);
    }

    @Test
    void appendFromCopiesNestedValues() {
        ColumnVector source = vector(new dev.ember.sql.types.ArrayType(POINT, true), List.of(Row.of(1, "a")), Arrays.asList(null, Row.of(2, null)));
        VectorBuilder copy = VectorBuilder.create(source.type(), 2);
        copy.appendFrom(source, 1);
        copy.appendFrom(source, 0);
        ColumnVector copied = copy.build();
        assertThat(copied.getObject(0)).isEqualTo(Arrays.asList(null, Row.of(2, null)));
        assertThat(copied.getObject(1)).isEqualTo(List.of(Row.of(1, "a")));
    }
}
