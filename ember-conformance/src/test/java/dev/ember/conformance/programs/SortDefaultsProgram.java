package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** sort by names and with asc/desc defaults (nulls first ascending, last descending), and the other two placements. */
public final class SortDefaultsProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> people = Fixtures.people(spark);
        return people.sort(functions.desc("city"), functions.col("age").asc_nulls_first(), functions.asc("id"))
                .select("city", "age", "id")
                .sort(functions.col("city").desc_nulls_last(), functions.col("age").desc(), functions.col("id").desc())
                .sort("city", "age", "id");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame people = Fixtures.people(ember);
        return people.sort(desc("city"), col("age").asc_nulls_first(), asc("id"))
                .select("city", "age", "id")
                .sort(col("city").desc_nulls_last(), col("age").desc(), col("id").desc())
                .sort("city", "age", "id");
    }

    @Override
    public boolean ordered() {
        return true;
    }
}
