package dev.ember.io.text;

import dev.ember.sql.types.AtomicType;
import dev.ember.source.BatchReader;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads the lines of one split (or, with {@code wholetext}, the whole file) into batches of the
 * {@code value} column, copying each line's bytes straight into the vector. A UTF-8 byte-order mark
 * at the start of the file is dropped.
 */
final class TextBatchReader implements BatchReader {
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final SplitInput input;
    private final LineReader lines;
    private final boolean wholeText;
    private final int columnCount;
    private boolean atFileStart;
    private boolean finished;

    TextBatchReader(SplitInput input, LineSeparator separator, boolean wholeText, int columnCount) {
        this.input = input;
        this.lines = new LineReader(input.stream(), separator);
        this.wholeText = wholeText;
        this.columnCount = columnCount;
        this.atFileStart = input.startsFile();
    }

    @Override
    public Batch next() {
        if (finished) {
            return null;
        }
        try {
            return wholeText ? readWholeFile() : readLines();
        } catch (IOException e) {
            throw SplitInput.ioError("Reading", input.path(), e);
        }
    }

    private Batch readLines() throws IOException {
        VectorBuilder.StringBuilder values = (VectorBuilder.StringBuilder) VectorBuilder.create(AtomicType.STRING, Batch.TARGET_ROWS);
        int rows = 0;
        while (rows < Batch.TARGET_ROWS) {
            if (!lines.next()) {
                finished = true;
                break;
            }
            int skip = bomLength(lines.bytes(), lines.start(), lines.length());
            values.appendBytes(lines.bytes(), lines.start() + skip, lines.length() - skip);
            rows++;
        }
        return rows == 0 ? null : batch(values.build(), rows);
    }

    /** The file as one value; an empty file (or a split that does not start the file) has no row. */
    private Batch readWholeFile() throws IOException {
        finished = true;
        byte[] content = input.stream().readAllBytes();
        if (content.length == 0) {
            return null;
        }
        int skip = bomLength(content, 0, content.length);
        VectorBuilder.StringBuilder values = (VectorBuilder.StringBuilder) VectorBuilder.create(AtomicType.STRING, 1);
        values.appendBytes(content, skip, content.length - skip);
        return batch(values.build(), 1);
    }

    private int bomLength(byte[] bytes, int start, int length) {
        if (!atFileStart) {
            return 0;
        }
        atFileStart = false;
        return length >= 3 && Arrays.equals(bytes, start, start + 3, BYTE_ORDER_MARK, 0, 3) ? 3 : 0;
    }

    private Batch batch(ColumnVector values, int rows) {
        ColumnVector[] columns = new ColumnVector[columnCount];
        Arrays.fill(columns, values);
        return new Batch(Arrays.asList(columns), rows);
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
