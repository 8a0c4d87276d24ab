package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** The API has no FILTER clause of its own, but expr() and selectExpr parse SQL's, names included. */
public final class AggregateFilterExprProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        return Fixtures.people(spark)
                .groupBy("city")
                .agg(functions.expr("count(*) FILTER (WHERE age > 30)"), functions.expr("sum(age) FILTER (WHERE name < 'D')").alias("early"),
                        functions.expr("count(DISTINCT age) FILTER (WHERE id % 2 = 1)"))
                .selectExpr("*", "`count(1) FILTER (WHERE (age > 30))` * 2 AS twice");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        return Fixtures.people(ember)
                .groupBy("city")
                .agg(expr("count(*) FILTER (WHERE age > 30)"), expr("sum(age) FILTER (WHERE name < 'D')").alias("early"),
                        expr("count(DISTINCT age) FILTER (WHERE id % 2 = 1)"))
                .selectExpr("*", "`count(1) FILTER (WHERE (age > 30))` * 2 AS twice");
    }
}
