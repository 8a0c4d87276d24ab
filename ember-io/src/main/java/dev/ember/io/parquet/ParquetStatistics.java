package dev.ember.io.parquet;

import dev.ember.fs.InputFile;
import dev.ember.fs.SeekableInputStream;
import dev.ember.source.ColumnStatistics;
import dev.ember.source.TableStatistics;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * The statistics of Parquet files from their footers: the row groups' row counts, and for each
 * top-level column of a numeric, date or timestamp type its least and greatest value and its nulls
 * (a file without the column holds nulls). Bounds are unknown where a row group has no trusted
 * statistics (the footer converter drops those of known-buggy writers) or the file's column is of
 * another type than the relation's. Where every data page of a string column (which has no bounds)
 * is dictionary-encoded, the largest dictionary of a row group estimates its distinct values (one
 * page header read per chunk): exact for one row group, and for columns of few values, which every
 * row group holds.
 */
final class ParquetStatistics {
    private static final int HEADER_BYTES = 256;

    private ParquetStatistics() {
    }

    static TableStatistics of(List<InputFile> files, StructType dataSchema) throws IOException {
        Map<String, Column> columns = new HashMap<>();
        for (StructField field : dataSchema.fields()) {
            columns.put(field.name(), new Column(field.dataType()));
        }
        long rows = 0;
        for (InputFile file : files) {
            rows += add(file, columns);
        }
        Map<String, ColumnStatistics> statistics = new HashMap<>();
        columns.forEach((name, column) -> statistics.put(name, column.statistics()));
        return new TableStatistics(rows, statistics);
    }

    /** Adds the row groups of one file to the columns' statistics; returns its rows. */
    private static long add(InputFile file, Map<String, Column> columns) throws IOException {
        ParquetMetadata footer = ParquetFooter.read(file);
        MessageType schema = footer.getFileMetaData().getSchema();
        String path = file.location().toString();
        long rows = 0;
        try (SeekableInputStream in = file.newStream()) {
            for (BlockMetaData rowGroup : footer.getBlocks()) {
                rows += rowGroup.getRowCount();
                for (Map.Entry<String, Column> column : columns.entrySet()) {
                    String name = column.getKey();
                    if (!schema.containsField(name)) {
                        column.getValue().addNulls(rowGroup.getRowCount());
                    } else if (schema.getType(name).isPrimitive()
                            && ParquetSchemas.toEmber(schema.getType(name), path).equals(column.getValue().type)) {
                        ColumnChunkMetaData chunk = StatisticsFilter.chunk(rowGroup, name);
                        boolean unbounded = column.getValue().type == AtomicType.STRING;
                        column.getValue().add(chunk, chunk == null || !unbounded ? -1 : dictionaryEntries(chunk, in));
                    } else {
                        column.getValue().forget();
                    }
                }
            }
        }
        return rows;
    }

    /** The entries of a chunk's dictionary when every data page of it is dictionary-encoded, else -1. */
    private static long dictionaryEntries(ColumnChunkMetaData chunk, SeekableInputStream in) throws IOException {
        EncodingStats encodings = chunk.getEncodingStats();
        if (!chunk.hasDictionaryPage() || encodings == null || encodings.hasNonDictionaryEncodedPages()) {
            return -1;
        }
        // The header is some 20 bytes: one read of a few hundred, not a call per byte of the unbuffered stream.
        byte[] start = new byte[(int) Math.min(HEADER_BYTES, chunk.getTotalSize())];
        in.seek(chunk.getStartingPos());
        in.readFully(start, 0, start.length);
        PageHeader header;
        try {
            header = Util.readPageHeader(new ByteArrayInputStream(start));
        } catch (IOException e) {
            return -1; // a header longer than read
        }
        return header.getType() == PageType.DICTIONARY_PAGE ? header.getDictionary_page_header().getNum_values() : -1;
    }

    /** The bounds and nulls of one column over the row groups seen so far. */
    private static final class Column {
        private final DataType type;
        private Comparable<Object> min;
        private Comparable<Object> max;
        private boolean boundsKnown = true;
        private long nulls;
        private long distinct;

        Column(DataType type) {
            this.type = type;
        }

        void addNulls(long count) {
            if (nulls >= 0) {
                nulls += count;
            }
        }

        void forget() {
            boundsKnown = false;
            nulls = -1;
            distinct = -1;
        }

        void add(ColumnChunkMetaData chunk, long dictionaryEntries) {
            distinct = distinct < 0 || dictionaryEntries < 0 ? -1 : Math.max(distinct, dictionaryEntries);
            Statistics<?> statistics = chunk == null ? null : chunk.getStatistics();
            if (statistics == null || statistics.isEmpty()) {
                boundsKnown = false;
                nulls = -1;
                return;
            }
            if (statistics.isNumNullsSet()) {
                addNulls(statistics.getNumNulls());
            } else {
                nulls = -1;
            }
            if (!statistics.hasNonNullValue()) {
                // Only nulls (or no statistics of values): the bounds are the other row groups'.
                boundsKnown &= statistics.isNumNullsSet() && statistics.getNumNulls() == chunk.getValueCount();
                return;
            }
            Comparable<Object> least = value(chunk.getPrimitiveType(), statistics.genericGetMin());
            Comparable<Object> greatest = value(chunk.getPrimitiveType(), statistics.genericGetMax());
            if (least == null || greatest == null) {
                boundsKnown = false;
                return;
            }
            min = min == null || least.compareTo(min) < 0 ? least : min;
            max = max == null || greatest.compareTo(max) > 0 ? greatest : max;
        }

        ColumnStatistics statistics() {
            return new ColumnStatistics(boundsKnown ? min : null, boundsKnown ? max : null, nulls, distinct);
        }

        /** A statistics value as the literal value of the column's type, or null for the types whose bounds are not kept. */
        @SuppressWarnings("unchecked")
        private Comparable<Object> value(PrimitiveType primitive, Object value) {
            if (primitive.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer && !integer.isSigned()) {
                return null; // held as signed Java numbers, ordered as unsigned ones
            }
            Object converted = type instanceof DecimalType decimal ? decimal(value, decimal.scale()) : switch ((AtomicType) type) {
                case BYTE -> ((Number) value).byteValue();
                case SHORT -> ((Number) value).shortValue();
                case INT -> ((Number) value).intValue();
                case LONG -> ((Number) value).longValue();
                case FLOAT -> ((Number) value).floatValue();
                case DOUBLE -> ((Number) value).doubleValue();
                case DATE -> LocalDate.ofEpochDay((Integer) value);
                case TIMESTAMP -> timestamp(primitive, value);
                default -> null;
            };
            return (Comparable<Object>) converted;
        }

        private static BigDecimal decimal(Object value, int scale) {
            BigInteger unscaled = value instanceof Binary binary ? new BigInteger(binary.getBytes()) : BigInteger.valueOf(((Number) value).longValue());
            return new BigDecimal(unscaled, scale);
        }

        private static Instant timestamp(PrimitiveType primitive, Object value) {
            if (!(primitive.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp)) {
                return null; // INT96: its statistics are unordered
            }
            long amount = (Long) value;
            return switch (timestamp.getUnit()) {
                case MILLIS -> Instant.ofEpochMilli(amount);
                case MICROS -> Instant.EPOCH.plus(amount, ChronoUnit.MICROS);
                case NANOS -> null;
            };
        }
    }
}
