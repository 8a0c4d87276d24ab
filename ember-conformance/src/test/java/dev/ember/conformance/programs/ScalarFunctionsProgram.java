package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Math, string and conditional functions of the DataFrame API: values and the names Spark gives the columns. */
public final class ScalarFunctionsProgram implements DataFrameProgram {
    private static final String DATA = "SELECT * FROM VALUES ('xxaxx', -2.567D, 7), ('b-c', NULL, -3), (NULL, 10.5D, NULL) AS t(s, d, i)";

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> t = spark.sql(DATA);
        return t.select(
                org.apache.spark.sql.functions.abs(t.col("d")),
                org.apache.spark.sql.functions.round(t.col("d"), 1),
                org.apache.spark.sql.functions.bround(t.col("d"), -1),
                org.apache.spark.sql.functions.floor(t.col("d")),
                org.apache.spark.sql.functions.sqrt(t.col("i")),
                org.apache.spark.sql.functions.pmod(t.col("i"), org.apache.spark.sql.functions.lit(4)),
                org.apache.spark.sql.functions.greatest(t.col("d"), t.col("i")),
                org.apache.spark.sql.functions.nvl(t.col("i"), org.apache.spark.sql.functions.lit(0)),
                org.apache.spark.sql.functions.trim(t.col("s"), "x"),
                org.apache.spark.sql.functions.lpad(t.col("s"), 7, "*"),
                org.apache.spark.sql.functions.regexp_replace(t.col("s"), "[a-c]", "#"),
                org.apache.spark.sql.functions.regexp_extract(t.col("s"), "(\\w)-(\\w)", 2),
                org.apache.spark.sql.functions.locate("a", t.col("s")),
                org.apache.spark.sql.functions.translate(t.col("s"), "x", "y"));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame t = ember.sql(DATA);
        return t.select(
                dev.ember.sql.functions.abs(t.col("d")),
                dev.ember.sql.functions.round(t.col("d"), 1),
                dev.ember.sql.functions.bround(t.col("d"), -1),
                dev.ember.sql.functions.floor(t.col("d")),
                dev.ember.sql.functions.sqrt(t.col("i")),
                dev.ember.sql.functions.pmod(t.col("i"), dev.ember.sql.functions.lit(4)),
                dev.ember.sql.functions.greatest(t.col("d"), t.col("i")),
                dev.ember.sql.functions.nvl(t.col("i"), dev.ember.sql.functions.lit(0)),
                dev.ember.sql.functions.trim(t.col("s"), "x"),
                dev.ember.sql.functions.lpad(t.col("s"), 7, "*"),
                dev.ember.sql.functions.regexp_replace(t.col("s"), "[a-c]", "#"),
                dev.ember.sql.functions.regexp_extract(t.col("s"), "(\\w)-(\\w)", 2),
                dev.ember.sql.functions.locate("a", t.col("s")),
                dev.ember.sql.functions.translate(t.col("s"), "x", "y"));
    }
}
