package dev.ember.io.parquet;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.fs.InputFile;
import dev.ember.fs.SeekableInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/** Reads the footer of a Parquet file: its schema, row groups and column statistics. */
final class ParquetFooter {
    static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENCRYPTED_MAGIC = "PARE".getBytes(StandardCharsets.US_ASCII);

    private ParquetFooter() {
    }

    /**
     * The footer of {@code file}, with the row groups whose midpoint lies in {@code [start, end)}
     * (so that each row group belongs to exactly one split) numbered by their position in the file.
     *
     * @throws EmberException CANNOT_READ_FILE_FOOTER naming the file when it is not a (readable) Parquet file
     */
    static ParquetMetadata read(InputFile file, long start, long end) {
        ParquetMetadata footer = read(file);
        List<BlockMetaData> rowGroups = new ArrayList<>();
        for (int i = 0; i < footer.getBlocks().size(); i++) {
            BlockMetaData rowGroup = footer.getBlocks().get(i);
            rowGroup.setOrdinal(i);
            long midpoint = rowGroup.getStartingPos() + rowGroup.getCompressedSize() / 2;
            if (midpoint >= start && midpoint < end) {
                rowGroups.add(rowGroup);
            }
        }
        return new ParquetMetadata(footer.getFileMetaData(), rowGroups);
    }

    /** The whole footer of {@code file}. @throws EmberException as {@link #read(InputFile, long, long)} */
    static ParquetMetadata read(InputFile file) {
        String path = file.location().toString();
        try (SeekableInputStream in = file.newStream()) {
            long length = file.length();
            if (length < 2L * MAGIC.length + 4) {
                throw new IOException("the file has " + length + " bytes, too few for a Parquet file");
            }
            byte[] tail = new byte[8];
            in.seek(length - tail.length);
            in.readFully(tail, 0, tail.length);
            byte[] magic = Arrays.copyOfRange(tail, 4, 8);
            if (Arrays.equals(magic, ENCRYPTED_MAGIC)) {
                throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "reading the encrypted Parquet file " + path);
            }
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException("expected magic number PAR1 at the end but found " + Arrays.toString(magic));
            }
            int footerLength = (tail[0] & 0xff) | (tail[1] & 0xff) << 8 | (tail[2] & 0xff) << 16 | (tail[3] & 0xff) << 24;
            if (footerLength <= 0 || footerLength > length - tail.length - MAGIC.length) {
                throw new IOException("footer length " + footerLength + " does not fit in a file of " + length + " bytes");
            }
            byte[] footer = new byte[footerLength];
            in.seek(length - tail.length - footerLength);
            in.readFully(footer, 0, footerLength);
            return new ParquetMetadataConverter().fromParquetMetadata(Util.readFileMetaData(new ByteArrayInputStream(footer)));
        } catch (NoSuchFileException e) {
            throw EmberException.of(ErrorClass.PATH_NOT_FOUND, "path", path).withCause(e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof EmberException ember) {
                throw ember;
            }
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw EmberException.of(ErrorClass.CANNOT_READ_FILE_FOOTER, "file", path, "detail", detail).withCause(e);
        }
    }
}
