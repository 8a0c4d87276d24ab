package dev.ember.bench.suites;

import dev.ember.bench.BenchOptions;
import dev.ember.bench.BenchQuery;
import dev.ember.bench.Dialect;
import dev.ember.bench.EngineRun;
import dev.ember.bench.Suite;
import dev.ember.bench.Workload;
import dev.ember.bench.data.Datasets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Word count over the Zipf text corpus ({@link Datasets#textCorpus}): in SQL on every engine
 * ({@code sql}), with the DataFrame API ({@code dataframe}, {@link WordCountProgram}) and with RDDs
 * ({@code rdd}, {@link RddWordCountProgram}) on Ember and Spark; every version's answer is the 100
 * most frequent words with their counts, so the versions are checked against each other too.
 */
public final class WordCountSuite implements Suite {
    static final int TOP = 100;

    @Override
    public String name() {
        return "wordcount";
    }

    @Override
    public String description() {
        return "word count (SQL; DataFrames and RDDs on Ember and Spark) over a Zipf text corpus, scale 1 = 5M lines, ~400 MB";
    }

    @Override
    public Workload prepare(BenchOptions options) {
        Path corpus = Datasets.textCorpus(options.dataDirectory("corpus"), options.scale());
        List<BenchQuery> queries = new ArrayList<>();
        if (options.selects("sql")) {
            queries.add(BenchQuery.sql("sql",
                    "SELECT word, count(*) AS n FROM (SELECT explode(split(value, ' ')) AS word FROM corpus) words "
                            + "GROUP BY word ORDER BY n DESC, word LIMIT " + TOP,
                    "SELECT word, count(*) AS n FROM (SELECT unnest(string_split(value, ' ')) AS word FROM corpus) words "
                            + "GROUP BY word ORDER BY n DESC, word LIMIT " + TOP));
        }
        if (options.selects("dataframe")) {
            queries.add(BenchQuery.program("dataframe", WordCountProgram.class, corpus.toString()));
        }
        if (options.selects("rdd")) {
            queries.add(BenchQuery.program("rdd", RddWordCountProgram.class, corpus.toString()));
        }
        return new Workload("Word count over " + corpus.getFileName() + " (scale " + options.scaleName() + ")",
                Map.of(Dialect.SPARK, "CREATE OR REPLACE TEMPORARY VIEW corpus USING text OPTIONS (path '" + corpus + "')",
                        // Lines whole: no quoting, and a delimiter the corpus never holds.
                        Dialect.DUCKDB, "CREATE OR REPLACE VIEW corpus AS SELECT * FROM read_csv('" + corpus + "', columns = {'value': 'VARCHAR'}, "
                                + "header = false, delim = '\\t', quote = '', escape = '', auto_detect = false)"),
                queries);
    }

    /** Whether each engine's versions (SQL, DataFrames, RDDs) gave the same answer, as they should. */
    @Override
    public List<String> notes(Workload workload, List<EngineRun> results) {
        List<String> notes = new ArrayList<>();
        for (EngineRun run : results) {
            List<String> versions = run.queries().entrySet().stream().filter(query -> query.getValue().answered()).map(Map.Entry::getKey).toList();
            if (versions.size() > 1) {
                boolean same = run.queries().values().stream().filter(EngineRun.Query::answered).map(EngineRun.Query::digest).distinct().count() == 1;
                notes.add(run.engine() + ", heap " + run.heap() + ": " + String.join(", ", versions)
                        + (same ? " give the same answer" : " give DIFFERENT answers"));
            }
        }
        return notes;
    }
}
