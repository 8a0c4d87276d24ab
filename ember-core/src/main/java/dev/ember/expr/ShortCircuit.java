package dev.ember.expr;

import dev.ember.expr.function.ReplacedCall;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code AND} and {@code OR} as Spark evaluates them: each operand only on the rows the ones before
 * it leave undecided. So a guard holds ({@code b <> 0 AND a / b > 1} raises no division by zero
 * under ANSI), and a selective operand spares the next ones most of the batch. A chain of the same
 * operator ({@code a AND b AND c}, however nested) is evaluated as one list over a shrinking
 * selection of rows, which is the same as nesting: {@code c} runs where neither {@code a} nor
 * {@code b} decided.
 */
abstract sealed class ShortCircuit extends BinaryExpression permits And, Or {
    private static final long serialVersionUID = 1L;

    /** The operand value that decides alone: {@code false} for AND, {@code true} for OR. */
    private final boolean decidingValue;
    /** The operands of the chain this one heads, computed on first use. */
    private transient volatile List<Expression> operands;

    ShortCircuit(Expression left, Expression right, boolean decidingValue) {
        super(left, right);
        this.decidingValue = decidingValue;
    }

    @Override
    public final DataType dataType() {
        return AtomicType.BOOLEAN;
    }

    @Override
    public final ColumnVector eval(Batch input) {
        return evalAt(input, Selection.all(input.rowCount()), input.rowCount());
    }

    @Override
    public final BooleanVector evalAt(Batch input, int[] rows, int count) {
        return evalAt(operands(), input, rows, count, decidingValue);
    }

    /** The operands of the chain this one heads, left to right. */
    final List<Expression> operands() {
        List<Expression> chain = operands;
        if (chain == null) {
            chain = new ArrayList<>();
            addOperands(this, getClass(), chain);
            chain = List.copyOf(chain);
            operands = chain;
        }
        return chain;
    }

    /** The operands of the chain of {@code type} at {@code node}, left to right, looking through {@code between}'s call. */
    private static void addOperands(Expression node, Class<? extends ShortCircuit> type, List<Expression> operands) {
        Expression unwrapped = node instanceof ReplacedCall call ? call.replacement() : node;
        if (type.isInstance(unwrapped)) {
            BinaryExpression chain = (BinaryExpression) unwrapped;
            addOperands(chain.left(), type, operands);
            addOperands(chain.right(), type, operands);
        } else {
            operands.add(node);
        }
    }

    /**
     * An operand's non-null value is the chain's answer if it decides the row and, if it does not,
     * is the value the chain answers when no later one does either (true for AND, false for OR),
     * so each operand writes it; NULLs are remembered and count for the rows left undecided at the end.
     *
     * @param decidingValue the operand value that decides alone: {@code false} for AND, {@code true} for OR
     */
    private static BooleanVector evalAt(List<Expression> operands, Batch input, int[] rows, int count, boolean decidingValue) {
        int n = input.rowCount();
        boolean[] out = new boolean[n];
        boolean[] sawNull = null;
        int[] undecided = rows;
        for (Expression operand : operands) {
            if (count == 0) {
                break;
            }
            BooleanVector value = operand.evalAt(input, undecided, count);
            boolean[] values = value.values();
            boolean[] valueNulls = value.nulls();
            int[] stillUndecided = undecided == rows ? new int[count] : undecided; // compacted in place once it is ours
            int kept = 0;
            if (valueNulls == null) {
                for (int k = 0; k < count; k++) {
                    int i = undecided[k];
                    boolean v = values[i];
                    out[i] = v;
                    stillUndecided[kept] = i;
                    kept += v == decidingValue ? 0 : 1;
                }
            } else {
                if (sawNull == null) {
                    sawNull = new boolean[n];
                }
                for (int k = 0; k < count; k++) {
                    int i = undecided[k];
                    boolean isNull = valueNulls[i];
                    sawNull[i] |= isNull;
                    if (!isNull) {
                        out[i] = values[i];
                    }
                    stillUndecided[kept] = i;
                    kept += !isNull && values[i] == decidingValue ? 0 : 1;
                }
            }
            undecided = stillUndecided;
            count = kept;
        }
        return new BooleanVector(n, out, sawNull == null ? null : nullsAt(sawNull, undecided, count, n));
    }

    /** NULL where a row left undecided saw a NULL operand. */
    private static boolean[] nullsAt(boolean[] sawNull, int[] undecided, int count, int n) {
        boolean[] nulls = new boolean[n];
        for (int k = 0; k < count; k++) {
            int i = undecided[k];
            nulls[i] = sawNull[i];
        }
        return nulls;
    }
}
