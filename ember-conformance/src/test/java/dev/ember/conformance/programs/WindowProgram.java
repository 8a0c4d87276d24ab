package dev.ember.conformance.programs;

import static dev.ember.sql.functions.avg;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.dense_rank;
import static dev.ember.sql.functions.lag;
import static dev.ember.sql.functions.lead;
import static dev.ember.sql.functions.ntile;
import static dev.ember.sql.functions.rank;
import static dev.ember.sql.functions.row_number;
import static dev.ember.sql.functions.sum;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import dev.ember.sql.expressions.Window;
import dev.ember.sql.expressions.WindowSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** Window functions through the API: ranking, lag/lead with defaults, running and framed aggregates. */
public final class WindowProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> people = Fixtures.people(spark);
        org.apache.spark.sql.expressions.WindowSpec byCity = org.apache.spark.sql.expressions.Window.partitionBy("city")
                .orderBy(functions.col("age").desc(), functions.col("id"));
        org.apache.spark.sql.expressions.WindowSpec running = org.apache.spark.sql.expressions.Window.orderBy("id")
                .rowsBetween(org.apache.spark.sql.expressions.Window.unboundedPreceding(), org.apache.spark.sql.expressions.Window.currentRow());
        return people
                .withColumn("rn", functions.row_number().over(byCity))
                .withColumn("r", functions.rank().over(byCity))
                .withColumn("dr", functions.dense_rank().over(byCity))
                .withColumn("tile", functions.ntile(2).over(byCity))
                .withColumn("prev_age", functions.lag(functions.col("age"), 1, -1).over(byCity))
                .withColumn("next_name", functions.lead("name", 1).over(byCity))
                .withColumn("running_ids", functions.sum("id").over(running))
                .withColumn("city_avg", functions.avg("age").over(org.apache.spark.sql.expressions.Window.partitionBy("city")))
                .withColumn("moving", functions.sum("age").over(org.apache.spark.sql.expressions.Window.orderBy("id").rowsBetween(-1, 1)))
                .select("id", "city", "rn", "r", "dr", "tile", "prev_age", "next_name", "running_ids", "city_avg", "moving");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame people = Fixtures.people(ember);
        WindowSpec byCity = Window.partitionBy("city").orderBy(col("age").desc(), col("id"));
        WindowSpec running = Window.orderBy("id").rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        return people
                .withColumn("rn", row_number().over(byCity))
                .withColumn("r", rank().over(byCity))
                .withColumn("dr", dense_rank().over(byCity))
                .withColumn("tile", ntile(2).over(byCity))
                .withColumn("prev_age", lag(col("age"), 1, -1).over(byCity))
                .withColumn("next_name", lead("name", 1).over(byCity))
                .withColumn("running_ids", sum("id").over(running))
                .withColumn("city_avg", avg("age").over(Window.partitionBy("city")))
                .withColumn("moving", sum("age").over(Window.orderBy("id").rowsBetween(-1, 1)))
                .select("id", "city", "rn", "r", "dr", "tile", "prev_age", "next_name", "running_ids", "city_avg", "moving");
    }
}
