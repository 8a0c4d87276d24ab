package dev.ember.io.parquet;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DecimalVector;
import dev.ember.vector.DoubleVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Reads a flat column (a top-level primitive, never repeated) batch at a time, straight into
 * vectors: definition levels become null flags in bulk, and each page's values are read densely
 * into the batch's array (by id from the chunk's decoded dictionary, PLAIN in bulk, other encodings
 * through parquet-column's readers) and then spread over the non-null positions; strings from a
 * dictionary stay ids into it ({@link BinaryBatch}). Read at chosen rows (a filtered scan's kept
 * ones), only the values there are read or looked up, and the rest passed over. Columns of other
 * shapes and types go through {@link ColumnAssembler}.
 */
final class FlatColumnReader {
    /** How the physical values become the vector of the column's type. */
    private enum Kind {
        BOOLEAN, INT, LONG, TIMESTAMP_MILLIS, DOUBLE, BINARY, INT_DECIMAL, LONG_DECIMAL
    }

    private final ColumnDescriptor column;
    private final DataType type;
    private final Kind kind;
    private final int maxDefinition;
    private final boolean floats;
    private final PageBuffer pageBuffer = new PageBuffer();
    private PageReader pages;
    private ChunkDictionary dictionary;
    private DefinitionLevels levels;
    private PageValues values;
    private int pageValuesLeft;
    /** Bytes the last batch of byte strings took, to size the next one's. */
    private int lastBatchBytes;
    /** Null flags, all false, left by a batch that had no null to hand them to its vector. */
    private boolean[] spareNulls;
    /**
     * Arrays that peeks decode a whole batch into, and that skips and reads of chosen rows work in,
     * kept from batch to batch: what they hold is done with before the next batch is read, so no
     * full-size array is allocated and first touched per batch.
     */
    private int[] scratchInts = new int[0];
    private long[] scratchLongs = new long[0];
    private double[] scratchDoubles = new double[0];
    private boolean[] scratchNulls = new boolean[0];
    /** The kept values of a page's stretch, as indexes among its present values, for reads of chosen rows. */
    private int[] scratchPicks = new int[0];
    /** Whether the scratch null flags were set since they were last cleared. */
    private boolean scratchNullsSet;

    private FlatColumnReader(ColumnDescriptor column, DataType type, Kind kind) {
        this.column = column;
        this.type = type;
        this.kind = kind;
        this.maxDefinition = column.getMaxDefinitionLevel();
        this.floats = column.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.FLOAT;
    }

    /** A reader for {@code column} as {@code type}, or null when the column needs the general path. */
    static FlatColumnReader of(ColumnDescriptor column, DataType type) {
        if (column.getMaxRepetitionLevel() != 0) {
            return null;
        }
        Kind kind = kind(column.getPrimitiveType(), type);
        return kind == null ? null : new FlatColumnReader(column, type, kind);
    }

    private static Kind kind(PrimitiveType parquet, DataType type) {
        LogicalTypeAnnotation logical = parquet.getLogicalTypeAnnotation();
        return switch (parquet.getPrimitiveTypeName()) {
            case BOOLEAN -> type == AtomicType.BOOLEAN ? Kind.BOOLEAN : null;
            case INT32 -> IntVector.holds(type) ? Kind.INT : type instanceof DecimalType ? Kind.INT_DECIMAL : null;
            case INT64 -> {
                if (type == AtomicType.LONG) {
                    yield Kind.LONG;
                }
                if (type == AtomicType.TIMESTAMP && logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp) {
                    yield timestamp.getUnit() == LogicalTypeAnnotation.TimeUnit.MILLIS ? Kind.TIMESTAMP_MILLIS : Kind.LONG;
                }
                // Unsigned 64-bit integers read as decimal(20, 0) need more than a long.
                yield type instanceof DecimalType && logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation
                        ? Kind.LONG_DECIMAL : null;
            }
            case FLOAT, DOUBLE -> type == AtomicType.FLOAT || type == AtomicType.DOUBLE ? Kind.DOUBLE : null;
            case BINARY -> type == AtomicType.STRING || type == AtomicType.BINARY ? Kind.BINARY : null;
            case INT96, FIXED_LEN_BYTE_ARRAY -> null;
        };
    }

