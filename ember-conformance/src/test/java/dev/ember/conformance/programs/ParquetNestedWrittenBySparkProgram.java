package dev.ember.conformance.programs;

import static dev.ember.sql.functions.col;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Spark writes Parquet with struct, map and array-of-struct columns (small row groups); both engines
 * read them whole and through field access, map lookup and explode.
 */
public final class ParquetNestedWrittenBySparkProgram implements DataFrameProgram {
    private final Path directory = ParquetFixtures.newDirectory("spark-nested");

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        spark.sql(ParquetFixtures.NESTED_ROWS).repartition(2).write().mode("overwrite").option("parquet.block.size", "8192")
                .parquet(directory.toString());
        Dataset<Row> all = spark.read().parquet(directory.toString());
        Dataset<Row> parts = all.selectExpr("id", "s.a", "s.b", "m['z'] AS z", "size(m) AS entries", "deep.inner.m", "structs[0].ys AS ys");
        Dataset<Row> exploded = all.filter("id < 50").selectExpr("id", "explode(m)").groupBy("key").count();
        return all.join(parts, "id").crossJoin(exploded.filter(functions.col("key").equalTo("z")));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame all = ember.read().parquet(directory.toString());
        DataFrame parts = all.selectExpr("id", "s.a", "s.b", "m['z'] AS z", "size(m) AS entries", "deep.inner.m", "structs[0].ys AS ys");
        DataFrame exploded = all.filter("id < 50").selectExpr("id", "explode(m)").groupBy("key").count();
        return all.join(parts, "id").crossJoin(exploded.filter(col("key").equalTo("z")));
    }
}
