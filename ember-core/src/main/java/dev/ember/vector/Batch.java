package dev.ember.vector;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.types.DataType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A slice of a table: one {@link ColumnVector} per column, all of {@link #rowCount()} values.
 * Operators pass batches of a few thousand rows; a batch may have no columns (a count is all a
 * {@code SELECT count(*)} needs).
 */
public final class Batch implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The number of rows sources and operators aim for per batch. */
    public static final int TARGET_ROWS = 4096;

    private final ColumnVector[] columns;
    private final int rowCount;

    public Batch(List<ColumnVector> columns, int rowCount) {
        this.columns = columns.toArray(ColumnVector[]::new);
        this.rowCount = rowCount;
        for (int i = 0; i < this.columns.length; i++) {
            requireNonNull(this.columns[i], "column is null");
            if (this.columns[i].size() != rowCount) {
                throw new IllegalArgumentException("column " + i + " has " + this.columns[i].size()
                        + " values in a batch of " + rowCount + " rows");
            }
        }
    }

    public static Batch of(ColumnVector... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("a batch without columns needs an explicit row count");
        }
        return new Batch(Arrays.asList(columns), columns[0].size());
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return columns.length;
    }

    public ColumnVector column(int index) {
        return columns[index];
    }

    public List<ColumnVector> columns() {
        return List.of(columns);
    }

    /** The rows of several batches (of the given column types, {@code total} rows in all) as one. */
    public static Batch concat(List<Batch> batches, List<DataType> types, int total) {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        List<ColumnVector> columns = new ArrayList<>();
        for (int c = 0; c < types.size(); c++) {
            VectorBuilder builder = VectorBuilder.create(types.get(c), total);
            for (Batch batch : batches) {
                ColumnVector column = batch.column(c);
                for (int row = 0; row < batch.rowCount(); row++) {
                    builder.appendFrom(column, row);
                }
            }
            columns.add(builder.build());
        }
        return new Batch(columns, total);
    }

    /** The rows at {@code positions[0..count)}. */
    public Batch gather(int[] positions, int count) {
        ColumnVector[] result = new ColumnVector[columns.length];
        for (int i = 0; i < columns.length; i++) {
            result[i] = columns[i].gather(positions, count);
        }
        return new Batch(Arrays.asList(result), count);
    }

    /** Rows {@code [from, from + count)}. */
    public Batch slice(int from, int count) {
        if (from == 0 && count == rowCount) {
            return this;
        }
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = from + i;
        }
        return gather(positions, count);
    }

    public long retainedBytes() {
        long total = 0;
        for (ColumnVector column : columns) {
            total += column.retainedBytes();
        }
        return total;
    }

    /** Serialized as one {@link BatchCodec} frame (a task's result sent back from an executor), not vector by vector. */
    private Object writeReplace() throws ObjectStreamException {
        List<DataType> types = Arrays.stream(columns).map(ColumnVector::type).toList();
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        try {
            new BatchCodec(types).write(this, frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Frame(types, frame.toByteArray());
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("a batch is read through its frame");
    }

    private record Frame(List<DataType> types, byte[] bytes) implements Serializable {
        private Object readResolve() throws ObjectStreamException {
            try {
                return new BatchCodec(types).read(new ByteArrayInputStream(bytes), "a serialized batch");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
