package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** explode_outer and posexplode_outer keep rows whose array or map is NULL or empty, with NULL elements. */
public final class ExplodeOuterProgram implements DataFrameProgram {
    private static final String DATA = "SELECT * FROM VALUES (1, array(1, 2), map('a', 1)), (2, array(), map()),"
            + " (3, CAST(NULL AS ARRAY<INT>), CAST(NULL AS MAP<STRING, INT>)) AS t(id, xs, m)";

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> t = spark.sql(DATA);
        Dataset<Row> elements = t.select(t.col("id"), org.apache.spark.sql.functions.posexplode_outer(t.col("xs")));
        Dataset<Row> entries = t.select(t.col("id"), org.apache.spark.sql.functions.explode_outer(t.col("m")));
        return elements.join(entries, "id").orderBy("id", "pos");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame t = ember.sql(DATA);
        DataFrame elements = t.select(t.col("id"), dev.ember.sql.functions.posexplode_outer(t.col("xs")));
        DataFrame entries = t.select(t.col("id"), dev.ember.sql.functions.explode_outer(t.col("m")));
        return elements.join(entries, "id").orderBy("id", "pos");
    }
}
