package dev.ember.conformance.programs;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.lit;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Spark writes Parquet (INT96 timestamps, its default; small row groups, so there are several);
 * both engines read the files: whole, a few columns, and filtered (Ember skips row groups by statistics).
 */
public final class ParquetWrittenBySparkProgram implements DataFrameProgram {
    private final Path directory = ParquetFixtures.newDirectory("spark-written");

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        spark.sql(ParquetFixtures.ROWS).repartition(2).write().mode("overwrite").option("parquet.block.size", "8192")
                .parquet(directory.toString());
        Dataset<Row> all = spark.read().parquet(directory.toString()).withColumn("part", functions.lit("all"));
        Dataset<Row> filtered = spark.read().parquet(directory.toString()).filter("id >= 2900 AND s IS NOT NULL")
                .withColumn("part", functions.lit("filtered"));
        Dataset<Row> columns = spark.read().parquet(directory.toString()).select("ts", "id").filter("ts < DATE '2024-02-05'");
        return all.unionByName(filtered).join(columns.withColumnRenamed("id", "early_id"), functions.col("id").equalTo(functions.col("early_id")), "left");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame all = ember.read().parquet(directory.toString()).withColumn("part", lit("all"));
        DataFrame filtered = ember.read().parquet(directory.toString()).filter("id >= 2900 AND s IS NOT NULL")
                .withColumn("part", lit("filtered"));
        DataFrame columns = ember.read().parquet(directory.toString()).select("ts", "id").filter("ts < DATE '2024-02-05'");
        return all.unionByName(filtered).join(columns.withColumnRenamed("id", "early_id"), col("id").equalTo(col("early_id")), "left");
    }
}
