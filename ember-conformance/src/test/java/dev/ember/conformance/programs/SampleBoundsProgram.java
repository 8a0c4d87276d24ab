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

/** The deterministic edges of sampling: fraction 1 keeps every row, 0 none; a split with weights (0, 1) puts all rows in the second part. */
public final class SampleBoundsProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> people = Fixtures.people(spark).select("id", "name");
        Dataset<Row>[] split = people.randomSplit(new double[] {0, 2}, 11);
        return people.sample(1.0, 3).union(people.sample(0.0, 3)).union(split[0]).union(split[1]);
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame people = Fixtures.people(ember).select("id", "name");
        DataFrame[] split = people.randomSplit(new double[] {0, 2}, 11);
        return people.sample(1.0, 3).union(people.sample(0.0, 3)).union(split[0]).union(split[1]);
    }
}
