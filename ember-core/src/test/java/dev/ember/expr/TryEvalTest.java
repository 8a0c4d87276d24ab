package dev.ember.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.VectorBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TryEvalTest {
    private static final Batch ROWS = new Batch(List.of(
            new IntVector(AtomicType.INT, 3, new int[] {6, 7, 8}, null),
            new IntVector(AtomicType.INT, 3, new int[] {2, 0, 4}, null)), 3);
    private static final Expression A = new BoundReference(0, AtomicType.INT, false, "a");
    private static final Expression B = new BoundReference(1, AtomicType.INT, false, "b");

    @Test
    void nullOnlyWhereTheChildFails() {
        Expression remainder = new TryEval(new Arithmetic(Arithmetic.Operator.REMAINDER, A, B));
        assertThat(values(remainder.eval(ROWS))).containsExactly(0, null, 0);
    }

    @Test
    void malformedCastsBecomeNull() {
        VectorBuilder strings = VectorBuilder.create(AtomicType.STRING, 3);
        strings.appendObject("1");
        strings.appendObject("x");
        strings.appendObject(null);
        Batch batch = new Batch(List.of(strings.build()), 3);
        Expression cast = new TryEval(new Cast(new BoundReference(0, AtomicType.STRING, true, "s"), AtomicType.INT));
        assertThat(values(cast.eval(batch))).containsExactly(1, null, null);
        assertThat(cast.toString()).isEqualTo("TRY_CAST(s AS INT)");
    }

    @Test
    void otherErrorsStillFail() {
        Expression unsupported = new LeafExpression() {
            @Override
            public DataType dataType() {
                return AtomicType.INT;
            }

            @Override
            public ColumnVector eval(Batch input) {
                throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "test");
            }

            @Override
            public String toString() {
                return "unsupported";
            }
        };
        assertThatThrownBy(() -> new TryEval(unsupported).eval(ROWS)).isInstanceOfSatisfying(EmberException.class,
                e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.UNSUPPORTED_FEATURE));
    }

    private static List<Object> values(ColumnVector vector) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < vector.size(); i++) {
            values.add(vector.getObject(i));
        }
        return values;
    }
}
