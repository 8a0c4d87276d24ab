package dev.ember.expr;

import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;

/** Column {@code ordinal} of the input batch: what attributes become when a physical operator is planned. */
public final class BoundReference extends LeafExpression {
    private static final long serialVersionUID = 1L;

    private final int ordinal;
    private final DataType dataType;
    private final boolean nullable;
    private final String name;

    public BoundReference(int ordinal, DataType dataType, boolean nullable, String name) {
        if (ordinal < 0) {
            throw new IllegalArgumentException("negative ordinal " + ordinal);
        }
        this.ordinal = ordinal;
        this.dataType = dataType;
        this.nullable = nullable;
        this.name = name;
    }

    public int ordinal() {
        return ordinal;
    }

    /** The same column at another position of the input. */
    public BoundReference withOrdinal(int newOrdinal) {
        return new BoundReference(newOrdinal, dataType, nullable, name);
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public boolean nullable() {
        return nullable;
    }

    @Override
    public ColumnVector eval(Batch input) {
        return input.column(ordinal);
    }

    /** A boolean column answers for any rows as it is. */
    @Override
    public BooleanVector evalAt(Batch input, int[] rows, int count) {
        return (BooleanVector) input.column(ordinal);
    }

    @Override
    public String toString() {
        return name;
    }
}
