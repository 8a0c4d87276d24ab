package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** withColumn adding and replacing (in place), withColumnRenamed, drop of present and absent names. */
public final class WithColumnProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        return Fixtures.people(spark)
                .withColumn("age", functions.col("age").plus(1))
                .withColumn("adult", functions.col("age").geq(30))
                .withColumn("label", functions.concat(functions.col("name"), functions.lit("@"), functions.col("city")))
                .withColumnRenamed("name", "first_name")
                .withColumnRenamed("no_such_column", "ignored")
                .drop("city", "no_such_column");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        return Fixtures.people(ember)
                .withColumn("age", col("age").plus(1))
                .withColumn("adult", col("age").geq(30))
                .withColumn("label", concat(col("name"), lit("@"), col("city")))
                .withColumnRenamed("name", "first_name")
                .withColumnRenamed("no_such_column", "ignored")
                .drop("city", "no_such_column");
    }
}
