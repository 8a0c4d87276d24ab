package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** A cached frame gives the same answers before and after it is computed, to frames built on it, and after unpersist. */
public final class CacheProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> adults = Fixtures.people(spark).filter("age >= 30").cache();
        long before = adults.count();
        Dataset<Row> byCity = adults.groupBy("city").count().persist();
        Dataset<Row> joined = byCity.join(adults.select("city", "name"), "city").withColumn("before", functions.lit(before));
        Dataset<Row> result = joined.union(joined.filter("count > 1"));
        adults.unpersist();
        byCity.unpersist();
        return result.union(byCity.join(adults.select("city", "name"), "city").withColumn("before", functions.lit(adults.count())));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame adults = Fixtures.people(ember).filter("age >= 30").cache();
        long before = adults.count();
        DataFrame byCity = adults.groupBy("city").count().persist();
        DataFrame joined = byCity.join(adults.select("city", "name"), "city").withColumn("before", lit(before));
        DataFrame result = joined.union(joined.filter("count > 1"));
        adults.unpersist();
        byCity.unpersist();
        return result.union(byCity.join(adults.select("city", "name"), "city").withColumn("before", lit(adults.count())));
    }
}