    /** The path of the column this reader reads. */
    String[] leafPath() {
        return column.getPath();
    }

    /** Where this reader's data pages can be decompressed: it is done with each before it reads the next. */
    PageBuffer pageBuffer() {
        return pageBuffer;
    }

    /** Starts reading a row group's column chunk, decoding its dictionary if it has one. */
    void reset(PageReader chunk) {
        this.pages = chunk;
        this.levels = null;
        this.values = null;
        this.pageValuesLeft = 0;
        DictionaryPage page = chunk.readDictionaryPage();
        if (page == null || kind == Kind.BOOLEAN) {
            dictionary = null;
            return;
        }
        if (page.getEncoding() != Encoding.PLAIN && page.getEncoding() != Encoding.PLAIN_DICTIONARY) {
            throw new IllegalStateException("dictionary page in unsupported encoding " + page.getEncoding());
        }
        ByteBuffer bytes = bytes(page.getBytes());
        dictionary = ChunkDictionary.decode(column.getPrimitiveType().getPrimitiveTypeName(), bytes.array(),
                bytes.position(), bytes.limit(), page.getDictionarySize());
    }

    /** Reads the next {@code rows} values as a vector. */
    ColumnVector read(int rows) {
        return read(rows, null, rows);
    }

    /**
     * Reads the next {@code rows} values and returns those at {@code positions[0..count)} (ascending;
     * every one when {@code positions} is null). Where at most half are kept, each page's values are
     * decoded at the kept positions only, as the encoding allows: PLAIN fixed-width values read where
     * they lie, dictionary ids looked up (strings: kept) at those positions alone, and bit-packed ids
     * of sparse positions read one by one ({@link DictionaryValues}); where more are kept, decoding
     * every value in bulk into the scratch arrays and copying the kept ones out costs less.
     */
    ColumnVector read(int rows, int[] positions, int count) {
        if (positions != null && count > rows / 2) {
            return peek(rows).gather(positions, count);
        }
        boolean[] nulls = null;
        if (maxDefinition > 0) {
            nulls = spareNulls != null && spareNulls.length >= count ? spareNulls : new boolean[count];
        }
        ColumnVector vector = decode(rows, positions, count, nulls, false);
        // Flags that found no null are still all false, and free for the next batch.
        spareNulls = vector.mayHaveNulls() ? null : nulls;
        return vector;
    }

    /**
     * Reads the next {@code rows} values as a vector that numbers hold in this reader's scratch
     * arrays: valid until the reader's next call only (a filter's condition tests it, and lets it go).
     */
    ColumnVector peek(int rows) {
        ColumnVector vector = decode(rows, null, rows, maxDefinition > 0 ? scratchNulls(rows) : null, true);
        scratchNullsSet = vector.mayHaveNulls();
        return vector;
    }

    /** Passes over the next {@code rows} values: the rest of a page is dropped unread, values within one skipped as their encoding allows. */
    void skip(int rows) {
        int done = 0;
        while (done < rows) {
            if (pageValuesLeft == 0) {
                nextPage();
            }
            int count = Math.min(rows - done, pageValuesLeft);
            if (count < pageValuesLeft) {
                int present = count;
                if (levels != null) {
                    present = levels.readNulls(count, maxDefinition, scratchNulls(count), 0);
                    scratchNullsSet = true;
                }
                values.skip(present);
            }
            done += count;
            pageValuesLeft -= count;
        }
    }

    /** The scratch null flags, all false, for {@code rows} values. */
    private boolean[] scratchNulls(int rows) {
        if (scratchNulls.length < rows) {
            scratchNulls = new boolean[rows];
        } else if (scratchNullsSet) {
            Arrays.fill(scratchNulls, false);
        }
        scratchNullsSet = false;
        return scratchNulls;
    }

