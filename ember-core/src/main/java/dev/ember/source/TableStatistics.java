package dev.ember.source;

import java.util.Map;

/**
 * What a format knows of a set of files without reading their data: how many rows they hold, and
 * statistics of the data columns it keeps them for, by column name.
 */
public record TableStatistics(long rowCount, Map<String, ColumnStatistics> columns) {
    public TableStatistics {
        columns = Map.copyOf(columns);
    }

    /** The statistics of a column, {@link ColumnStatistics#UNKNOWN} when there are none. */
    public ColumnStatistics column(String name) {
        return columns.getOrDefault(name, ColumnStatistics.UNKNOWN);
    }
}
