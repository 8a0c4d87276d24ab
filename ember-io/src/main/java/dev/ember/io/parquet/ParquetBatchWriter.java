package dev.ember.io.parquet;

import dev.ember.fs.Abortable;
import dev.ember.fs.CountingOutputStream;
import dev.ember.fs.OutputFile;
import dev.ember.source.BatchWriter;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.PageWriteStore;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;

/**
 * Writes one Parquet file: rows are shredded column by column into parquet-column's column
 * writers (which choose encodings, build dictionaries and statistics and cut pages), the pages of
 * a row group are held until it reaches the row-group size, and the footer, converted by
 * parquet-java, closes the file.
 */
final class ParquetBatchWriter implements BatchWriter {
    /** Rows shredded between checks of the row group's size, so that small row-group sizes still cut row groups. */
    private static final int ROWS_PER_SIZE_CHECK = 1024;
    /** How parquet-java's readers recognize the writer: {@code <application> version <semver>}. */
    private static final String CREATED_BY = "ember version 0.1.0";

    /** The filesystem's stream, aborted on failure so that an object store uploads nothing. */
    private final OutputStream fileStream;
    private final CountingOutputStream out;
    private final StructType schema;
    private final MessageType parquetSchema;
    private final ParquetCodec codec;
    private final long rowGroupBytes;
    private final ParquetProperties properties;
    private final ParquetMetadataConverter converter = new ParquetMetadataConverter();
    private final List<ColumnShredder> shredders = new ArrayList<>();
    private final List<BlockMetaData> rowGroups = new ArrayList<>();
    private RowGroup rowGroup;

    ParquetBatchWriter(OutputFile file, StructType schema, ParquetCodec codec, long rowGroupBytes, int pageBytes, boolean dictionary)
            throws IOException {
        this.schema = schema;
        this.parquetSchema = ParquetSchemas.toParquet(schema);
        this.codec = codec;
        this.rowGroupBytes = rowGroupBytes;
        this.properties = ParquetProperties.builder().withPageSize(pageBytes).withDictionaryPageSize(pageBytes)
                .withDictionaryEncoding(dictionary).withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0).build();
        for (int i = 0; i < schema.size(); i++) {
            String name = schema.field(i).name();
            shredders.add(new ColumnShredder(ColumnLevels.of(parquetSchema, name, schema.field(i).dataType(), name)));
        }
        this.fileStream = file.create();
        this.out = new CountingOutputStream(new BufferedOutputStream(fileStream, 64 * 1024));
        out.write(ParquetFooter.MAGIC);
    }

    @Override
    public void write(Batch batch) throws IOException {
        for (int from = 0; from < batch.rowCount(); from += ROWS_PER_SIZE_CHECK) {
            int to = Math.min(batch.rowCount(), from + ROWS_PER_SIZE_CHECK);
            if (rowGroup == null) {
                rowGroup = new RowGroup();
            }
            for (int column = 0; column < shredders.size(); column++) {
                shredders.get(column).write(rowGroup.writers.get(column), batch.column(column), from, to);
            }
            for (int row = from; row < to; row++) {
                rowGroup.store.endRecord();
            }
            rowGroup.rows += to - from;
            if (rowGroup.store.getBufferedSize() >= rowGroupBytes) {
                flushRowGroup();
            }
        }
    }

    private void flushRowGroup() throws IOException {
        rowGroup.store.flush();
        BlockMetaData block = new BlockMetaData();
        block.setRowCount(rowGroup.rows);
        long uncompressed = 0;
        for (ColumnDescriptor column : parquetSchema.getColumns()) {
            ColumnChunkBuffer chunk = rowGroup.chunks.get(column);
            block.addColumn(chunk.writeTo(out, out.count()));
            uncompressed += chunk.uncompressedBytes();
        }
        block.setTotalByteSize(uncompressed);
        block.setOrdinal(rowGroups.size());
        rowGroups.add(block);
        rowGroup.store.close();
        rowGroup = null;
    }

    @Override
    public void close() throws IOException {
        try (out) {
            if (rowGroup != null) {
                flushRowGroup();
            }
            ParquetMetadata metadata = new ParquetMetadata(
                    new org.apache.parquet.hadoop.metadata.FileMetaData(parquetSchema, Map.of(), CREATED_BY), rowGroups);
            FileMetaData footer = converter.toParquetMetadata(1, metadata);
            long footerStart = out.count();
            Util.writeFileMetaData(footer, out);
            int footerLength = Math.toIntExact(out.count() - footerStart);
            out.write(new byte[] {(byte) footerLength, (byte) (footerLength >>> 8), (byte) (footerLength >>> 16), (byte) (footerLength >>> 24)});
            out.write(ParquetFooter.MAGIC);
        }
    }

    @Override
    public void abort() {
        Abortable.abort(fileStream);
        try {
            out.close();
        } catch (IOException e) {
            // The commit protocol deletes the file; nothing more to release.
        }
    }

    /** The column writers and page buffers of the row group being written. */
    private final class RowGroup {
        final Map<ColumnDescriptor, ColumnChunkBuffer> chunks = new HashMap<>();
        final ColumnWriteStore store;
        /** Per column, the writers of its leaf columns. */
        final List<ColumnWriter[]> writers = new ArrayList<>();
        long rows;

        RowGroup() {
            PageWriteStore pages = column -> chunks.computeIfAbsent(column, c -> new ColumnChunkBuffer(converter, c, codec));
            store = properties.newColumnWriteStore(parquetSchema, pages);
            for (ColumnShredder shredder : shredders) {
                writers.add(shredder.writers(store, parquetSchema));
            }
        }
    }
}
