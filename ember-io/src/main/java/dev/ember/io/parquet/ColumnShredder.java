package dev.ember.io.parquet;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.ArrayVector;
import dev.ember.vector.ColumnVector;
import org.apache.parquet.column.ColumnWriter;

/**
 * Writes the values of one top-level column to its leaf column as values with repetition and
 * definition levels ({@link ColumnLevels}), the inverse of {@link ColumnAssembler}.
 */
final class ColumnShredder {
    private final ColumnLevels levels;
    private final LeafEncoder leaf;

    ColumnShredder(ColumnLevels levels, DataType type) {
        this.levels = levels;
        DataType leafType = type;
        for (int i = 0; i < levels.depth(); i++) {
            leafType = ((ArrayType) leafType).elementType();
        }
        this.leaf = LeafEncoder.of(leafType);
    }

    String[] leafPath() {
        return levels.leafPath();
    }

    /** Writes rows {@code [from, to)} of {@code vector}. */
    void write(ColumnWriter writer, ColumnVector vector, int from, int to) {
        for (int row = from; row < to; row++) {
            writeValue(writer, vector, row, 0, 0);
        }
    }

    private void writeValue(ColumnWriter writer, ColumnVector vector, int position, int depth, int repetition) {
        if (depth == levels.depth()) {
            if (vector.isNull(position)) {
                writer.writeNull(repetition, levels.maxDefinition() - 1);
            } else {
                leaf.write(writer, vector, position, repetition, levels.maxDefinition());
            }
            return;
        }
        if (vector.isNull(position)) {
            writer.writeNull(repetition, levels.presentAt()[depth] - 1);
            return;
        }
        ArrayVector arrays = (ArrayVector) vector;
        int length = arrays.length(position);
        if (length == 0) {
            writer.writeNull(repetition, levels.presentAt()[depth]);
            return;
        }
        int start = arrays.start(position);
        for (int i = 0; i < length; i++) {
            writeValue(writer, arrays.elements(), start + i, depth + 1, i == 0 ? repetition : levels.repetition()[depth]);
        }
    }
}
