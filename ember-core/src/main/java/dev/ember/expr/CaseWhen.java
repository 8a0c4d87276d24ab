package dev.ember.expr;

import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CASE WHEN c1 THEN v1 [WHEN ...] [ELSE e] END}. A branch value is evaluated only on the
 * rows that reach it, so {@code CASE WHEN b <> 0 THEN a / b END} does not divide by zero.
 * Children are {@code c1, v1, c2, v2, ..., [e]}; the analyzer casts every value to one type.
 */
public final class CaseWhen extends Expression {
    private static final long serialVersionUID = 1L;

    private final List<Expression> conditions;
    private final List<Expression> values;
    private final Expression elseValue;

    public CaseWhen(List<Expression> conditions, List<Expression> values, Expression elseValue) {
        if (conditions.isEmpty() || conditions.size() != values.size()) {
            throw new IllegalArgumentException("CASE needs as many values as conditions, at least one");
        }
        this.conditions = List.copyOf(conditions);
        this.values = List.copyOf(values);
        this.elseValue = elseValue;
    }

    public List<Expression> conditions() {
        return conditions;
    }

    public List<Expression> values() {
        return values;
    }

    /** The ELSE value, or {@code null} when there is none (NULL then). */
    public Expression elseValue() {
        return elseValue;
    }

    @Override
    public List<Expression> children() {
        List<Expression> children = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            children.add(conditions.get(i));
            children.add(values.get(i));
        }
        if (elseValue != null) {
            children.add(elseValue);
        }
        return children;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        if (sameChildren(children(), children)) {
            return this;
        }
        List<Expression> newConditions = new ArrayList<>();
        List<Expression> newValues = new ArrayList<>();
        for (int i = 0; i + 1 < children.size(); i += 2) {
            newConditions.add(children.get(i));
            newValues.add(children.get(i + 1));
        }
        return new CaseWhen(newConditions, newValues, children.size() % 2 == 1 ? children.get(children.size() - 1) : null);
    }

    @Override
    public DataType dataType() {
        return values.get(0).dataType();
    }

    @Override
    public boolean foldable() {
        return children().stream().allMatch(Expression::foldable);
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        int[] remaining = new int[n];
        for (int i = 0; i < n; i++) {
            remaining[i] = i;
        }
        int remainingCount = n;
        ColumnVector[] sources = new ColumnVector[values.size() + 1];
        int[] sourceOf = new int[n];
        int[] indexIn = new int[n];
        java.util.Arrays.fill(sourceOf, -1);
        for (int branch = 0; branch < conditions.size() && remainingCount > 0; branch++) {
            Batch rows = remainingCount == n ? input : input.gather(remaining, remainingCount);
            BooleanVector matches = (BooleanVector) conditions.get(branch).eval(rows);
            int[] takenLocal = new int[remainingCount];
            int[] takenOriginal = new int[remainingCount];
            int takenCount = 0;
            int keptCount = 0;
            for (int i = 0; i < remainingCount; i++) {
                int original = remaining[i];
                if (!matches.isNull(i) && matches.get(i)) {
                    takenLocal[takenCount] = i;
                    takenOriginal[takenCount++] = original;
                } else {
                    remaining[keptCount++] = original;
                }
            }
            if (takenCount > 0) {
                sources[branch] = values.get(branch).eval(rows.gather(takenLocal, takenCount));
                for (int i = 0; i < takenCount; i++) {
                    sourceOf[takenOriginal[i]] = branch;
                    indexIn[takenOriginal[i]] = i;
                }
            }
            remainingCount = keptCount;
        }
        if (elseValue != null && remainingCount > 0) {
            Batch rows = input.gather(remaining, remainingCount);
            sources[values.size()] = elseValue.eval(rows);
            for (int i = 0; i < remainingCount; i++) {
                sourceOf[remaining[i]] = values.size();
                indexIn[remaining[i]] = i;
            }
        }
        VectorBuilder builder = VectorBuilder.create(dataType(), n);
        for (int i = 0; i < n; i++) {
            if (sourceOf[i] < 0) {
                builder.appendNull();
            } else {
                builder.appendFrom(sources[sourceOf[i]], indexIn[i]);
            }
        }
        return builder.build();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("CASE");
        for (int i = 0; i < conditions.size(); i++) {
            out.append(" WHEN ").append(conditions.get(i)).append(" THEN ").append(values.get(i));
        }
        if (elseValue != null) {
            out.append(" ELSE ").append(elseValue);
        }
        return out.append(" END").toString();
    }
}
