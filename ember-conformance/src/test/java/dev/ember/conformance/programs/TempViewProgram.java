package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** createOrReplaceTempView, table() and SQL over views made from frames. */
public final class TempViewProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Fixtures.people(spark).createOrReplaceTempView("program_people");
        Fixtures.orders(spark).filter("status = 'shipped'").createOrReplaceTempView("program_orders");
        Dataset<Row> spend = spark.sql("SELECT customer_id, sum(amount) AS spent FROM program_orders GROUP BY customer_id");
        spend.createOrReplaceTempView("program_spend");
        return spark.table("program_people").join(spark.table("program_spend"), functions.col("id").equalTo(functions.col("customer_id")))
                .select("name", "spent");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        Fixtures.people(ember).createOrReplaceTempView("program_people");
        Fixtures.orders(ember).filter("status = 'shipped'").createOrReplaceTempView("program_orders");
        DataFrame spend = ember.sql("SELECT customer_id, sum(amount) AS spent FROM program_orders GROUP BY customer_id");
        spend.createOrReplaceTempView("program_spend");
        return ember.table("program_people").join(ember.table("program_spend"), col("id").equalTo(col("customer_id")))
                .select("name", "spent");
    }
}
