package dev.ember.io.parquet;

import dev.ember.io.parquet.ColumnLevels.Leaf;
import dev.ember.io.parquet.ColumnLevels.Repeated;
import dev.ember.io.parquet.ColumnLevels.Struct;
import dev.ember.vector.VectorBuilder;
import java.io.IOException;
import java.util.List;
import org.apache.parquet.column.ColumnReader;

/**
 * Rebuilds the values of one top-level column from its leaf columns' repetition and definition
 * levels ({@link ColumnLevels}). The leaves are read in step: every value, NULL or empty included,
 * takes at least one entry of each leaf below it, and an array's or map's later entries are those
 * that follow with its repetition level (the first leaf below it tells).
 */
final class ColumnAssembler {
    /** Opens the column reader of one leaf column in the current row group. */
    @FunctionalInterface
    interface LeafReaders {
        ColumnReader open(String[] leafPath) throws IOException;
    }

    private final ColumnLevels levels;
    private final List<Leaf> leaves;
    private final LeafDecoder[] decoders;
    private final ColumnReader[] readers;
    private final long[] remaining;

    ColumnAssembler(ColumnLevels levels) {
        this.levels = levels;
        this.leaves = levels.leaves();
        this.decoders = new LeafDecoder[leaves.size()];
        for (Leaf leaf : leaves) {
            decoders[leaf.index()] = LeafDecoder.of(leaf.type(), leaf.valueType());
        }
        this.readers = new ColumnReader[leaves.size()];
        this.remaining = new long[leaves.size()];
    }

    /** Starts reading a row group: the column chunks of every leaf. */
    void reset(LeafReaders open) throws IOException {
        for (Leaf leaf : leaves) {
            ColumnReader reader = open.open(leaf.path());
            readers[leaf.index()] = reader;
            remaining[leaf.index()] = reader.getTotalValueCount();
        }
    }

    /** Appends the next {@code rows} values to {@code builder}. */
    void readRows(int rows, VectorBuilder builder) {
        for (int i = 0; i < rows; i++) {
            read(levels, builder);
        }
    }

    private void read(ColumnLevels node, VectorBuilder builder) {
        if (node instanceof Leaf leaf) {
            ColumnReader reader = readers[leaf.index()];
            if (reader.getCurrentDefinitionLevel() >= leaf.definition()) {
                decoders[leaf.index()].append(reader, builder);
            } else {
                builder.appendNull();
            }
            consume(leaf);
        } else if (node instanceof Struct struct) {
            if (definition(struct) < struct.definition()) {
                builder.appendNull();
                skip(struct);
                return;
            }
            VectorBuilder.StructBuilder structs = (VectorBuilder.StructBuilder) builder;
            for (int f = 0; f < struct.fields().size(); f++) {
                read(struct.fields().get(f), structs.field(f));
            }
            structs.endStruct();
        } else {
            readRepeated((Repeated) node, builder);
        }
    }

    private void readRepeated(Repeated repeated, VectorBuilder builder) {
        int definition = definition(repeated);
        if (definition < repeated.definition()) {
            builder.appendNull();
            skip(repeated);
            return;
        }
        if (definition < repeated.nonEmpty()) {
            skip(repeated);
        } else {
            int first = repeated.firstLeaf().index();
            do {
                if (repeated.isMap()) {
                    VectorBuilder.MapBuilder maps = (VectorBuilder.MapBuilder) builder;
                    read(repeated.entry().get(0), maps.keys());
                    read(repeated.entry().get(1), maps.values());
                } else {
                    read(repeated.entry().get(0), ((VectorBuilder.ArrayBuilder) builder).elements());
                }
            } while (remaining[first] > 0 && readers[first].getCurrentRepetitionLevel() == repeated.repetition());
        }
        if (repeated.isMap()) {
            ((VectorBuilder.MapBuilder) builder).endMap();
        } else {
            ((VectorBuilder.ArrayBuilder) builder).endArray();
        }
    }

    private int definition(ColumnLevels node) {
        return readers[node.firstLeaf().index()].getCurrentDefinitionLevel();
    }

    /** Consumes the one entry each leaf below a NULL or empty value holds. */
    private void skip(ColumnLevels node) {
        for (Leaf leaf : node.leaves()) {
            consume(leaf);
        }
    }

    private void consume(Leaf leaf) {
        readers[leaf.index()].consume();
        remaining[leaf.index()]--;
    }
}
