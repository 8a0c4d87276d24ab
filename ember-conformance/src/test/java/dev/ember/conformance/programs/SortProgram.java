package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** orderBy with every null placement and direction; the order is total (id last). */
public final class SortProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        return Fixtures.people(spark)
                .orderBy(functions.col("city").asc_nulls_last(), functions.col("age").desc_nulls_first(), functions.col("id").asc())
                .select("city", "age", "id");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        return Fixtures.people(ember)
                .orderBy(col("city").asc_nulls_last(), col("age").desc_nulls_first(), col("id").asc())
                .select("city", "age", "id");
    }

    @Override
    public boolean ordered() {
        return true;
    }
}
