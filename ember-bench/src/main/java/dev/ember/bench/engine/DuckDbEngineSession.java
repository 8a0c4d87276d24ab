package dev.ember.bench.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * DuckDB in memory through its JDBC driver, with 2 threads and a memory limit of {@code memoryBytes}.
 * SQL only: it has no DataFrame API.
 */
final class DuckDbEngineSession implements EngineSession {
    private final Connection connection;

    DuckDbEngineSession(long memoryBytes) {
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:");
            execute("SET threads = 2");
            execute("SET memory_limit = '" + Math.max(1, memoryBytes >> 20) + "MB'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start DuckDB", e);
        }
    }

    @Override
    public void execute(String statement) {
        try (Statement jdbc = connection.createStatement()) {
            jdbc.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public List<List<Object>> rows(String query) {
        try (Statement jdbc = connection.createStatement(); ResultSet result = jdbc.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            List<List<Object>> rows = new ArrayList<>();
            while (result.next()) {
                List<Object> values = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getObject(i));
                }
                rows.add(values);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public List<List<Object>> rows(Program program, String input) {
        throw new UnsupportedOperationException("DuckDB has neither DataFrames nor RDDs");
    }

    @Override
    public long firstTaskMillis() {
        return -1;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
