package dev.ember.bench.tpch;

import dev.ember.bench.BenchOptions;
import dev.ember.bench.BenchQuery;
import dev.ember.bench.Dialect;
import dev.ember.bench.Suite;
import dev.ember.bench.Workload;
import dev.ember.examples.tpch.TpchData;
import dev.ember.examples.tpch.TpchQueries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TPC-H's 22 queries over the same files for every engine: the generated {@code '|'}-separated
 * tables ({@code --format csv}) or Parquet that Spark converted them to (the default), data in
 * {@code <data>/tpch/sf<SF>}.
 */
public final class TpchSuite implements Suite {
    @Override
    public String name() {
        return "tpch";
    }

    @Override
    public String description() {
        return "TPC-H's 22 queries at scale factor --sf over --format parquet (default) or csv";
    }

    @Override
    public Workload prepare(BenchOptions options) throws Exception {
        Path data = options.dataDirectory("tpch");
        System.err.println("TPC-H SF " + options.scaleName() + ": data in " + data + " (generated where missing)");
        TpchData.generate(data, options.scale());
        if (!options.format().equals("csv")) {
            TpchTables.convert(data, options.format());
        }
        List<BenchQuery> queries = new ArrayList<>();
        for (int number = 1; number <= TpchQueries.COUNT; number++) {
            String name = TpchQueries.name(number);
            if (options.selects(name)) {
                queries.add(BenchQuery.sql(name, TpchQueries.script(number)));
            }
        }
        return new Workload("TPC-H SF " + options.scaleName() + " over " + options.format(),
                Map.of(Dialect.SPARK, TpchTables.views(data, options.format(), Dialect.SPARK),
                        Dialect.DUCKDB, TpchTables.views(data, options.format(), Dialect.DUCKDB)),
                queries);
    }
}
