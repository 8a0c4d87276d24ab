package dev.ember.io.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

/**
 * The pages of one column chunk, read whole into memory and then cut into pages one at a time: page
 * headers are Parquet's Thrift structures, page bodies are decompressed here (uncompressed ones are
 * slices of the chunk) and decoded by {@link FlatColumnReader} or parquet-column's column reader.
 * A reader that is done with each data page before it asks for the next has them all decompressed
 * into one {@link PageBuffer}.
 */
final class ColumnChunkPages implements PageReader {
    private static final ParquetMetadataConverter CONVERTER = new ParquetMetadataConverter();

    private final byte[] chunk;
    private final ByteArrayInputStream in;
    private final ParquetCodec codec;
    private final long valueCount;
    /** Where data pages are decompressed, or null for a new array per page. */
    private final PageBuffer pageBuffer;
    private long valuesRead;
    private DictionaryPage dictionary;
    private DataPage pending;

    /** The pages of {@code chunk}; each data page decompressed into a new array, unless into {@code pageBuffer}. */
    ColumnChunkPages(byte[] chunk, ParquetCodec codec, long valueCount, PageBuffer pageBuffer) throws IOException {
        this.chunk = chunk;
        this.in = new ByteArrayInputStream(chunk);
        this.codec = codec;
        this.valueCount = valueCount;
        this.pageBuffer = pageBuffer;
        // A dictionary page, if any, comes first.
        if (valueCount > 0) {
            pending = nextDataPage();
        }
    }

    @Override
    public DictionaryPage readDictionaryPage() {
        return dictionary;
    }

    @Override
    public long getTotalValueCount() {
        return valueCount;
    }

    @Override
    public DataPage readPage() {
        if (pending != null) {
            DataPage page = pending;
            pending = null;
            return page;
        }
        if (valuesRead >= valueCount) {
            return null;
        }
        try {
            return nextDataPage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DataPage nextDataPage() throws IOException {
        while (true) {
            if (in.available() == 0) {
                throw new IOException("column chunk ends after " + valuesRead + " of " + valueCount + " values");
            }
            PageHeader header = Util.readPageHeader(in);
            int offset = chunk.length - in.available();
            int compressedSize = header.getCompressed_page_size();
            if (compressedSize < 0 || compressedSize > in.available()) {
                throw new IOException("page of " + compressedSize + " bytes at offset " + offset + " overruns its column chunk");
            }
            in.skipNBytes(compressedSize);
            int uncompressedSize = header.getUncompressed_page_size();
            switch (header.getType()) {
                // The dictionary page outlives the data pages read after it: never in the page buffer.
                case DICTIONARY_PAGE -> dictionary = new DictionaryPage(body(offset, compressedSize, uncompressedSize, null),
                        header.getDictionary_page_header().getNum_values(), encoding(header.getDictionary_page_header().getEncoding()));
                case DATA_PAGE -> {
                    DataPageHeader data = header.getData_page_header();
                    valuesRead += data.getNum_values();
                    return new DataPageV1(body(offset, compressedSize, uncompressedSize, pageBuffer),
                            data.getNum_values(), uncompressedSize, null, encoding(data.getRepetition_level_encoding()),
                            encoding(data.getDefinition_level_encoding()), encoding(data.getEncoding()));
                }
                case DATA_PAGE_V2 -> {
                    DataPageHeaderV2 data = header.getData_page_header_v2();
                    valuesRead += data.getNum_values();
                    int levelBytes = data.getRepetition_levels_byte_length() + data.getDefinition_levels_byte_length();
                    int dataOffset = offset + levelBytes;
                    int dataLength = compressedSize - levelBytes;
                    BytesInput values = data.isIs_compressed()
                            ? body(dataOffset, dataLength, uncompressedSize - levelBytes, pageBuffer)
                            : BytesInput.from(chunk, dataOffset, dataLength);
                    return DataPageV2.uncompressed(data.getNum_rows(), data.getNum_nulls(), data.getNum_values(),
                            BytesInput.from(chunk, offset, data.getRepetition_levels_byte_length()),
                            BytesInput.from(chunk, offset + data.getRepetition_levels_byte_length(), data.getDefinition_levels_byte_length()),
                            encoding(data.getEncoding()), values, null);
                }
                default -> {
                    // Index pages and pages of future kinds carry no values.
                }
            }
        }
    }

    /** The bytes of a page body, decompressed into {@code buffer} if there is one. */
    private BytesInput body(int offset, int compressedSize, int uncompressedSize, PageBuffer buffer) throws IOException {
        if (codec == ParquetCodec.UNCOMPRESSED && compressedSize == uncompressedSize) {
            return BytesInput.from(chunk, offset, compressedSize);
        }
        if (buffer == null) {
            return BytesInput.from(codec.decompress(chunk, offset, compressedSize, uncompressedSize));
        }
        byte[] target = buffer.atLeast(uncompressedSize);
        codec.decompress(chunk, offset, compressedSize, target, uncompressedSize);
        return BytesInput.from(target, 0, uncompressedSize);
    }

    private static Encoding encoding(org.apache.parquet.format.Encoding encoding) {
        return CONVERTER.getEncoding(encoding);
    }
}
