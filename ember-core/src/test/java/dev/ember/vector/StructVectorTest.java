package dev.ember.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Row;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructVectorTest {
    private static final StructType TYPE = StructType.of(new StructField("x", AtomicType.INT, true),
            new StructField("tags", new ArrayType(AtomicType.STRING, true), true));

    @Test
    void buildsGathersAndComparesStructs() {
        VectorBuilder builder = VectorBuilder.create(TYPE, 4);
        builder.appendObject(Row.of(1, List.of("a")));
        builder.appendNull();
        builder.appendObject(Row.of(null, List.of()));
        builder.appendObject(Row.of(1, List.of("a")));
        StructVector structs = (StructVector) builder.build();
        assertThat(structs.size()).isEqualTo(4);
        assertThat(structs.getObject(1)).isNull();
        assertThat(((Row) structs.getObject(2)).get(0)).isNull();
        assertThat(structs.equalsAt(0, structs, 3)).isTrue();
        assertThat(structs.compareAt(2, structs, 0)).isNegative();
        ColumnVector gathered = structs.gather(new int[] {3, 1}, 2);
        assertThat(((Row) gathered.getObject(0)).get(1)).isEqualTo(List.of("a"));
        assertThat(gathered.isNull(1)).isTrue();
        int[] hashes = new int[4];
        structs.hashInto(hashes);
        assertThat(hashes[0]).isEqualTo(hashes[3]).isNotEqualTo(hashes[2]);
    }

    @Test
    void truncateTakesBackPartlyAppendedValues() {
        VectorBuilder.StructBuilder builder = (VectorBuilder.StructBuilder) VectorBuilder.create(TYPE, 2);
        builder.appendObject(Row.of(1, List.of("kept")));
        ((VectorBuilder.IntBuilder) builder.field(0)).append(2);
        VectorBuilder.ArrayBuilder tags = (VectorBuilder.ArrayBuilder) builder.field(1);
        tags.elements().appendObject("dropped");
        builder.field(0).truncate(1);
        tags.elements().truncate(1);
        builder.appendObject(Row.of(3, Arrays.asList("b", null)));
        builder.appendObject(Row.of(9, List.of("gone", "too")));
        builder.truncate(2);
        builder.appendObject(Row.of(4, List.of("c")));
        StructVector structs = (StructVector) builder.build();
        assertThat(structs.size()).isEqualTo(3);
        assertThat(((Row) structs.getObject(2)).get(1)).isEqualTo(List.of("c"));
        assertThat(((Row) structs.getObject(0)).get(1)).isEqualTo(List.of("kept"));
        assertThat(((Row) structs.getObject(1)).get(0)).isEqualTo(3);
        assertThat(((Row) structs.getObject(1)).get(1)).isEqualTo(Arrays.asList("b", null));
    }
}
