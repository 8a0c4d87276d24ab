package dev.ember.io.text;

import dev.ember.fs.Abortable;
import dev.ember.fs.OutputFile;
import dev.ember.source.BatchWriter;
import dev.ember.vector.Batch;
import dev.ember.vector.StringVector;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the one string column as lines: each value's UTF-8 bytes followed by the line separator.
 * A null writes an empty line, as Spark's text writer does.
 */
final class TextBatchWriter implements BatchWriter {
    private final String path;
    private final byte[] separator;
    private final OutputStream fileStream;
    private final OutputStream out;

    TextBatchWriter(OutputFile file, byte[] separator, Compression compression) throws IOException {
        this.path = file.location().toString();
        this.separator = separator;
        try {
            this.fileStream = file.create();
            this.out = compression.compress(fileStream);
        } catch (IOException e) {
            throw SplitInput.ioError("Writing", path, e);
        }
    }

    @Override
    public void write(Batch batch) {
        StringVector values = (StringVector) batch.column(0);
        try {
            for (int row = 0; row < batch.rowCount(); row++) {
                if (!values.isNull(row)) {
                    out.write(values.bytes(), values.start(row), values.length(row));
                }
                out.write(separator);
            }
        } catch (IOException e) {
            throw SplitInput.ioError("Writing", path, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw SplitInput.ioError("Writing", path, e);
        }
    }

    @Override
    public void abort() {
        Abortable.abort(fileStream);
        try {
            out.close();
        } catch (IOException e) {
            // the commit protocol deletes the file; nothing more to release
        }
    }
}
