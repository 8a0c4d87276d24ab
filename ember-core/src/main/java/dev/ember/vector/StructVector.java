package dev.ember.vector;

import dev.ember.sql.Row;
import dev.ember.sql.types.StructType;
import java.util.List;

/**
 * Structs: one child vector per field, each of this vector's size. Where the struct itself is
 * NULL the children hold placeholder values (NULL or a default) that nothing reads.
 */
public final class StructVector extends ColumnVector {
    private final List<ColumnVector> fields;

    public StructVector(StructType type, int size, List<ColumnVector> fields, boolean[] nulls) {
        super(type, size, nulls);
        if (fields.size() != type.size()) {
            throw new IllegalArgumentException(fields.size() + " field vectors for " + type.simpleString());
        }
        for (ColumnVector field : fields) {
            if (field.size() < size) {
                throw new IllegalArgumentException("a field vector of " + field.size() + " values in a struct vector of " + size);
            }
        }
        this.fields = List.copyOf(fields);
    }

    public StructType structType() {
        return (StructType) type;
    }

    public ColumnVector field(int index) {
        return fields.get(index);
    }

    public List<ColumnVector> fields() {
        return fields;
    }

    /** The struct at {@code position} as a {@link Row} with the struct's schema, as Spark returns nested structs. */
    @Override
    public Object getObject(int position) {
        if (isNull(position)) {
            return null;
        }
        Object[] values = new Object[fields.size()];
        for (int f = 0; f < values.length; f++) {
            values[f] = fields.get(f).getObject(position);
        }
        return Row.withSchema(structType(), values);
    }

    @Override
    public ColumnVector gather(int[] positions, int count) {
        ColumnVector[] gathered = new ColumnVector[fields.size()];
        for (int f = 0; f < gathered.length; f++) {
            gathered[f] = fields.get(f).gather(positions, count);
        }
        return new StructVector(structType(), count, List.of(gathered), gatherNulls(positions, count));
    }

    @Override
    public boolean equalsAt(int position, ColumnVector other, int otherPosition) {
        StructVector that = (StructVector) other;
        for (int f = 0; f < fields.size(); f++) {
            ColumnVector mine = fields.get(f);
            ColumnVector theirs = that.fields.get(f);
            boolean mineNull = mine.isNull(position);
            if (mineNull != theirs.isNull(otherPosition)
                    || (!mineNull && !mine.equalsAt(position, theirs, otherPosition))) {
                return false;
            }
        }
        return true;
    }

    /** Field by field; a NULL field sorts before any value, as in Spark's ordering of structs. */
    @Override
    public int compareAt(int position, ColumnVector other, int otherPosition) {
        StructVector that = (StructVector) other;
        for (int f = 0; f < fields.size(); f++) {
            ColumnVector mine = fields.get(f);
            ColumnVector theirs = that.fields.get(f);
            boolean mineNull = mine.isNull(position);
            boolean theirsNull = theirs.isNull(otherPosition);
            if (mineNull || theirsNull) {
                if (mineNull != theirsNull) {
                    return mineNull ? -1 : 1;
                }
                continue;
            }
            int order = mine.compareAt(position, theirs, otherPosition);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    @Override
    public void hashInto(int[] hashes) {
        int[] structHashes = new int[size];
        java.util.Arrays.fill(structHashes, 1);
        for (ColumnVector field : fields) {
            field.hashInto(structHashes);
        }
        for (int i = 0; i < size; i++) {
            hashes[i] = mix(hashes[i], isNull(i) ? NULL_HASH : structHashes[i]);
        }
    }

    @Override
    public long retainedBytes() {
        long bytes = nulls == null ? 0 : nulls.length;
        for (ColumnVector field : fields) {
            bytes += field.retainedBytes();
        }
        return bytes;
    }
}
