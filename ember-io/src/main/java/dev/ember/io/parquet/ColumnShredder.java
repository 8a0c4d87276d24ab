package dev.ember.io.parquet;

import dev.ember.io.parquet.ColumnLevels.Leaf;
import dev.ember.io.parquet.ColumnLevels.Repeated;
import dev.ember.io.parquet.ColumnLevels.Struct;
import dev.ember.vector.ArrayVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.MapVector;
import dev.ember.vector.StructVector;
import java.util.List;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.schema.MessageType;

/**
 * Writes the values of one top-level column to its leaf columns as values with repetition and
 * definition levels ({@link ColumnLevels}), the inverse of {@link ColumnAssembler}.
 */
final class ColumnShredder {
    private final ColumnLevels levels;
    private final List<Leaf> leaves;
    private final LeafEncoder[] encoders;

    ColumnShredder(ColumnLevels levels) {
        this.levels = levels;
        this.leaves = levels.leaves();
        this.encoders = new LeafEncoder[leaves.size()];
        for (Leaf leaf : leaves) {
            encoders[leaf.index()] = LeafEncoder.of(leaf.valueType());
        }
    }

    /** The column writers of this column's leaves in a row group's store, by leaf index. */
    ColumnWriter[] writers(ColumnWriteStore store, MessageType schema) {
        ColumnWriter[] writers = new ColumnWriter[leaves.size()];
        for (Leaf leaf : leaves) {
            writers[leaf.index()] = store.getColumnWriter(schema.getColumnDescription(leaf.path()));
        }
        return writers;
    }

    /** Writes rows {@code [from, to)} of {@code vector}. */
    void write(ColumnWriter[] writers, ColumnVector vector, int from, int to) {
        for (int row = from; row < to; row++) {
            write(writers, levels, vector, row, 0);
        }
    }

    private void write(ColumnWriter[] writers, ColumnLevels node, ColumnVector vector, int position, int repetition) {
        if (vector.isNull(position)) {
            writeNulls(writers, node, repetition, node.definition() - 1);
            return;
        }
        if (node instanceof Leaf leaf) {
            encoders[leaf.index()].write(writers[leaf.index()], vector, position, repetition, leaf.definition());
        } else if (node instanceof Struct struct) {
            StructVector structs = (StructVector) vector;
            for (int f = 0; f < struct.fields().size(); f++) {
                write(writers, struct.fields().get(f), structs.field(f), position, repetition);
            }
        } else {
            writeRepeated(writers, (Repeated) node, vector, position, repetition);
        }
    }

    private void writeRepeated(ColumnWriter[] writers, Repeated repeated, ColumnVector vector, int position, int repetition) {
        int start;
        int length;
        if (vector instanceof MapVector maps) {
            start = maps.start(position);
            length = maps.length(position);
        } else {
            start = ((ArrayVector) vector).start(position);
            length = ((ArrayVector) vector).length(position);
        }
        if (length == 0) {
            writeNulls(writers, repeated, repetition, repeated.nonEmpty() - 1);
            return;
        }
        for (int i = 0; i < length; i++) {
            int entryRepetition = i == 0 ? repetition : repeated.repetition();
            if (vector instanceof MapVector maps) {
                write(writers, repeated.entry().get(0), maps.keys(), start + i, entryRepetition);
                write(writers, repeated.entry().get(1), maps.values(), start + i, entryRepetition);
            } else {
                write(writers, repeated.entry().get(0), ((ArrayVector) vector).elements(), start + i, entryRepetition);
            }
        }
    }

    /** One entry in each leaf below a NULL or empty value, at the definition level reached. */
    private static void writeNulls(ColumnWriter[] writers, ColumnLevels node, int repetition, int definition) {
        for (Leaf leaf : node.leaves()) {
            writers[leaf.index()].writeNull(repetition, definition);
        }
    }
}
