package dev.ember.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.column.impl.ColumnReaderImpl;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.page.PageWriteStore;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.statistics.geospatial.GeospatialStatistics;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batch-at-a-time reader of flat columns reads what the general path (parquet-column's column
 * reader and {@link ColumnAssembler}) reads, from pages written by parquet-java in every layout:
 * version 1 and 2 pages, required and optional columns with and without nulls, dictionary, PLAIN,
 * a dictionary given up mid-chunk, the V2 writer's DELTA encodings, and batches that cross pages.
 */
class FlatColumnReaderTest {
    private static final int ROWS = 1000;
    /** Batch sizes that start and end anywhere within the pages of at most 64 rows. */
    private static final int[] BATCHES = {1, 100, 63, 64, 257, 515};

    /** One column: its Parquet type, its Ember type, and the value of row {@code i} as parquet-column writes it. */
    private record Column(String name, PrimitiveType.PrimitiveTypeName physical, LogicalTypeAnnotation logical, DataType type,
            IntFunction<Object> value) {
        PrimitiveType parquet(Repetition repetition) {
            return Types.primitive(physical, repetition).as(logical).named(name);
        }
    }

    /** Few distinct values first (dictionary-friendly), then many: a small dictionary fills up mid-chunk. */
    private static int sample(int i) {
        return i < 600 ? (i * 7) % 13 - 6 : i * 7919 - 3_000_000;
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("i", PrimitiveTypeName.INT32, null, AtomicType.INT, FlatColumnReaderTest::sample),
            new Column("day", PrimitiveTypeName.INT32, LogicalTypeAnnotation.dateType(), AtomicType.DATE, i -> sample(i) / 100),
            new Column("l", PrimitiveTypeName.INT64, null, AtomicType.LONG, i -> sample(i) * 1_000_000_007L),
            new Column("ts_millis", PrimitiveTypeName.INT64, LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS),
                    AtomicType.TIMESTAMP, i -> 1_700_000_000_000L + sample(i)),
            new Column("ts_micros", PrimitiveTypeName.INT64, LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS),
                    AtomicType.TIMESTAMP, i -> 1_700_000_000_000_000L + sample(i)),
            new Column("f", PrimitiveTypeName.FLOAT, null, AtomicType.FLOAT, i -> sample(i) / 3f),
            new Column("d", PrimitiveTypeName.DOUBLE, null, AtomicType.DOUBLE, i -> sample(i) / 7d),
            new Column("s", PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType(), AtomicType.STRING,
                    i -> Binary.fromString(sample(i) == 0 ? "" : "v" + sample(i) + "é".repeat(Math.abs(sample(i)) % 3))),
            new Column("b", PrimitiveTypeName.BOOLEAN, null, AtomicType.BOOLEAN, i -> sample(i) % 3 == 0),
            new Column("dec_int", PrimitiveTypeName.INT32, LogicalTypeAnnotation.decimalType(2, 9), new DecimalType(9, 2),
                    FlatColumnReaderTest::sample),
            new Column("dec_long", PrimitiveTypeName.INT64, LogicalTypeAnnotation.decimalType(4, 18), new DecimalType(18, 4),
                    i -> sample(i) * 123_456_789L));

    private enum Nulls { REQUIRED, OPTIONAL_WITHOUT_NULLS, SOME_NULLS, RUNS_OF_NULLS, NULLS_AFTER_PAGES_WITHOUT, ALL_NULL }

    private enum Values { DICTIONARY, DICTIONARY_THEN_FALLBACK, NO_DICTIONARY }

    static Stream<Arguments> layouts() {
        List<Arguments> layouts = new ArrayList<>();
        for (Column column : COLUMNS) {
            for (WriterVersion version : WriterVersion.values()) {
                for (Nulls nulls : Nulls.values()) {
                    for (Values values : Values.values()) {
                        layouts.add(Arguments.of(column.name(), version, nulls, values));
                    }
                }
            }
        }
        return layouts.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("layouts")
    void readsWhatTheGeneralPathReads(String name, WriterVersion version, Nulls nulls, Values values) throws IOException {
        Column column = COLUMNS.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        Pages pages = write(column, version, nulls, values);
        if (values == Values.DICTIONARY_THEN_FALLBACK && column.physical() != PrimitiveTypeName.BOOLEAN && nulls != Nulls.ALL_NULL) {
            assertThat(pages.valueEncodings).as("pages written").anyMatch(Encoding::usesDictionary).anyMatch(e -> !e.usesDictionary());
        }
        ColumnDescriptor descriptor = pages.descriptor;
        FlatColumnReader fast = FlatColumnReader.of(descriptor, column.type());
        assertThat(fast).isNotNull();
        fast.reset(pages.reader());
        MessageType schema = new MessageType("m", column.parquet(repetition(nulls)));
        ColumnAssembler general = new ColumnAssembler(ColumnLevels.of(schema, name, column.type(), "test"));
        general.reset(leaf -> new ColumnReaderImpl(descriptor, pages.reader(), new PrimitiveConverter() {
        }, null));

        int row = 0;
        int sawNulls = 0;
        for (int batch = 0; row < ROWS; batch++) {
            int rows = Math.min(BATCHES[batch % BATCHES.length], ROWS - row);
            ColumnVector actual = fast.read(rows);
            VectorBuilder builder = VectorBuilder.create(column.type(), rows);
            general.readRows(rows, builder);
            ColumnVector expected = builder.build();
            assertThat(actual.size()).isEqualTo(rows);
            assertThat(actual.mayHaveNulls()).as("rows %d..", row).isEqualTo(expected.mayHaveNulls());
            for (int i = 0; i < rows; i++) {
                assertThat(actual.getObject(i)).as("row %d", row + i).isEqualTo(expected.getObject(i));
                sawNulls += actual.isNull(i) ? 1 : 0;
            }
            row += rows;
        }
        assertThat(sawNulls).isEqualTo((int) IntStream.range(0, ROWS).filter(i -> isNull(nulls, i)).count());
        assertThat(sawNulls > 0).isEqualTo(nulls != Nulls.REQUIRED && nulls != Nulls.OPTIONAL_WITHOUT_NULLS);
    }

    /**
     * How a batch is read: whole, peeked (into the reader's scratch arrays), skipped, or at chosen rows (some,
     * a few far apart so that whole pages between them hold none, every one, the last only, none).
     */
    private enum Choice { WHOLE, PEEKED, SKIPPED, EVERY_THIRD, SPARSE, EVERY_ROW, LAST_ROW, NO_ROW }

    /**
     * Batches read at chosen rows or peeked hold the general path's values at those rows, and batches skipped
     * leave the reader where the general path is after reading them: every choice meets every batch
     * size, so choices start and end within pages and span page boundaries.
     */
    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("layouts")
    void readsChosenRowsAndSkipsAsTheGeneralPathReads(String name, WriterVersion version, Nulls nulls, Values values) throws IOException {
        Column column = COLUMNS.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        Pages pages = write(column, version, nulls, values);
        Choice[] choices = Choice.values();
        for (int shift = 0; shift < choices.length; shift++) {
            FlatColumnReader fast = FlatColumnReader.of(pages.descriptor, column.type());
            fast.reset(pages.reader());
            MessageType schema = new MessageType("m", column.parquet(repetition(nulls)));
            ColumnAssembler general = new ColumnAssembler(ColumnLevels.of(schema, name, column.type(), "test"));
            general.reset(leaf -> new ColumnReaderImpl(pages.descriptor, pages.reader(), new PrimitiveConverter() {
            }, null));
            int row = 0;
            for (int batch = 0; row < ROWS; batch++) {
                int rows = Math.min(BATCHES[batch % BATCHES.length], ROWS - row);
                Choice choice = choices[(batch + shift) % choices.length];
                VectorBuilder builder = VectorBuilder.create(column.type(), rows);
                general.readRows(rows, builder);
                ColumnVector expected = builder.build();
                if (choice == Choice.SKIPPED) {
                    fast.skip(rows);
                    row += rows;
                    continue;
                }
                int[] positions = IntStream.range(0, rows).filter(i -> switch (choice) {
                    case EVERY_THIRD -> i % 3 == 1;
                    case SPARSE -> i % 70 == 2;
                    case LAST_ROW -> i == rows - 1;
                    case NO_ROW -> false;
                    default -> true;
                }).toArray();
                ColumnVector actual = switch (choice) {
                    case WHOLE -> fast.read(rows);
                    case PEEKED -> fast.peek(rows);
                    default -> fast.read(rows, positions, positions.length);
                };
                assertThat(actual.size()).isEqualTo(positions.length);
                for (int i = 0; i < positions.length; i++) {
                    assertThat(actual.getObject(i)).as("%s row %d", choice, row + positions[i]).isEqualTo(expected.getObject(positions[i]));
                }
                row += rows;
            }
        }
    }

    @Test
    void declinesRepeatedColumnsAndTypesItDoesNotDecode() {
        MessageType schema = Types.buildMessage()
                .repeated(PrimitiveTypeName.INT32).named("r")
                .optional(PrimitiveTypeName.INT96).named("t")
                .optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(4).named("fixed")
                .optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, false)).named("unsigned")
                .optional(PrimitiveTypeName.INT32).named("i")
                .named("m");
        assertThat(FlatColumnReader.of(schema.getColumnDescription(new String[] {"r"}), AtomicType.INT)).isNull();
        assertThat(FlatColumnReader.of(schema.getColumnDescription(new String[] {"t"}), AtomicType.TIMESTAMP)).isNull();
        assertThat(FlatColumnReader.of(schema.getColumnDescription(new String[] {"fixed"}), AtomicType.BINARY)).isNull();
        assertThat(FlatColumnReader.of(schema.getColumnDescription(new String[] {"unsigned"}), new DecimalType(20, 0))).isNull();
        assertThat(FlatColumnReader.of(schema.getColumnDescription(new String[] {"i"}), AtomicType.INT)).isNotNull();
    }

    private static Repetition repetition(Nulls nulls) {
        return nulls == Nulls.REQUIRED ? Repetition.REQUIRED : Repetition.OPTIONAL;
    }

    private static boolean isNull(Nulls nulls, int i) {
        return switch (nulls) {
            case REQUIRED, OPTIONAL_WITHOUT_NULLS -> false;
            case SOME_NULLS -> i % 3 == 1 || i % 17 == 0;
            // Whole pages of nulls and long runs either side of page boundaries.
            case RUNS_OF_NULLS -> (i >= 128 && i < 192) || (i / 50) % 3 == 2 || i >= 960;
            // Pages whose levels say every value is present, then pages with a null here and there.
            case NULLS_AFTER_PAGES_WITHOUT -> i >= 300 && i % 11 == 0;
            case ALL_NULL -> true;
        };
    }

    /** The column written in one layout: small pages, with a dictionary, without one, or given up mid-chunk. */
    private static Pages write(Column column, WriterVersion version, Nulls nulls, Values values) {
        return write(column, nulls, ParquetProperties.builder()
                .withWriterVersion(version)
                .withPageRowCountLimit(64)
                .withDictionaryEncoding(values != Values.NO_DICTIONARY)
                .withDictionaryPageSize(values == Values.DICTIONARY_THEN_FALLBACK ? 256 : 1 << 20)
                .build());
    }

    private static Pages write(Column column, Nulls nulls, ParquetProperties properties) {
        MessageType schema = new MessageType("m", column.parquet(repetition(nulls)));
        ColumnDescriptor descriptor = schema.getColumns().get(0);
        Pages pages = new Pages(descriptor);
        ColumnWriteStore store = properties.newColumnWriteStore(schema, pages);
        ColumnWriter writer = store.getColumnWriter(descriptor);
        int maxDefinition = descriptor.getMaxDefinitionLevel();
        for (int i = 0; i < ROWS; i++) {
            if (isNull(nulls, i)) {
                writer.writeNull(0, 0);
            } else {
                Object value = column.value().apply(i);
                if (value instanceof Integer v) {
                    writer.write(v, 0, maxDefinition);
                } else if (value instanceof Long v) {
                    writer.write(v, 0, maxDefinition);
                } else if (value instanceof Float v) {
                    writer.write(v, 0, maxDefinition);
                } else if (value instanceof Double v) {
                    writer.write(v, 0, maxDefinition);
                } else if (value instanceof Boolean v) {
                    writer.write(v, 0, maxDefinition);
                } else {
                    writer.write((Binary) value, 0, maxDefinition);
                }
            }
            store.endRecord();
        }
        store.flush();
        store.close();
        return pages;
    }

    /** The pages of one column chunk held in memory, readable any number of times. */
    private static final class Pages implements PageWriteStore, PageWriter {
        final ColumnDescriptor descriptor;
        final List<DataPage> data = new ArrayList<>();
        final Set<Encoding> valueEncodings = EnumSet.noneOf(Encoding.class);
        DictionaryPage dictionary;

        Pages(ColumnDescriptor descriptor) {
            this.descriptor = descriptor;
        }

        PageReader reader() {
            Queue<DataPage> left = new ArrayDeque<>(data);
            long total = data.stream().mapToLong(DataPage::getValueCount).sum();
            return new PageReader() {
                @Override
                public DictionaryPage readDictionaryPage() {
                    return dictionary;
                }

                @Override
                public long getTotalValueCount() {
                    return total;
                }

                @Override
                public DataPage readPage() {
                    return left.poll();
                }
            };
        }

        @Override
        public PageWriter getPageWriter(ColumnDescriptor column) {
            return this;
        }

        @Override
        public void writePage(BytesInput bytes, int valueCount, Statistics<?> statistics, Encoding rlEncoding, Encoding dlEncoding,
                Encoding valuesEncoding) throws IOException {
            writePage(bytes, valueCount, -1, statistics, rlEncoding, dlEncoding, valuesEncoding);
        }

        @Override
        public void writePage(BytesInput bytes, int valueCount, int rowCount, Statistics<?> statistics, Encoding rlEncoding,
                Encoding dlEncoding, Encoding valuesEncoding) throws IOException {
            byte[] copy = bytes.toByteArray();
            data.add(new DataPageV1(BytesInput.from(copy), valueCount, copy.length, statistics, rlEncoding, dlEncoding, valuesEncoding));
            valueEncodings.add(valuesEncoding);
        }

        @Override
        public void writePage(BytesInput bytes, int valueCount, int rowCount, Statistics<?> statistics, SizeStatistics sizes,
                GeospatialStatistics geospatial, Encoding rlEncoding, Encoding dlEncoding, Encoding valuesEncoding) throws IOException {
            writePage(bytes, valueCount, rowCount, statistics, rlEncoding, dlEncoding, valuesEncoding);
        }

        @Override
        public void writePageV2(int rowCount, int nullCount, int valueCount, BytesInput repetitionLevels, BytesInput definitionLevels,
                Encoding dataEncoding, BytesInput bytes, Statistics<?> statistics, SizeStatistics sizes, GeospatialStatistics geospatial)
                throws IOException {
            writePageV2(rowCount, nullCount, valueCount, repetitionLevels, definitionLevels, dataEncoding, bytes, statistics);
        }

        @Override
        public void writePageV2(int rowCount, int nullCount, int valueCount, BytesInput repetitionLevels, BytesInput definitionLevels,
                Encoding dataEncoding, BytesInput bytes, Statistics<?> statistics) throws IOException {
            data.add(DataPageV2.uncompressed(rowCount, nullCount, valueCount, BytesInput.from(repetitionLevels.toByteArray()),
                    BytesInput.from(definitionLevels.toByteArray()), dataEncoding, BytesInput.from(bytes.toByteArray()), statistics));
            valueEncodings.add(dataEncoding);
        }

        @Override
        public void writeDictionaryPage(DictionaryPage page) throws IOException {
            dictionary = page.copy();
        }

        @Override
        public void close() {
        }

        @Override
        public long getMemSize() {
            return 0;
        }

        @Override
        public long allocatedSize() {
            return 0;
        }

        @Override
        public String memUsageString(String prefix) {
            return prefix;
        }
    }
}
