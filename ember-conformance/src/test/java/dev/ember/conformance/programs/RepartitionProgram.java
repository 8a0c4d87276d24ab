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

/** repartition (round-robin and by columns) and coalesce change partitioning, not answers. */
public final class RepartitionProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> people = Fixtures.people(spark);
        Dataset<Row> spread = people.repartition(3).groupBy("city").agg(functions.count("*"), functions.sum("age"));
        Dataset<Row> byCity = people.repartition(4, functions.col("city")).groupBy("city").agg(functions.count("*"), functions.sum("age"));
        Dataset<Row> merged = people.repartition(5).coalesce(2).coalesce(7).groupBy("city").agg(functions.count("*"), functions.sum("age"));
        return spread.union(byCity).union(merged).union(people.coalesce(1).groupBy("city").agg(functions.count("*"), functions.sum("age")));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame people = Fixtures.people(ember);
        DataFrame spread = people.repartition(3).groupBy("city").agg(count("*"), sum("age"));
        DataFrame byCity = people.repartition(4, col("city")).groupBy("city").agg(count("*"), sum("age"));
        DataFrame merged = people.repartition(5).coalesce(2).coalesce(7).groupBy("city").agg(count("*"), sum("age"));
        return spread.union(byCity).union(merged).union(people.coalesce(1).groupBy("city").agg(count("*"), sum("age")));
    }
}
