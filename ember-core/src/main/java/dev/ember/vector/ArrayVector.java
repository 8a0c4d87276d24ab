package dev.ember.vector;

import dev.ember.sql.types.ArrayType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Arrays: array {@code i} is {@code elements[offsets[i] .. offsets[i + 1])}. */
public final class ArrayVector extends ColumnVector {
    private final int[] offsets;
    private final ColumnVector elements;

    public ArrayVector(ArrayType type, int size, int[] offsets, ColumnVector elements, boolean[] nulls) {
        super(type, size, nulls);
        if (offsets.length < size + 1) {
            throw new IllegalArgumentException(offsets.length + " offsets for " + size + " arrays");
        }
        this.offsets = offsets;
        this.elements = elements;
    }

    public ColumnVector elements() {
        return elements;
    }

    public int start(int position) {
        return offsets[position];
    }

    public int length(int position) {
        return offsets[position + 1] - offsets[position];
    }

    @Override
    public Object getObject(int position) {
        if (isNull(position)) {
            return null;
        }
        List<Object> list = new ArrayList<>(length(position));
        for (int i = offsets[position]; i < offsets[position + 1]; i++) {
            list.add(elements.getObject(i));
        }
        return Collections.unmodifiableList(list);
    }

    @Override
    public ColumnVector gather(int[] positions, int count) {
        EntryOffsets.Gathered gathered = EntryOffsets.gather(offsets, positions, count);
        return new ArrayVector((ArrayType) type, count, gathered.offsets(), elements.gather(gathered.entries(), gathered.entries().length),
                gatherNulls(positions, count));
    }

    @Override
    public boolean equalsAt(int position, ColumnVector other, int otherPosition) {
        return compareAt(position, other, otherPosition) == 0;
    }

    @Override
    public int compareAt(int position, ColumnVector other, int otherPosition) {
        ArrayVector that = (ArrayVector) other;
        int length = Math.min(length(position), that.length(otherPosition));
        for (int i = 0; i < length; i++) {
            int mine = offsets[position] + i;
            int theirs = that.offsets[otherPosition] + i;
            boolean mineNull = elements.isNull(mine);
            boolean theirsNull = that.elements.isNull(theirs);
            if (mineNull || theirsNull) {
                if (mineNull != theirsNull) {
                    return mineNull ? -1 : 1;
                }
                continue;
            }
            int order = elements.compareAt(mine, that.elements, theirs);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(length(position), that.length(otherPosition));
    }

    @Override
    public void hashInto(int[] hashes) {
        for (int i = 0; i < size; i++) {
            if (isNull(i)) {
                hashes[i] = mix(hashes[i], NULL_HASH);
                continue;
            }
            int length = length(i);
            int[] positions = new int[length];
            for (int e = 0; e < length; e++) {
                positions[e] = offsets[i] + e;
            }
            int[] elementHashes = new int[length];
            elements.gather(positions, length).hashInto(elementHashes);
            int hash = 1;
            for (int elementHash : elementHashes) {
                hash = mix(hash, elementHash);
            }
            hashes[i] = mix(hashes[i], hash);
        }
    }

    @Override
    public long retainedBytes() {
        return 4L * offsets.length + elements.retainedBytes() + (nulls == null ? 0 : nulls.length);
    }
}
