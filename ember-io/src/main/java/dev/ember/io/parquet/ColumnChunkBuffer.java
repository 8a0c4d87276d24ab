package dev.ember.io.parquet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.Set;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.statistics.geospatial.GeospatialStatistics;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;

/**
 * The pages parquet-column's column writer produces for one column of the row group being written,
 * compressed and held in memory with their Thrift headers until the row group is complete. The
 * dictionary page, produced last, is written first.
 */
final class ColumnChunkBuffer implements PageWriter {
    private final ParquetMetadataConverter converter;
    private final ColumnDescriptor column;
    private final ParquetCodec codec;
    private final ByteArrayOutputStream dictionary = new ByteArrayOutputStream();
    private final ByteArrayOutputStream pages = new ByteArrayOutputStream();
    private final Set<Encoding> encodings = EnumSet.noneOf(Encoding.class);
    private final EncodingStats.Builder encodingStats = new EncodingStats.Builder();
    private Statistics<?> statistics;
    private long valueCount;
    private long uncompressedBytes;

    ColumnChunkBuffer(ParquetMetadataConverter converter, ColumnDescriptor column, ParquetCodec codec) {
        this.converter = converter;
        this.column = column;
        this.codec = codec;
        this.statistics = Statistics.createStats(column.getPrimitiveType());
    }

    @Override
    public void writePage(BytesInput bytes, int values, int rowCount, Statistics<?> pageStatistics, Encoding repetitionEncoding,
            Encoding definitionEncoding, Encoding valuesEncoding) throws IOException {
        byte[] raw = bytes.toByteArray();
        byte[] compressed = codec.compress(raw);
        int before = pages.size();
        converter.writeDataPageV1Header(raw.length, compressed.length, values, repetitionEncoding, definitionEncoding, valuesEncoding, pages);
        uncompressedBytes += pages.size() - before + raw.length;
        pages.write(compressed);
        valueCount += values;
        if (pageStatistics != null) {
            statistics.mergeStatistics(pageStatistics);
        }
        encodings.add(repetitionEncoding);
        encodings.add(definitionEncoding);
        encodings.add(valuesEncoding);
        encodingStats.addDataEncoding(valuesEncoding);
    }

    @Override
    public void writePage(BytesInput bytes, int values, Statistics<?> pageStatistics, Encoding repetitionEncoding,
            Encoding definitionEncoding, Encoding valuesEncoding) throws IOException {
        writePage(bytes, values, -1, pageStatistics, repetitionEncoding, definitionEncoding, valuesEncoding);
    }

    @Override
    public void writePage(BytesInput bytes, int values, int rowCount, Statistics<?> pageStatistics, SizeStatistics sizeStatistics,
            Encoding repetitionEncoding, Encoding definitionEncoding, Encoding valuesEncoding) throws IOException {
        writePage(bytes, values, rowCount, pageStatistics, repetitionEncoding, definitionEncoding, valuesEncoding);
    }

    @Override
    public void writePage(BytesInput bytes, int values, int rowCount, Statistics<?> pageStatistics, SizeStatistics sizeStatistics,
            GeospatialStatistics geospatialStatistics, Encoding repetitionEncoding, Encoding definitionEncoding,
            Encoding valuesEncoding) throws IOException {
        writePage(bytes, values, rowCount, pageStatistics, repetitionEncoding, definitionEncoding, valuesEncoding);
    }

    @Override
    public void writePageV2(int rowCount, int nullCount, int values, BytesInput repetitionLevels, BytesInput definitionLevels,
            Encoding dataEncoding, BytesInput data, Statistics<?> pageStatistics) {
        throw new UnsupportedOperationException("Ember writes version 1 data pages, as Spark does by default");
    }

    @Override
    public void writeDictionaryPage(DictionaryPage page) throws IOException {
        byte[] raw = page.getBytes().toByteArray();
        byte[] compressed = codec.compress(raw);
        dictionary.reset();
        converter.writeDictionaryPageHeader(raw.length, compressed.length, page.getDictionarySize(), page.getEncoding(), dictionary);
        uncompressedBytes += dictionary.size() + raw.length;
        dictionary.write(compressed);
        encodings.add(page.getEncoding());
        encodingStats.addDictEncoding(page.getEncoding());
    }

    /** Writes the chunk at file position {@code start} and describes it for the footer. */
    ColumnChunkMetaData writeTo(OutputStream out, long start) throws IOException {
        dictionary.writeTo(out);
        pages.writeTo(out);
        long dictionaryOffset = dictionary.size() > 0 ? start : 0;
        return ColumnChunkMetaData.get(ColumnPath.get(column.getPath()), column.getPrimitiveType(), codec.parquetName(),
                encodingStats.build(), encodings, statistics, start + dictionary.size(), dictionaryOffset, valueCount,
                dictionary.size() + pages.size(), uncompressedBytes);
    }

    long uncompressedBytes() {
        return uncompressedBytes;
    }

    @Override
    public long getMemSize() {
        return (long) dictionary.size() + pages.size();
    }

    @Override
    public long allocatedSize() {
        return getMemSize();
    }

    @Override
    public String memUsageString(String prefix) {
        return prefix + " " + column + " " + getMemSize() + " bytes";
    }
}
