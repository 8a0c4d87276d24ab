package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** when(..).when(..).otherwise(..), when without otherwise (NULL), mixed value types, and the names Spark gives them. */
public final class WhenOtherwiseProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        return Fixtures.people(spark).select(functions.col("id"),
                functions.when(functions.col("age").lt(30), "young").when(functions.col("age").lt(50), "middle").otherwise("old"),
                functions.when(functions.col("city").isNull(), 0).alias("no_city"),
                functions.when(functions.col("age").gt(40), functions.col("age")).otherwise(functions.col("id").multiply(-1L)).alias("mixed"));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        return Fixtures.people(ember).select(col("id"),
                when(col("age").lt(30), "young").when(col("age").lt(50), "middle").otherwise("old"),
                when(col("city").isNull(), 0).alias("no_city"),
                when(col("age").gt(40), col("age")).otherwise(col("id").multiply(-1L)).alias("mixed"));
    }
}