    /**
     * Decodes the next {@code rows} values, those at {@code positions[0..size)} only unless it is null,
     * into a vector of fresh arrays or, if {@code scratch}, of this reader's scratch arrays for numbers.
     */
    private ColumnVector decode(int rows, int[] positions, int size, boolean[] nulls, boolean scratch) {
        return switch (kind) {
            case BOOLEAN -> {
                boolean[] out = new boolean[size];
                boolean anyNull = read(rows, positions, size, nulls, out, PageValues::readBooleans, PageValues::pickBooleans,
                        FlatColumnReader::spread);
                yield new BooleanVector(size, out, anyNull ? nulls : null);
            }
            case INT, INT_DECIMAL -> {
                int[] out = scratch ? scratchInts(size) : new int[size];
                boolean anyNull = read(rows, positions, size, nulls, out, PageValues::readInts, PageValues::pickInts, FlatColumnReader::spread);
                if (kind == Kind.INT) {
                    yield new IntVector(type, size, out, anyNull ? nulls : null);
                }
                long[] unscaled = scratch ? scratchLongs(size) : new long[size];
                for (int i = 0; i < size; i++) {
                    unscaled[i] = out[i];
                }
                yield new DecimalVector((DecimalType) type, size, unscaled, anyNull ? nulls : null);
            }
            case LONG, TIMESTAMP_MILLIS, LONG_DECIMAL -> {
                long[] out = scratch ? scratchLongs(size) : new long[size];
                boolean anyNull = read(rows, positions, size, nulls, out, PageValues::readLongs, PageValues::pickLongs, FlatColumnReader::spread);
                if (kind == Kind.LONG_DECIMAL) {
                    // Decimals of up to 18 digits, unscaled at the file's scale, which is the type's.
                    yield new DecimalVector((DecimalType) type, size, out, anyNull ? nulls : null);
                }
                if (kind == Kind.TIMESTAMP_MILLIS) {
                    for (int i = 0; i < size; i++) {
                        out[i] = Math.multiplyExact(out[i], 1000L);
                    }
                }
                yield new LongVector(type, size, out, anyNull ? nulls : null);
            }
            case DOUBLE -> {
                double[] out = scratch ? scratchDoubles(size) : new double[size];
                boolean anyNull = read(rows, positions, size, nulls, out, PageValues::readDoubles, PageValues::pickDoubles,
                        FlatColumnReader::spread);
                yield new DoubleVector(type, size, out, anyNull ? nulls : null);
            }
            case BINARY -> {
                BinaryBatch out = new BinaryBatch(dictionary, nulls, size, lastBatchBytes > 0 ? lastBatchBytes + (lastBatchBytes >> 3) : size * 16);
                boolean anyNull = read(rows, positions, size, nulls, out, (page, batch, at, present) -> batch.read(page, at, present),
                        (page, batch, at, picks, count, present) -> batch.pick(page, at, picks, count, present),
                        (batch, flags, at, count, present) -> batch.spread(at, count, present));
                lastBatchBytes = out.copiedBytes() > 0 ? out.copiedBytes() : lastBatchBytes;
                yield out.build(type, anyNull ? nulls : null);
            }
        };
    }

    private int[] scratchPicks(int count) {
        if (scratchPicks.length < count) {
            scratchPicks = new int[count];
        }
        return scratchPicks;
    }

    private int[] scratchInts(int rows) {
        if (scratchInts.length < rows) {
            scratchInts = new int[rows];
        }
        return scratchInts;
    }

    private long[] scratchLongs(int rows) {
        if (scratchLongs.length < rows) {
            scratchLongs = new long[rows];
        }
        return scratchLongs;
    }

    private double[] scratchDoubles(int rows) {
        if (scratchDoubles.length < rows) {
            scratchDoubles = new double[rows];
        }
        return scratchDoubles;
    }

    /**
     * Reads the values of one stretch of a page, present ones only, into {@code out} from position
     * {@code at} on. The readers and spreads capture nothing, so that a batch allocates no function objects.
     */
    @FunctionalInterface
    private interface Stretch<T> {
        void read(PageValues page, T out, int at, int present);
    }

