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

/** The 20 authors with the most comments (and their total score) over the JSON-lines comments ({@link Datasets#comments}), "[deleted]" left out. */
public final class TopAuthorsSuite implements Suite {
    private static final String QUERY = "SELECT author, count(*) AS comments, sum(score) AS score FROM comments "
            + "WHERE author <> '[deleted]' GROUP BY author ORDER BY comments DESC, author LIMIT 20";

    @Override
    public String name() {
        return "topauthors";
    }

    @Override
    public String description() {
        return "top-20 authors over JSON-lines comments, scale 1 = 2M comments, ~350 MB";
    }

    @Override
    public Workload prepare(BenchOptions options) {
        Path comments = Datasets.comments(options.dataDirectory("comments"), options.scale());
        return new Workload("Top-20 authors over " + comments.getFileName() + " (scale " + options.scaleName() + ")",
                Map.of(Dialect.SPARK, "CREATE OR REPLACE TEMPORARY VIEW comments "
                                + "(author STRING, subreddit STRING, score BIGINT, created_utc BIGINT, body STRING) "
                                + "USING json OPTIONS (path '" + comments + "')",
                        Dialect.DUCKDB, "CREATE OR REPLACE VIEW comments AS SELECT * FROM read_json('" + comments + "', format = 'newline_delimited', "
                                + "columns = {author: 'VARCHAR', subreddit: 'VARCHAR', score: 'BIGINT', created_utc: 'BIGINT', body: 'VARCHAR'})"),
                List.of(BenchQuery.sql("top20", QUERY)));
    }
}
