package dev.ember.conformance.programs;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.sum;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import dev.ember.sql.expressions.Window;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** rangeBetween with value offsets: ages within five years of each person's, older people per city. */
public final class WindowRangeProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> people = Fixtures.people(spark);
        return people
                .withColumn("near", functions.count("id").over(org.apache.spark.sql.expressions.Window.orderBy("age").rangeBetween(-5, 5)))
                .withColumn("older", functions.sum("age").over(org.apache.spark.sql.expressions.Window.partitionBy("city")
                        .orderBy(functions.col("age").desc()).rangeBetween(org.apache.spark.sql.expressions.Window.unboundedPreceding(), -1)))
                .select("id", "near", "older");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame people = Fixtures.people(ember);
        return people
                .withColumn("near", count("id").over(Window.orderBy("age").rangeBetween(-5, 5)))
                .withColumn("older", sum("age").over(Window.partitionBy("city")
                        .orderBy(col("age").desc()).rangeBetween(Window.unboundedPreceding(), -1)))
                .select("id", "near", "older");
    }
}
