package dev.ember.io.parquet;

import dev.ember.source.SourceFilter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Decides from a row group's column statistics (min, max, null count) whether any of its rows can
 * satisfy the pushed filters. Whatever the statistics cannot decide counts as a possible match:
 * missing or untrusted statistics (the footer converter drops those of known-buggy writers),
 * nested columns, floating-point columns (NaN is outside their min/max) and INT96 timestamps.
 */
final class StatisticsFilter {
    private StatisticsFilter() {
    }

    /** Whether some row of {@code block} may satisfy every one of {@code filters}. */
    static boolean mightMatch(List<SourceFilter> filters, BlockMetaData block) {
        for (SourceFilter filter : filters) {
            if (!mightMatch(filter, block)) {
                return false;
            }
        }
        return true;
    }

    static boolean mightMatch(SourceFilter filter, BlockMetaData block) {
        if (filter instanceof SourceFilter.And and) {
            return mightMatch(and.left(), block) && mightMatch(and.right(), block);
        }
        if (filter instanceof SourceFilter.Or or) {
            return mightMatch(or.left(), block) || mightMatch(or.right(), block);
        }
        if (filter instanceof SourceFilter.IsNull isNull) {
            ColumnChunkMetaData chunk = chunk(block, isNull.column());
            if (chunk == null || chunk.getStatistics() == null || !chunk.getStatistics().isNumNullsSet()) {
                return true;
            }
            long nulls = chunk.getStatistics().getNumNulls();
            return isNull.negated() ? nulls < chunk.getValueCount() : nulls > 0;
        }
        if (filter instanceof SourceFilter.EqualTo equal) {
            return mightContain(block, equal.column(), equal.value());
        }
        if (filter instanceof SourceFilter.In in) {
            return in.values().stream().anyMatch(value -> mightContain(block, in.column(), value));
        }
        if (filter instanceof SourceFilter.Compare compare) {
            if (allNull(block, compare.column())) {
                return false;
            }
            Statistics<?> stats = minMax(block, compare.column());
            Comparable<?> value = stats == null ? null : parquetValue(chunk(block, compare.column()).getPrimitiveType(), compare.value());
            if (value == null) {
                return true;
            }
            // Some value satisfies `op literal` iff the least (for < and <=) or the greatest (for > and >=) does.
            Object bound = compare.op() == SourceFilter.Compare.Op.LESS_THAN || compare.op() == SourceFilter.Compare.Op.LESS_THAN_OR_EQUAL
                    ? stats.genericGetMin() : stats.genericGetMax();
            return compare.op().accepts(compare(stats, (Comparable<?>) bound, value));
        }
        // Not: statistics of the values do not bound their complement.
        return true;
    }

    private static boolean mightContain(BlockMetaData block, String column, Object literal) {
        if (allNull(block, column)) {
            return false;
        }
        Statistics<?> stats = minMax(block, column);
        if (stats == null) {
            return true;
        }
        Comparable<?> value = parquetValue(chunk(block, column).getPrimitiveType(), literal);
        return value == null || (compare(stats, stats.genericGetMin(), value) <= 0 && compare(stats, stats.genericGetMax(), value) >= 0);
    }

    /** {@code bound} compared with {@code value} in the column's own order (unsigned bytes for strings, ...). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Statistics stats, Comparable bound, Comparable value) {
        return stats.comparator().compare(bound, value);
    }

    /** The statistics of a top-level column with trusted min and max, or null. */
    private static Statistics<?> minMax(BlockMetaData block, String column) {
        ColumnChunkMetaData chunk = chunk(block, column);
        if (chunk == null || chunk.getStatistics() == null || chunk.getStatistics().isEmpty()) {
            return null;
        }
        Statistics<?> stats = chunk.getStatistics();
        return stats.hasNonNullValue() ? stats : null;
    }

    private static boolean allNull(BlockMetaData block, String column) {
        ColumnChunkMetaData chunk = chunk(block, column);
        Statistics<?> stats = chunk == null ? null : chunk.getStatistics();
        return stats != null && stats.isNumNullsSet() && stats.getNumNulls() == chunk.getValueCount();
    }

    /** The chunk of top-level column {@code column} in a row group, or {@code null} when it has none. */
    static ColumnChunkMetaData chunk(BlockMetaData block, String column) {
        for (ColumnChunkMetaData chunk : block.getColumns()) {
            String[] path = chunk.getPath().toArray();
            if (path.length == 1 && path[0].equals(column)) {
                return chunk;
            }
        }
        return null;
    }

    /** A literal as the Parquet value its column's statistics hold, or null when they cannot be compared. */
    static Comparable<?> parquetValue(PrimitiveType type, Object value) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer && !integer.isSigned()) {
            return null;
        }
        int scale = logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal ? decimal.getScale() : -1;
        try {
            return switch (type.getPrimitiveTypeName()) {
                case BOOLEAN -> value instanceof Boolean bool ? bool : null;
                case INT32 -> value instanceof LocalDate date ? Math.toIntExact(date.toEpochDay())
                        : value instanceof BigDecimal decimal && scale >= 0 ? decimal.setScale(scale).unscaledValue().intValueExact()
                        : value instanceof Integer || value instanceof Short || value instanceof Byte ? ((Number) value).intValue() : null;
                case INT64 -> value instanceof Instant instant ? timestamp(logical, instant)
                        : value instanceof BigDecimal decimal && scale >= 0 ? decimal.setScale(scale).unscaledValue().longValueExact()
                        : value instanceof Long number ? number : null;
                case BINARY -> value instanceof String string && logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        ? Binary.fromString(string) : value instanceof byte[] bytes && logical == null ? Binary.fromConstantByteArray(bytes) : null;
                default -> null;
            };
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static Long timestamp(LogicalTypeAnnotation logical, Instant instant) {
        if (!(logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp)) {
            return null;
        }
        long micros = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
        return switch (timestamp.getUnit()) {
            case MICROS -> micros;
            // Millisecond statistics compare exactly only with whole milliseconds.
            case MILLIS -> micros % 1000 == 0 ? micros / 1000 : null;
            case NANOS -> null;
        };
    }
}
