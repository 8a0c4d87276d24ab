package dev.ember.vector;

import dev.ember.sql.Row;
import dev.ember.sql.types.StructType;
import java.util.Arrays;
import java.util.List;

/** Structs: one child vector per field, all of this vector's size; a null struct has null (or default) children. */
public final class StructVector extends ColumnVector {
    private final ColumnVector[] fields;

    public StructVector(StructType type, int size, List<ColumnVector> fields, boolean[] nulls) {
        super(type, size, nulls);
        if (fields.size() != type.size()) {
            throw new IllegalArgumentException(fields.size() + " field vectors for " + type.simpleString());
        }
        for (ColumnVector field : fields) {
            if (field.size() != size) {
                throw new IllegalArgumentException("a field vector of " + field.size() + " values in a struct vector of " + size);
            }
        }
        this.fields = fields.toArray(ColumnVector[]::new);
    }

    public ColumnVector field(int index) {
        return fields[index];
    }

    public int fieldCount() {
        return fields.length;
    }

    @Override
    public Object getObject(int position) {
        if (isNull(position)) {
            return null;
        }
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = fields[i].getObject(position);
        }
        return Row.withSchema((StructType) type, values);
    }

    @Override
    public ColumnVector gather(int[] positions, int count) {
        ColumnVector[] gathered = new ColumnVector[fields.length];
        for (int i = 0; i < fields.length; i++) {
            gathered[i] = fields[i].gather(positions, count);
        }
        return new StructVector((StructType) type, count, Arrays.asList(gathered), gatherNulls(positions, count));
    }

    @Override
    public boolean equalsAt(int position, ColumnVector other, int otherPosition) {
        return compareAt(position, other, otherPosition) == 0;
    }

    /** Field by field, a null field before a non-null one, as Spark orders structs. */
    @Override
    public int compareAt(int position, ColumnVector other, int otherPosition) {
        StructVector that = (StructVector) other;
        for (int i = 0; i < fields.length; i++) {
            boolean mineNull = fields[i].isNull(position);
            boolean theirsNull = that.fields[i].isNull(otherPosition);
            if (mineNull || theirsNull) {
                if (mineNull != theirsNull) {
                    return mineNull ? -1 : 1;
                }
                continue;
            }
            int order = fields[i].compareAt(position, that.fields[i], otherPosition);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    @Override
    public void hashInto(int[] hashes) {
        int[] fieldHashes = new int[size];
        for (ColumnVector field : fields) {
            field.hashInto(fieldHashes);
        }
        for (int i = 0; i < size; i++) {
            hashes[i] = mix(hashes[i], isNull(i) ? NULL_HASH : fieldHashes[i]);
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