    /** Reads a stretch of {@code present} values of a page, keeping those at {@code picks[0..count)}, into {@code out} from position {@code at} on. */
    @FunctionalInterface
    private interface Pick<T> {
        void read(PageValues page, T out, int at, int[] picks, int count, int present);
    }

    /** Moves the {@code present} values read at {@code at} to the non-null ones of the {@code count} positions from there. */
    @FunctionalInterface
    private interface Spread<T> {
        void apply(T out, boolean[] nulls, int at, int count, int present);
    }

    /**
     * Reads {@code rows} values into {@code out} page by page, or when {@code positions} is not null those
     * at {@code positions[0..size)} only, setting their null flags; whether any was null.
     */
    private <T> boolean read(int rows, int[] positions, int size, boolean[] nulls, T out, Stretch<T> stretch, Pick<T> pick, Spread<T> spread) {
        if (positions == null) {
            return read(rows, nulls, out, stretch, spread);
        }
        boolean anyNull = false;
        int done = 0;
        int kept = 0;
        while (done < rows) {
            if (pageValuesLeft == 0) {
                nextPage();
            }
            int count = Math.min(rows - done, pageValuesLeft);
            int first = kept;
            while (kept < size && positions[kept] < done + count) {
                kept++;
            }
            if (kept == first) {
                skip(count);
                done += count;
                continue;
            }
            int[] picks = scratchPicks(kept - first);
            int present = count;
            int picked = kept - first;
            if (levels == null) {
                for (int i = first; i < kept; i++) {
                    picks[i - first] = positions[i] - done;
                }
            } else {
                // The kept positions that are present, as indexes among the page's present values.
                boolean[] stretchNulls = scratchNulls(count);
                present = levels.readNulls(count, maxDefinition, stretchNulls, 0);
                scratchNullsSet = true;
                picked = 0;
                int dense = 0;
                int at = 0;
                for (int i = first; i < kept; i++) {
                    int position = positions[i] - done;
                    for (; at < position; at++) {
                        dense += stretchNulls[at] ? 0 : 1;
                    }
                    if (stretchNulls[position]) {
                        nulls[i] = true;
                    } else {
                        picks[picked++] = dense;
                    }
                }
            }
            pick.read(values, out, first, picks, picked, present);
            if (picked < kept - first) {
                spread.apply(out, nulls, first, kept - first, picked);
                anyNull = true;
            }
            done += count;
            pageValuesLeft -= count;
        }
        return anyNull;
    }

    /** Reads {@code rows} values into {@code out} page by page, setting their null flags; whether any was null. */
    private <T> boolean read(int rows, boolean[] nulls, T out, Stretch<T> stretch, Spread<T> spread) {
        boolean anyNull = false;
        int done = 0;
        while (done < rows) {
            if (pageValuesLeft == 0) {
                nextPage();
            }
            int count = Math.min(rows - done, pageValuesLeft);
            int present = levels == null ? count : levels.readNulls(count, maxDefinition, nulls, done);
            stretch.read(values, out, done, present);
            if (present < count) {
                spread.apply(out, nulls, done, count, present);
                anyNull = true;
            }
            done += count;
            pageValuesLeft -= count;
        }
        return anyNull;
    }

    private static void spread(boolean[] out, boolean[] nulls, int at, int count, int present) {
        int dense = at + present;
        for (int i = at + count - 1; i >= at; i--) {
            out[i] = !nulls[i] && out[--dense];
        }
    }

    private static void spread(int[] out, boolean[] nulls, int at, int count, int present) {
        int dense = at + present;
        for (int i = at + count - 1; i >= at; i--) {
            out[i] = nulls[i] ? 0 : out[--dense];
        }
    }

    private static void spread(long[] out, boolean[] nulls, int at, int count, int present) {
        int dense = at + present;
        for (int i = at + count - 1; i >= at; i--) {
            out[i] = nulls[i] ? 0 : out[--dense];
        }
    }

