package dev.ember.expr;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;

/** A boolean that changes from row to row, as {@code rand() > 0.5} would: for tests of nondeterminism (Ember has no rand()). */
public final class CoinFlip extends LeafExpression {
    @Override
    public DataType dataType() {
        return AtomicType.BOOLEAN;
    }

    @Override
    public boolean deterministic() {
        return false;
    }

    @Override
    public String toString() {
        return "coin_flip()";
    }
}
