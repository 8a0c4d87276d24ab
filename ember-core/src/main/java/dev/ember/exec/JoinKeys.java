package dev.ember.exec;

import dev.ember.expr.Expression;
import java.io.Serializable;
import java.util.List;

/**
 * The equality keys of a join: {@code left.get(i) = right.get(i)}, or with {@code nullSafe.get(i)}
 * {@code left.get(i) <=> right.get(i)}, where NULL matches NULL.
 */
public record JoinKeys(List<Expression> left, List<Expression> right, List<Boolean> nullSafe) implements Serializable {
    public static final JoinKeys NONE = new JoinKeys(List.of(), List.of(), List.of());

    public JoinKeys {
        left = List.copyOf(left);
        right = List.copyOf(right);
        nullSafe = List.copyOf(nullSafe);
        if (left.size() != right.size() || left.size() != nullSafe.size()) {
            throw new IllegalArgumentException("join keys of different lengths: " + left + ", " + right + ", " + nullSafe);
        }
    }

    public JoinKeys swapped() {
        return new JoinKeys(right, left, nullSafe);
    }
}