    private static void spread(double[] out, boolean[] nulls, int at, int count, int present) {
        int dense = at + present;
        for (int i = at + count - 1; i >= at; i--) {
            out[i] = nulls[i] ? 0 : out[--dense];
        }
    }

    private void nextPage() {
        DataPage page = pages.readPage();
        if (page == null) {
            throw new IllegalStateException("column chunk " + String.join(".", column.getPath()) + " holds fewer values than its row group's rows");
        }
        int count = page.getValueCount();
        levels = null;
        try {
            if (page instanceof DataPageV1 v1) {
                ByteBuffer bytes = bytes(v1.getBytes());
                byte[] data = bytes.array();
                int from = bytes.position();
                if (maxDefinition > 0) {
                    if (v1.getDlEncoding() == Encoding.RLE) {
                        int length = bytes.getInt(from);
                        if (length < 0 || length > bytes.limit() - from - 4) {
                            throw new IllegalStateException("definition levels of " + length + " bytes overrun their page");
                        }
                        levels = levels(new RleBitPackedDecoder(data, from + 4, from + 4 + length, bitWidth(maxDefinition)), count);
                        from += 4 + length;
                    } else {
                        ValuesReader reader = v1.getDlEncoding().getValuesReader(column, ValuesType.DEFINITION_LEVEL);
                        from += init(reader, count, data, from, bytes.limit());
                        levels = new ValuesReaderValues(reader, false);
                    }
                }
                values = values(v1.getValueEncoding(), count, data, from, bytes.limit());
            } else {
                DataPageV2 v2 = (DataPageV2) page;
                if (maxDefinition > 0) {
                    ByteBuffer definitions = bytes(v2.getDefinitionLevels());
                    levels = levels(new RleBitPackedDecoder(definitions.array(), definitions.position(), definitions.limit(),
                            bitWidth(maxDefinition)), count);
                }
                ByteBuffer data = bytes(v2.getData());
                values = values(v2.getDataEncoding(), count, data.array(), data.position(), data.limit());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pageValuesLeft = count;
    }

    /** The definition levels of a page of {@code count} values, or null when they say that all are present. */
    private DefinitionLevels levels(RleBitPackedDecoder definitions, int count) {
        return definitions.nextAreAll(maxDefinition, count) ? null : definitions;
    }

    private PageValues values(Encoding encoding, int count, byte[] data, int from, int to) throws IOException {
        if (encoding.usesDictionary()) {
            if (dictionary == null) {
                throw new IllegalStateException("dictionary-encoded page in a column chunk without a dictionary");
            }
            // A page of nulls only may hold not even the ids' bit width.
            int bitWidth = from < to ? data[from] : 0;
            return new DictionaryValues(dictionary, new RleBitPackedDecoder(data, Math.min(from + 1, to), to, bitWidth));
        }
        if (encoding == Encoding.PLAIN) {
            return new PlainValues(data, from, to, column.getPrimitiveType().getPrimitiveTypeName());
        }
        ValuesReader reader = encoding.getValuesReader(column, ValuesType.VALUES);
        init(reader, count, data, from, to);
        return new ValuesReaderValues(reader, floats);
    }

    /** Starts a parquet-column reader on {@code data[from .. to)}; how many bytes it took. */
    private static int init(ValuesReader reader, int count, byte[] data, int from, int to) throws IOException {
        ByteBufferInputStream in = ByteBufferInputStream.wrap(ByteBuffer.wrap(data, from, to - from).slice());
        reader.initFromPage(count, in);
        return (int) in.position();
    }

    private static int bitWidth(int maxLevel) {
        return BytesUtils.getWidthFromMaxInt(maxLevel);
    }

    /** The bytes of a page as a little-endian heap buffer whose position and limit bound them within its array. */
    private static ByteBuffer bytes(BytesInput input) {
        try {
            ByteBuffer buffer = input.toByteBuffer();
            if (!buffer.hasArray()) {
                buffer = ByteBuffer.wrap(input.toByteArray());
            } else if (buffer.arrayOffset() != 0) {
                buffer = ByteBuffer.wrap(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            }
            return buffer.order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
