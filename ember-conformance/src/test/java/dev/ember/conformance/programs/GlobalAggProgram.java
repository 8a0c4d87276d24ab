package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** agg without grouping, and count() as an action turned back into a frame. */
public final class GlobalAggProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> people = Fixtures.people(spark);
        long adults = people.filter("age >= 30").count();
        return people.agg(functions.count("*"), functions.countDistinct(functions.col("city"), functions.col("age")),
                        functions.min("age"), functions.max("city"), functions.sum(functions.col("id").multiply(2)), functions.avg("age"))
                .withColumn("adults", functions.lit(adults));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame people = Fixtures.people(ember);
        long adults = people.filter("age >= 30").count();
        return people.agg(count("*"), countDistinct(col("city"), col("age")),
                        min("age"), max("city"), sum(col("id").multiply(2)), avg("age"))
                .withColumn("adults", lit(adults));
    }
}
