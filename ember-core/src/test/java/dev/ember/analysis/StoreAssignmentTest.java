package dev.ember.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.expr.AssignmentCast;
import dev.ember.expr.Literal;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructField;
import dev.ember.vector.Batch;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreAssignmentTest {
    @Test
    void ansiAllowsNumbersIntoNumbersAtomicValuesIntoStringsAndDatetimesIntoEachOther() {
        assertThat(StoreAssignment.allowed(AtomicType.LONG, AtomicType.INT)).isTrue();
        assertThat(StoreAssignment.allowed(new DecimalType(6, 1), AtomicType.BYTE)).isTrue();
        assertThat(StoreAssignment.allowed(new DecimalType(6, 1), AtomicType.STRING)).isTrue();
        assertThat(StoreAssignment.allowed(AtomicType.BOOLEAN, AtomicType.STRING)).isTrue();
        assertThat(StoreAssignment.allowed(AtomicType.TIMESTAMP, AtomicType.DATE)).isTrue();
        assertThat(StoreAssignment.allowed(AtomicType.NULL, AtomicType.DATE)).isTrue();
        assertThat(StoreAssignment.allowed(new ArrayType(AtomicType.INT, false), new ArrayType(AtomicType.LONG, true))).isTrue();
    }

    @Test
    void ansiRefusesStringsIntoOtherTypesAndMixingKinds() {
        assertThat(StoreAssignment.allowed(AtomicType.STRING, AtomicType.INT)).isFalse();
        assertThat(StoreAssignment.allowed(AtomicType.STRING, AtomicType.DATE)).isFalse();
        assertThat(StoreAssignment.allowed(AtomicType.DATE, AtomicType.INT)).isFalse();
        assertThat(StoreAssignment.allowed(AtomicType.BOOLEAN, AtomicType.INT)).isFalse();
        assertThat(StoreAssignment.allowed(new ArrayType(AtomicType.INT, true), new ArrayType(AtomicType.INT, false))).isFalse();
        assertThat(StoreAssignment.allowed(new ArrayType(AtomicType.INT, false), AtomicType.STRING)).isFalse();
        assertThatThrownBy(() -> StoreAssignment.assign(Literal.of("1"), new StructField("i", AtomicType.INT, true), "`t`"))
                .hasMessageStartingWith("[INCOMPATIBLE_DATA_FOR_TABLE] Cannot write incompatible data for the table `t`:"
                        + " Cannot safely cast `i` \"STRING\" to \"INT\".");
    }

    @Test
    void overflowNamesTheColumn() {
        AssignmentCast narrowed = (AssignmentCast) StoreAssignment.assign(Literal.of(300), new StructField("b", AtomicType.BYTE, true), "`t`");
        assertThatThrownBy(() -> narrowed.eval(new Batch(List.of(), 1)))
                .hasMessageStartingWith("[CAST_OVERFLOW_IN_TABLE_INSERT] Fail to assign a value of \"INT\" type to the \"TINYINT\" type column"
                        + " or variable `b` due to an overflow.");
        assertThat(((AssignmentCast) StoreAssignment.assign(Literal.of(7), new StructField("b", AtomicType.BYTE, true), "`t`"))
                .eval(new Batch(List.of(), 1)).getObject(0)).isEqualTo((byte) 7);
    }
}
