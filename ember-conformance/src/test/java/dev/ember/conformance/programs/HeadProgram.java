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

/** head(n), take(n), first() of a sorted frame, turned back into a frame. */
public final class HeadProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> people = Fixtures.people(spark).orderBy(functions.col("age").desc_nulls_last(), functions.col("id")).select("id", "name", "age");
        Row[] head = (Row[]) people.head(3);
        Row[] taken = (Row[]) people.take(2);
        Row first = people.first();
        return spark.createDataFrame(List.of(head[0], head[1], head[2], taken[0], taken[1], first), people.schema());
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame people = Fixtures.people(ember).orderBy(col("age").desc_nulls_last(), col("id")).select("id", "name", "age");
        dev.ember.sql.Row[] head = people.head(3);
        dev.ember.sql.Row[] taken = people.take(2);
        dev.ember.sql.Row first = people.first();
        return ember.createDataFrame(List.of(head[0], head[1], head[2], taken[0], taken[1], first), people.schema());
    }

    @Override
    public boolean ordered() {
        return true;
    }
}
