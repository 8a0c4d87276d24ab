package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** select with columns and names, selectExpr, and the names Spark gives unaliased expressions. */
public final class SelectProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> people = Fixtures.people(spark);
        return people.select(people.col("id"), functions.col("name"), functions.col("age").plus(1), functions.lit(7).alias("seven"))
                .selectExpr("id", "name", "`(age + 1)` * 2 AS doubled", "seven - id", "upper(name) AS shout")
                .select("id", "doubled", "(seven - id)", "shout")
                .filter("id < 6");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame people = Fixtures.people(ember);
        return people.select(people.col("id"), col("name"), col("age").plus(1), lit(7).alias("seven"))
                .selectExpr("id", "name", "`(age + 1)` * 2 AS doubled", "seven - id", "upper(name) AS shout")
                .select("id", "doubled", "(seven - id)", "shout")
                .filter("id < 6");
    }
}
