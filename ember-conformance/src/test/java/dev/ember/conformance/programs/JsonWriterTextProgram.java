package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The JSON writer's text: each engine writes the same rows (every type, nulls left out, NaN and
 * infinities, escapes, base64, nested values), plainly and gzip-compressed, and the lines it wrote
 * are compared, read back as text.
 */
public final class JsonWriterTextProgram implements DataFrameProgram {
    private final String directory = JsonFixtures.newDirectory();

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        String plain = JsonFixtures.under(directory, "spark");
        String gzip = JsonFixtures.under(directory, "spark-gz");
        JsonFixtures.values(spark).write().json(plain);
        JsonFixtures.values(spark).write().option("compression", "gzip").json(gzip);
        return spark.read().text(plain).union(spark.read().text(gzip));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        String plain = JsonFixtures.under(directory, "ember");
        String gzip = JsonFixtures.under(directory, "ember-gz");
        JsonFixtures.values(ember).write().json(plain);
        JsonFixtures.values(ember).write().option("compression", "gzip").json(gzip);
        return ember.read().text(plain).union(ember.read().text(gzip));
    }
}
