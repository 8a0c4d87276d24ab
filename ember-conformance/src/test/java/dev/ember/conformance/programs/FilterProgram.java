package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** filter and where, each with a Column and with SQL text; isin, like, rlike, between, null tests. */
public final class FilterProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> people = Fixtures.people(spark);
        return people.filter(functions.col("age").gt(25).or(functions.col("age").isNull()))
                .where("city <> 'Madrid' OR city IS NULL")
                .filter("name NOT LIKE 'T%'")
                .where(functions.col("id").isin(1, 2, 3, 5, 7, 10, 11, 13, 14, 17, 19).or(functions.col("name").rlike("^[A-D]")))
                .filter(functions.col("name").like("%a%").or(functions.col("id").between(1, 5)).or(functions.col("city").isNull()))
                .select("id", "name");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame people = Fixtures.people(ember);
        return people.filter(col("age").gt(25).or(col("age").isNull()))
                .where("city <> 'Madrid' OR city IS NULL")
                .filter("name NOT LIKE 'T%'")
                .where(col("id").isin(1, 2, 3, 5, 7, 10, 11, 13, 14, 17, 19).or(col("name").rlike("^[A-D]")))
                .filter(col("name").like("%a%").or(col("id").between(1, 5)).or(col("city").isNull()))
                .select("id", "name");
    }
}
