package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Ember writes Parquet with struct, map and array-of-struct columns (Spark runs first, so its half
 * has Ember write the file); both engines read it, also a nested field through SQL.
 */
public final class ParquetNestedWrittenByEmberProgram implements DataFrameProgram {
    private final Path directory = ParquetFixtures.newDirectory("ember-nested").resolve("data");

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        try (EmberSession writer = EmberSession.builder().master("local[2]").getOrCreate()) {
            writer.sql(ParquetFixtures.NESTED_ROWS).write().option("parquet.block.size", "8192").parquet(directory.toString());
        }
        Dataset<Row> all = spark.read().parquet(directory.toString());
        Dataset<Row> fields = spark.sql("SELECT id, s.b, deep.inner.n, m['k3'] AS k3 FROM parquet.`" + directory + "`");
        return all.join(fields, "id");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame all = ember.read().parquet(directory.toString());
        DataFrame fields = ember.sql("SELECT id, s.b, deep.inner.n, m['k3'] AS k3 FROM parquet.`" + directory + "`");
        return all.join(fields, "id");
    }
}
