package dev.ember.bench.engine;

import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Ember in {@code local[2]}, or on a cluster. */
final class EmberEngineSession implements EngineSession {
    private final EmberSession ember;

    EmberEngineSession(String master, Map<String, String> settings) {
        EmberSession.Builder builder = EmberSession.builder().appName("bench").master(master);
        settings.forEach(builder::config);
        ember = builder.getOrCreate();
    }

    @Override
    public long firstTaskMillis() {
        return ember.context().parallelize(List.of(0), 1).map(ignored -> System.currentTimeMillis()).collect().get(0);
    }

    @Override
    public void execute(String statement) {
        ember.sql(statement);
    }

    @Override
    public List<List<Object>> rows(String query) {
        return collect(ember.sql(query));
    }

    @Override
    public List<List<Object>> rows(Program program, String input) {
        if (program instanceof DataFrameProgram frames) {
            return collect(frames.onEmber(ember, input));
        }
        return ((RddProgram) program).onEmber(ember.context(), input);
    }

    private static List<List<Object>> collect(DataFrame frame) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : frame.collectAsList()) {
            List<Object> values = new ArrayList<>(row.length());
            for (int i = 0; i < row.length(); i++) {
                values.add(row.get(i));
            }
            rows.add(values);
        }
        return rows;
    }

    @Override
    public void close() {
        ember.stop();
    }
}
