package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** range with an end, a start, a step (also negative) and a partition count. */
public final class RangeProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        return spark.range(4).withColumn("form", functions.lit("end"))
                .union(spark.range(3, 6).withColumn("form", functions.lit("start")))
                .union(spark.range(0, 20, 7).withColumn("form", functions.lit("step")))
                .union(spark.range(10, 0, -4).withColumn("form", functions.lit("negative step")))
                .union(spark.range(100, 105, 1, 3).withColumn("form", functions.lit("partitions")))
                .union(spark.range(5, 5).withColumn("form", functions.lit("empty")));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        return ember.range(4).withColumn("form", lit("end"))
                .union(ember.range(3, 6).withColumn("form", lit("start")))
                .union(ember.range(0, 20, 7).withColumn("form", lit("step")))
                .union(ember.range(10, 0, -4).withColumn("form", lit("negative step")))
                .union(ember.range(100, 105, 1, 3).withColumn("form", lit("partitions")))
                .union(ember.range(5, 5).withColumn("form", lit("empty")));
    }
}
