package dev.ember.bench.suites;

import dev.ember.bench.BenchOptions;
import dev.ember.bench.BenchQuery;
import dev.ember.bench.Dialect;
import dev.ember.bench.Suite;
import dev.ember.bench.Workload;
import dev.ember.bench.data.Datasets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A join on Zipf-skewed keys ({@link Datasets#skewedTables}) then an aggregate, at several heaps
 * (8g, 2g, 1g, 512m unless {@code --heaps} says otherwise): the table shows, per heap and engine,
 * the time or the failure (Spark refuses heaps under about 450 MB).
 */
public final class SkewJoinSuite implements Suite {
    private static final String QUERY = "SELECT d.category, count(*) AS n, sum(f.amount * d.weight) AS total "
            + "FROM fact f JOIN dim d ON f.key = d.key GROUP BY d.category ORDER BY d.category";

    @Override
    public String name() {
        return "skewjoin";
    }

    @Override
    public String description() {
        return "Zipf-skewed fact (5M rows at scale 1) join dimension (250k) then aggregate, at --heaps (8g,2g,1g,512m)";
    }

    @Override
    public List<String> defaultHeaps() {
        return List.of("8g", "2g", "1g", "512m");
    }

    @Override
    public Workload prepare(BenchOptions options) {
        Path data = Datasets.skewedTables(options.dataDirectory("skewed"), options.scale());
        Path fact = data.resolve("fact.csv");
        Path dim = data.resolve("dim.csv");
        return new Workload("Skewed join (Zipf 1.1) at scale " + options.scaleName(),
                Map.of(Dialect.SPARK, "CREATE OR REPLACE TEMPORARY VIEW fact (id BIGINT, key BIGINT, amount BIGINT) USING csv OPTIONS (path '" + fact + "');\n"
                                + "CREATE OR REPLACE TEMPORARY VIEW dim (key BIGINT, category STRING, weight BIGINT) USING csv OPTIONS (path '" + dim + "')",
                        Dialect.DUCKDB, "CREATE OR REPLACE VIEW fact AS SELECT * FROM read_csv('" + fact + "', header = false, auto_detect = false, "
                                + "columns = {'id': 'BIGINT', 'key': 'BIGINT', 'amount': 'BIGINT'});\n"
                                + "CREATE OR REPLACE VIEW dim AS SELECT * FROM read_csv('" + dim + "', header = false, auto_detect = false, "
                                + "columns = {'key': 'BIGINT', 'category': 'VARCHAR', 'weight': 'BIGINT'})"),
                List.of(BenchQuery.sql("join", QUERY)));
    }
}
