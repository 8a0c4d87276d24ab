package dev.ember.expr.aggregate;

import dev.ember.sql.types.DataType;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.util.Arrays;

/**
 * One chosen value per group, kept as a position in the input vector it came from, so values of
 * any type are held without boxing until the result is built. A group has no value until set.
 *
 * <p>Holding positions keeps whole input vectors alive, so their bytes are counted (each vector once
 * when it is first referenced); when they reach twice the bytes of the chosen values alone, the
 * values are copied into one vector of their own and the inputs let go (amortized: the copy costs
 * about as much as the input read since the last one).
 */
final class ValueSlots {
    private static final long COMPACT_SLACK = 1 << 18;

    private ColumnVector[] vectors = new ColumnVector[16];
    private int[] positions = new int[16];
    /** Groups {@code [0, groups)} may be set. */
    private int groups;
    private ColumnVector lastCounted;
    private long referencedBytes;
    private long compactAt = COMPACT_SLACK;

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
        if (vector != lastCounted) {
            // A vector not counted yet: first let go of those referenced before, if they hold too much.
            if (referencedBytes > compactAt) {
                compact(vector.type());
            }
            lastCounted = vector;
            referencedBytes += vector.retainedBytes();
        }
        vectors[group] = vector;
        positions[group] = position;
        groups = Math.max(groups, group + 1);
    }

    /** Copies the chosen values into one vector, so that the input vectors they came from can be freed. */
    private void compact(DataType type) {
        ColumnVector values = values(type, groups);
        for (int g = 0; g < groups; g++) {
            if (vectors[g] != null) {
                vectors[g] = values;
                positions[g] = g;
            }
        }
        referencedBytes = values.retainedBytes();
        compactAt = 2 * referencedBytes + COMPACT_SLACK;
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
        return 12L * vectors.length + referencedBytes;
    }
}
