package dev.ember.expr;

import dev.ember.expr.function.ReplacedCall;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code AND} and {@code OR} as Spark evaluates them: each operand only on the rows the ones before
 * it leave undecided. So a guard holds ({@code b <> 0 AND a / b > 1} raises no division by zero
 * under ANSI), and a selective operand spares the next ones most of the batch. A chain of the same
 * operator ({@code a AND b AND c}, however nested) is evaluated as one list over a shrinking
 * selection of rows, which is the same as nesting: {@code c} runs where neither {@code a} nor
 * {@code b} decided.
 */
final class ShortCircuit {
    private ShortCircuit() {
    }

    /** The operands of the chain of {@code type} at {@code root}, left to right, looking through {@code between}'s call. */
    static List<Expression> operands(Expression root, Class<? extends BinaryExpression> type) {
        List<Expression> operands = new ArrayList<>();
        addOperands(root, type, operands);
        return List.copyOf(operands);
    }

    private static void addOperands(Expression node, Class<? extends BinaryExpression> type, List<Expression> operands) {
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
     * @param decidingValue the operand value that decides alone: {@code false} for AND, {@code true} for OR
     */
    static BooleanVector evalAt(List<Expression> operands, Batch input, int[] rows, int count, boolean decidingValue) {
        int n = input.rowCount();
        boolean[] out = new boolean[n];
        if (!decidingValue) {
            Arrays.fill(out, true);
        }
        boolean[] nulls = null;
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
            for (int k = 0; k < count; k++) {
                int i = undecided[k];
                if (valueNulls != null && valueNulls[i]) {
                    if (nulls == null) {
                        nulls = new boolean[n];
                    }
                    nulls[i] = true;
                    stillUndecided[kept++] = i;
                } else if (values[i] == decidingValue) {
                    out[i] = decidingValue;
                    if (nulls != null) {
                        nulls[i] = false;
                    }
                } else {
                    stillUndecided[kept++] = i;
                }
            }
            undecided = stillUndecided;
            count = kept;
        }
        return new BooleanVector(n, out, nulls);
    }
}
