package dev.ember.source;

import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;

/**
 * A batch a reader has reached but not decoded: each column is decoded when asked, for every row
 * or at chosen rows only (the others' values not decoded where the encoding allows), and a column
 * never asked is passed over (without decoding where the encoding allows). A filtered scan so decodes its condition's columns, then keeps the others at
 * the rows the condition keeps. Each column is asked at most once, before the reader's next call.
 */
public interface LazyBatch {
    int rowCount();

    /** The column at {@code index} of the required columns, every row. */
    ColumnVector column(int index);

    /** The column at {@code index} of the required columns, at {@code rows[0..count)} only (ascending). */
    ColumnVector column(int index, int[] rows, int count);

    /**
     * The column at {@code index}, every row, possibly in arrays the reader reuses for its next batch:
     * to read before the reader's next call (a condition's test), never to keep.
     */
    ColumnVector peek(int index);

    /** A batch already decoded, seen lazily. */
    static LazyBatch of(Batch batch) {
        return new LazyBatch() {
            @Override
            public int rowCount() {
                return batch.rowCount();
            }

            @Override
            public ColumnVector column(int index) {
                return batch.column(index);
            }

            @Override
            public ColumnVector column(int index, int[] rows, int count) {
                return batch.column(index).gather(rows, count);
            }

            @Override
            public ColumnVector peek(int index) {
                return batch.column(index);
            }
        };
    }
}
