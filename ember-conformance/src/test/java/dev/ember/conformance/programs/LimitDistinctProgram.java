package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** distinct, limit after a total sort, and limit under an aggregate. */
public final class LimitDistinctProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> people = Fixtures.people(spark);
        Dataset<Row> cities = people.select("city").distinct().withColumn("n", functions.lit(0L));
        Dataset<Row> firstFive = people.orderBy(functions.col("age").desc(), functions.col("id")).limit(5).select("city", "id");
        Dataset<Row> limitedCount = people.limit(7).groupBy().count().withColumn("city", functions.lit("limited")).select("city", "count");
        return cities.union(firstFive.selectExpr("city", "CAST(id AS BIGINT)")).union(limitedCount);
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame people = Fixtures.people(ember);
        DataFrame cities = people.select("city").distinct().withColumn("n", lit(0L));
        DataFrame firstFive = people.orderBy(col("age").desc(), col("id")).limit(5).select("city", "id");
        DataFrame limitedCount = people.limit(7).groupBy().count().withColumn("city", lit("limited")).select("city", "count");
        return cities.union(firstFive.selectExpr("city", "CAST(id AS BIGINT)")).union(limitedCount);
    }
}
