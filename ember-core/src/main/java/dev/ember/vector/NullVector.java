package dev.ember.vector;

import dev.ember.sql.types.AtomicType;

/** A vector of the NULL type: every value is NULL. */
public final class NullVector extends ColumnVector {
    public NullVector(int size) {
        super(AtomicType.NULL, size, Nulls.all(size));
    }

    @Override
    public Object getObject(int position) {
        return null;
    }

    @Override
    public ColumnVector gather(int[] positions, int count) {
        return new NullVector(count);
    }

    @Override
    public boolean equalsAt(int position, ColumnVector other, int otherPosition) {
        return true;
    }

    @Override
    public int compareAt(int position, ColumnVector other, int otherPosition) {
        return 0;
    }

    @Override
    public void hashInto(int[] hashes) {
        for (int i = 0; i < size; i++) {
            hashes[i] = mix(hashes[i], NULL_HASH);
        }
    }

    @Override
    public long retainedBytes() {
        return size;
    }
}
