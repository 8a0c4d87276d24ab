package dev.ember.vector;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

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
            ColumnVector[] parts = new ColumnVector[batches.size()];
            for (int b = 0; b < parts.length; b++) {
                parts[b] = batches.get(b).column(c);
            }
            columns.add(concat(parts, types.get(c), total));
        }
        return new Batch(columns, total);
    }

    /** One column of {@link #concat}: the value arrays of fixed-width vectors copied whole, strings as {@link #gatherStrings}, others value by value. */
    private static ColumnVector concat(ColumnVector[] parts, DataType type, int total) {
        if (parts.length == 0) {
            return VectorBuilder.create(type, 0).build();
        }
        boolean[] nulls = concatNulls(parts, total);
        if (Arrays.stream(parts).allMatch(LongVector.class::isInstance)) {
            long[] values = new long[total];
            copyValues(parts, values, part -> ((LongVector) part).values());
            return new LongVector(type, total, values, nulls);
        }
        if (Arrays.stream(parts).allMatch(IntVector.class::isInstance)) {
            int[] values = new int[total];
            copyValues(parts, values, part -> ((IntVector) part).values());
            return new IntVector(type, total, values, nulls);
        }
        if (Arrays.stream(parts).allMatch(DoubleVector.class::isInstance)) {
            double[] values = new double[total];
            copyValues(parts, values, part -> ((DoubleVector) part).values());
            return new DoubleVector(type, total, values, nulls);
        }
        if (Arrays.stream(parts).allMatch(part -> part instanceof DecimalVector decimal && decimal.allLongs())) {
            long[] values = new long[total];
            copyValues(parts, values, part -> ((DecimalVector) part).unscaledValues());
            return new DecimalVector((DecimalType) type, total, values, nulls);
        }
        if (Arrays.stream(parts).allMatch(StringVector.class::isInstance)) {
            int[] counts = Arrays.stream(parts).mapToInt(ColumnVector::size).toArray();
            return gatherStrings(parts, null, counts, type, total, nulls);
        }
        VectorBuilder builder = VectorBuilder.create(type, total);
        for (ColumnVector part : parts) {
            for (int row = 0; row < part.size(); row++) {
                builder.appendFrom(part, row);
            }
        }
        return builder.build();
    }

    private static void copyValues(ColumnVector[] parts, Object target, Function<ColumnVector, Object> values) {
        int at = 0;
        for (ColumnVector part : parts) {
            System.arraycopy(values.apply(part), 0, target, at, part.size());
            at += part.size();
        }
    }

    private static boolean[] concatNulls(ColumnVector[] parts, int total) {
        if (Arrays.stream(parts).noneMatch(ColumnVector::mayHaveNulls)) {
            return null;
        }
        boolean[] nulls = new boolean[total];
        int at = 0;
        for (ColumnVector part : parts) {
            if (part.mayHaveNulls()) {
                System.arraycopy(part.nulls(), 0, nulls, at, part.size());
            }
            at += part.size();
        }
        return nulls;
    }

    /**
     * Rows of several batches at once: {@code positions[b][0..counts[b])} of batch {@code b}, batch
     * after batch, as one batch of the given column types. A map task partitions the batches it
     * holds this way, one copy of each row instead of a {@link #concat} and a {@link #gather}.
     */
    public static Batch gather(List<Batch> batches, int[][] positions, int[] counts, List<DataType> types) {
        int total = Arrays.stream(counts).sum();
        List<ColumnVector> columns = new ArrayList<>();
        for (int c = 0; c < types.size(); c++) {
            ColumnVector[] parts = new ColumnVector[batches.size()];
            for (int b = 0; b < parts.length; b++) {
                parts[b] = batches.get(b).column(c);
            }
            columns.add(gather(parts, positions, counts, types.get(c), total));
        }
        return new Batch(columns, total);
    }

    /** One column of {@link #gather(List, int[][], int[], List)}: fixed-width values and strings array to array, others value by value. */
    private static ColumnVector gather(ColumnVector[] parts, int[][] positions, int[] counts, DataType type, int total) {
        if (parts.length == 1) {
            return parts[0].gather(positions[0], counts[0]);
        }
        boolean[] nulls = gatherNulls(parts, positions, counts, total);
        if (Arrays.stream(parts).allMatch(LongVector.class::isInstance)) {
            long[] values = new long[total];
            for (int b = 0, at = 0; b < parts.length; at += counts[b++]) {
                long[] source = ((LongVector) parts[b]).values();
                int[] rows = positions[b];
                for (int i = 0; i < counts[b]; i++) {
                    values[at + i] = source[rows[i]];
                }
            }
            return new LongVector(type, total, values, nulls);
        }
        if (Arrays.stream(parts).allMatch(IntVector.class::isInstance)) {
            int[] values = new int[total];
            for (int b = 0, at = 0; b < parts.length; at += counts[b++]) {
                int[] source = ((IntVector) parts[b]).values();
                int[] rows = positions[b];
                for (int i = 0; i < counts[b]; i++) {
                    values[at + i] = source[rows[i]];
                }
            }
            return new IntVector(type, total, values, nulls);
        }
        if (Arrays.stream(parts).allMatch(DoubleVector.class::isInstance)) {
            double[] values = new double[total];
            for (int b = 0, at = 0; b < parts.length; at += counts[b++]) {
                double[] source = ((DoubleVector) parts[b]).values();
                int[] rows = positions[b];
                for (int i = 0; i < counts[b]; i++) {
                    values[at + i] = source[rows[i]];
                }
            }
            return new DoubleVector(type, total, values, nulls);
        }
        if (Arrays.stream(parts).allMatch(part -> part instanceof DecimalVector decimal && decimal.allLongs())) {
            long[] values = new long[total];
            for (int b = 0, at = 0; b < parts.length; at += counts[b++]) {
                long[] source = ((DecimalVector) parts[b]).unscaledValues();
                int[] rows = positions[b];
                for (int i = 0; i < counts[b]; i++) {
                    values[at + i] = source[rows[i]];
                }
            }
            return new DecimalVector((DecimalType) type, total, values, nulls);
        }
        if (Arrays.stream(parts).allMatch(StringVector.class::isInstance)) {
            return gatherStrings(parts, positions, counts, type, total, nulls);
        }
        VectorBuilder builder = VectorBuilder.create(type, total);
        for (int b = 0; b < parts.length; b++) {
            for (int i = 0; i < counts[b]; i++) {
                builder.appendFrom(parts[b], positions[b][i]);
            }
        }
        return builder.build();
    }

    /**
     * Strings of several vectors ({@code positions} {@code null}: each vector whole): their ids when
     * their dictionaries can be one ({@link DictionaryUnion}), else their bytes copied.
     */
    private static ColumnVector gatherStrings(ColumnVector[] parts, int[][] positions, int[] counts, DataType type, int total, boolean[] nulls) {
        StringVector[] strings = Arrays.copyOf(parts, parts.length, StringVector[].class);
        DictionaryUnion union = DictionaryUnion.of(strings, total);
        if (union != null) {
            int[] ids = new int[total];
            for (int b = 0, at = 0; b < strings.length; at += counts[b++]) {
                int[] source = strings[b].ids();
                for (int i = 0; i < counts[b]; i++) {
                    ids[at + i] = union.id(b, source[positions == null ? i : positions[b][i]]);
                }
            }
            return union.vector(type, total, ids, nulls);
        }
        int[] offsets = new int[total + 1];
        for (int b = 0, at = 0; b < strings.length; at += counts[b++]) {
            for (int i = 0; i < counts[b]; i++) {
                offsets[at + i + 1] = offsets[at + i] + strings[b].length(positions == null ? i : positions[b][i]);
            }
        }
        byte[] bytes = new byte[offsets[total]];
        for (int b = 0, at = 0; b < strings.length; at += counts[b++]) {
            StringVector part = strings[b];
            for (int i = 0; i < counts[b]; i++) {
                int row = positions == null ? i : positions[b][i];
                System.arraycopy(part.bytes(), part.start(row), bytes, offsets[at + i], part.length(row));
            }
        }
        return new StringVector(type, total, bytes, offsets, nulls);
    }

    private static boolean[] gatherNulls(ColumnVector[] parts, int[][] positions, int[] counts, int total) {
        if (Arrays.stream(parts).noneMatch(ColumnVector::mayHaveNulls)) {
            return null;
        }
        boolean[] nulls = new boolean[total];
        for (int b = 0, at = 0; b < parts.length; at += counts[b++]) {
            for (int i = 0; i < counts[b]; i++) {
                nulls[at + i] = parts[b].isNull(positions[b][i]);
            }
        }
        return nulls;
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
