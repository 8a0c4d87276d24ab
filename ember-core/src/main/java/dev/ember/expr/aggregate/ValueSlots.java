package dev.ember.expr.aggregate;

import dev.ember.sql.types.DataType;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.util.Arrays;

/**
 * One chosen value per group, kept as a position in the input vector it came from, so values of
 * any type are held without boxing until the result is built. A group has no value until set.
 */
final class ValueSlots {
    private ColumnVector[] vectors = new ColumnVector[16];
    private int[] positions = new int[16];

    boolean isSet(int group) {
        return group < vectors.length && vectors[group] != null;
    }

    ColumnVector vector(int group) {
        return vectors[group];
    }

    int position(int group) {
        return positions[group];
    }

    void set(int group, ColumnVector vector, int position) {
        if (group >= vectors.length) {
            int size = Math.max(group + 1, vectors.length * 2);
            vectors = Arrays.copyOf(vectors, size);
            positions = Arrays.copyOf(positions, size);
        }
        vectors[group] = vector;
        positions[group] = position;
    }

    /** The values of groups {@code [0, groupCount)}, NULL where unset. */
    ColumnVector values(DataType type, int groupCount) {
        VectorBuilder builder = VectorBuilder.create(type, groupCount);
        for (int g = 0; g < groupCount; g++) {
            if (isSet(g)) {
                builder.appendFrom(vectors[g], positions[g]);
            } else {
                builder.appendNull();
            }
        }
        return builder.build();
    }

    /** Whether each of groups {@code [0, groupCount)} is set. */
    BooleanVector setFlags(int groupCount) {
        boolean[] flags = new boolean[groupCount];
        for (int g = 0; g < groupCount; g++) {
            flags[g] = isSet(g);
        }
        return new BooleanVector(groupCount, flags, null);
    }

    long retainedBytes() {
        // The vectors are shared with the input; this counts the references only.
        return 12L * vectors.length;
    }
}
