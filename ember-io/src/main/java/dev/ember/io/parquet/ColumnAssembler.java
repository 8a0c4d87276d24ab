package dev.ember.io.parquet;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.VectorBuilder;
import org.apache.parquet.column.ColumnReader;

/**
 * Rebuilds the values of one top-level column from its leaf column's repetition and definition
 * levels ({@link ColumnLevels}). Every value, null or empty array included, takes at least one leaf
 * entry; an array's later elements are the entries that follow with the array's repetition level.
 */
final class ColumnAssembler {
    private final ColumnLevels levels;
    private final LeafDecoder leaf;
    private ColumnReader reader;
    private long remaining;

    ColumnAssembler(ColumnLevels levels, DataType type) {
        this.levels = levels;
        DataType leafType = type;
        for (int i = 0; i < levels.depth(); i++) {
            leafType = ((ArrayType) leafType).elementType();
        }
        this.leaf = LeafDecoder.of(levels.leaf(), leafType);
    }

    /** The path of the leaf column this assembler reads. */
    String[] leafPath() {
        return levels.leafPath();
    }

    /** Starts reading a row group's column chunk. */
    void reset(ColumnReader columnReader) {
        this.reader = columnReader;
        this.remaining = columnReader.getTotalValueCount();
    }

    /** Appends the next {@code rows} values to {@code builder}. */
    void readRows(int rows, VectorBuilder builder) {
        for (int i = 0; i < rows; i++) {
            readValue(0, builder);
        }
    }

    private void readValue(int depth, VectorBuilder builder) {
        int definition = reader.getCurrentDefinitionLevel();
        if (depth == levels.depth()) {
            if (definition == levels.maxDefinition()) {
                leaf.append(reader, builder);
            } else {
                builder.appendNull();
            }
            consume();
            return;
        }
        if (definition < levels.presentAt()[depth]) {
            builder.appendNull();
            consume();
            return;
        }
        VectorBuilder.ArrayBuilder arrays = (VectorBuilder.ArrayBuilder) builder;
        if (definition < levels.nonEmptyAt()[depth]) {
            consume();
        } else {
            int elementRepetition = levels.repetition()[depth];
            do {
                readValue(depth + 1, arrays.elements());
            } while (remaining > 0 && reader.getCurrentRepetitionLevel() == elementRepetition);
        }
        arrays.endArray();
    }

    private void consume() {
        reader.consume();
        remaining--;
    }
}
