package dev.ember.io.parquet;

import dev.ember.sql.types.DataType;
import dev.ember.vector.StringVector;

/**
 * The byte strings of one batch being read. While its pages are dictionary-encoded only their ids
 * are read, and the vector shares the chunk's dictionary, copying no bytes; should a page of another
 * encoding come (a writer gives its dictionary up mid-chunk when it grows too large), the values
 * so far are copied out of the dictionary and the rest of the batch is read as bytes.
 */
final class BinaryBatch {
    private final ChunkDictionary dictionary;
    private final boolean[] nulls;
    private final int rows;
    private final int expectedBytes;
    /** The dictionary ids, while every value so far came from the dictionary; then {@code null}. */
    private int[] ids;
    /** The bytes, once a page was not dictionary-encoded (or the chunk has no dictionary to share). */
    private BinaryColumn copied;

    /**
     * A batch of {@code rows} values whose null flags {@code nulls} (or {@code null} for a required
     * column) are set as the values are read; {@code expectedBytes} sizes the bytes, if copied.
     */
    BinaryBatch(ChunkDictionary dictionary, boolean[] nulls, int rows, int expectedBytes) {
        this.dictionary = dictionary;
        this.nulls = nulls;
        this.rows = rows;
        this.expectedBytes = expectedBytes;
        // Null positions keep id 0, so only a dictionary with an entry can be shared.
        if (dictionary != null && dictionary.binaries != null && dictionary.binaryCount() > 0) {
            ids = new int[rows];
        } else {
            copied = new BinaryColumn(rows, expectedBytes);
        }
    }

    /** Reads {@code count} present values of {@code page} densely from position {@code at} on. */
    void read(PageValues page, int at, int count) {
        if (ids != null) {
            if (page instanceof DictionaryValues dictionaryPage) {
                dictionaryPage.readIds(ids, at, count);
                return;
            }
            copyOut(at);
        }
        page.readBinaries(copied, at, count);
    }

    /** Reads {@code present} values of {@code page} and keeps those at {@code picks[0..count)}, densely from position {@code at} on. */
    void pick(PageValues page, int at, int[] picks, int count, int present) {
        if (ids != null) {
            if (page instanceof DictionaryValues dictionaryPage) {
                dictionaryPage.pickIds(ids, at, picks, count, present);
                return;
            }
            copyOut(at);
        }
        page.pickBinaries(copied, at, picks, count, present);
    }

    /** Moves the {@code present} values read at {@code at} to the non-null ones of the {@code count} positions from there. */
    void spread(int at, int count, int present) {
        if (ids == null) {
            copied.spread(nulls, at, count, present);
            return;
        }
        int dense = at + present;
        for (int i = at + count - 1; i >= at; i--) {
            ids[i] = nulls[i] ? 0 : ids[--dense];
        }
    }

    /** Copies the values of positions {@code [0, end)} out of the dictionary, to go on with bytes. */
    private void copyOut(int end) {
        BinaryColumn entries = dictionary.binaries;
        copied = new BinaryColumn(rows, expectedBytes);
        for (int i = 0; i < end; i++) {
            int from = entries.offsets[ids[i]];
            int length = nulls != null && nulls[i] ? 0 : entries.offsets[ids[i] + 1] - from;
            copied.set(i, entries.bytes, from, length);
        }
        ids = null;
    }

    /** The bytes the batch took, 0 when it shares the dictionary. */
    int copiedBytes() {
        return copied == null ? 0 : copied.byteCount;
    }

    StringVector build(DataType type, boolean[] nulls) {
        if (ids != null) {
            BinaryColumn entries = dictionary.binaries;
            return StringVector.dictionaryEncoded(type, rows, entries.bytes, entries.offsets, ids, nulls);
        }
        return new StringVector(type, rows, copied.bytes, copied.offsets, nulls);
    }
}
