package dev.ember.source;

/**
 * What a format knows of one column's values in a set of files without reading them: the least and
 * greatest non-null value, as literal values of the column's type (Integer, Long, Double, BigDecimal,
 * LocalDate, Instant, ...; null when unknown), how many values are null (-1 when unknown), and an
 * estimate of how many distinct non-null values there are (-1 when unknown).
 */
public record ColumnStatistics(Object min, Object max, long nullCount, long distinctCount) {
    public static final ColumnStatistics UNKNOWN = new ColumnStatistics(null, null, -1, -1);
}
