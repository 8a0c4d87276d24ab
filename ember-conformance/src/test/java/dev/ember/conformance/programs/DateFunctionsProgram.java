package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Date functions of the DataFrame API over dates, text and NULLs: values and the names Spark gives the columns. */
public final class DateFunctionsProgram implements DataFrameProgram {
    private static final String DATA = "SELECT * FROM VALUES (DATE '2024-01-31', '2024-03-15', '15/03/2024', 3),"
            + " (DATE '2023-12-31', '2024-02-29', '29/02/2024', -1), (CAST(NULL AS DATE), NULL, NULL, NULL) AS t(d, s, f, n)";

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> t = spark.sql(DATA);
        return t.select(
                org.apache.spark.sql.functions.to_date(t.col("s")),
                org.apache.spark.sql.functions.to_date(t.col("f"), "dd/MM/yyyy"),
                org.apache.spark.sql.functions.date_add(t.col("d"), 30),
                org.apache.spark.sql.functions.date_add(t.col("d"), t.col("n")),
                org.apache.spark.sql.functions.date_sub(t.col("d"), 1),
                org.apache.spark.sql.functions.datediff(org.apache.spark.sql.functions.lit("2024-06-01"), t.col("d")),
                org.apache.spark.sql.functions.add_months(t.col("d"), 1),
                org.apache.spark.sql.functions.months_between(org.apache.spark.sql.functions.lit("2024-06-15"), t.col("d")),
                org.apache.spark.sql.functions.last_day(t.col("d")),
                org.apache.spark.sql.functions.date_format(t.col("d"), "yyyy/MM/dd EEE"),
                org.apache.spark.sql.functions.year(t.col("d")),
                org.apache.spark.sql.functions.quarter(t.col("d")),
                org.apache.spark.sql.functions.month(t.col("d")),
                org.apache.spark.sql.functions.dayofmonth(t.col("d")),
                org.apache.spark.sql.functions.dayofweek(t.col("d")),
                org.apache.spark.sql.functions.dayofyear(t.col("d")),
                org.apache.spark.sql.functions.weekofyear(t.col("d")),
                org.apache.spark.sql.functions.current_date().isNotNull(),
                org.apache.spark.sql.functions.substring_index(t.col("s"), "-", 2),
                org.apache.spark.sql.functions.array(t.col("n"), org.apache.spark.sql.functions.lit(0)));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame t = ember.sql(DATA);
        return t.select(
                dev.ember.sql.functions.to_date(t.col("s")),
                dev.ember.sql.functions.to_date(t.col("f"), "dd/MM/yyyy"),
                dev.ember.sql.functions.date_add(t.col("d"), 30),
                dev.ember.sql.functions.date_add(t.col("d"), t.col("n")),
                dev.ember.sql.functions.date_sub(t.col("d"), 1),
                dev.ember.sql.functions.datediff(dev.ember.sql.functions.lit("2024-06-01"), t.col("d")),
                dev.ember.sql.functions.add_months(t.col("d"), 1),
                dev.ember.sql.functions.months_between(dev.ember.sql.functions.lit("2024-06-15"), t.col("d")),
                dev.ember.sql.functions.last_day(t.col("d")),
                dev.ember.sql.functions.date_format(t.col("d"), "yyyy/MM/dd EEE"),
                dev.ember.sql.functions.year(t.col("d")),
                dev.ember.sql.functions.quarter(t.col("d")),
                dev.ember.sql.functions.month(t.col("d")),
                dev.ember.sql.functions.dayofmonth(t.col("d")),
                dev.ember.sql.functions.dayofweek(t.col("d")),
                dev.ember.sql.functions.dayofyear(t.col("d")),
                dev.ember.sql.functions.weekofyear(t.col("d")),
                dev.ember.sql.functions.current_date().isNotNull(),
                dev.ember.sql.functions.substring_index(t.col("s"), "-", 2),
                dev.ember.sql.functions.array(t.col("n"), dev.ember.sql.functions.lit(0)));
    }
}
