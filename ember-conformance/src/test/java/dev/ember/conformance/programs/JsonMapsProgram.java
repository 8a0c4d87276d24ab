package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Map columns in JSON: each engine writes the same maps (a NULL value, an empty map, a NULL map),
 * the written lines are compared as text, and each engine reads its own file back with a map schema.
 */
public final class JsonMapsProgram implements DataFrameProgram {
    private static final String ROWS = """
            SELECT id, map('a', id, 'b', CASE WHEN id = 2 THEN NULL ELSE id * 2 END) AS m,
                   CASE WHEN id = 1 THEN NULL ELSE map() END AS e,
                   map('x', named_struct('n', id)) AS nested
            FROM range(3)""";
    private static final String SCHEMA = "id BIGINT, m MAP<STRING, BIGINT>, e MAP<STRING, INT>, nested MAP<STRING, STRUCT<n: BIGINT>>";
    /** The maps read back, as text. */
    private static final String PARSED =
            "concat_ws('|', CAST(id AS STRING), CAST(m AS STRING), CAST(e AS STRING), CAST(nested AS STRING)) AS parsed";
    private final String directory = JsonFixtures.newDirectory();

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        String path = JsonFixtures.under(directory, "spark");
        spark.sql(ROWS).coalesce(1).write().json(path);
        return spark.read().text(path).crossJoin(spark.read().schema(SCHEMA).json(path).selectExpr(PARSED));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        String path = JsonFixtures.under(directory, "ember");
        ember.sql(ROWS).coalesce(1).write().json(path);
        return ember.read().text(path).crossJoin(ember.read().schema(SCHEMA).json(path).selectExpr(PARSED));
    }
}
