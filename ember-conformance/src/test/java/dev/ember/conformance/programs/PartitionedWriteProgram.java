package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code partitionBy} in both directions: Ember and Spark each write the same rows as Parquet and
 * as CSV partitioned by a string and an integer column (with nulls and a value that needs
 * escaping); both engines read every copy back, partition columns discovered from the directories,
 * and filter on them. Spark runs first, so its half writes both engines' copies.
 */
public final class PartitionedWriteProgram implements DataFrameProgram {
    private static final String ROWS = """
            SELECT id, concat('item ', CAST(id AS string)) AS name, CAST(id AS double) / 4 AS price,
                   CASE WHEN id % 7 = 0 THEN NULL WHEN id % 3 = 0 THEN 'north/east' ELSE 'south' END AS region,
                   2020 + CAST(id % 3 AS int) AS year
            FROM range(0, 60)""";
    private static final String[] FORMATS = {"parquet", "csv"};
    private final Path directory = ParquetFixtures.newDirectory("partitioned");

    private String copy(String writer, String format) {
        return directory.resolve(writer + "-" + format).toString();
    }

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        try (EmberSession ember = EmberSession.builder().master("local[2]").getOrCreate()) {
            for (String format : FORMATS) {
                ember.sql(ROWS).write().partitionBy("region", "year").option("header", "true").format(format).save(copy("ember", format));
            }
        }
        for (String format : FORMATS) {
            spark.sql(ROWS).write().partitionBy("region", "year").option("header", "true").format(format).save(copy("spark", format));
        }
        Dataset<Row> result = null;
        for (String writer : new String[] {"ember", "spark"}) {
            for (String format : FORMATS) {
                Dataset<Row> copy = spark.read().option("header", "true").option("inferSchema", "true").format(format)
                        .load(copy(writer, format)).where("year >= 2021 OR region IS NULL")
                        .selectExpr("'" + writer + "' AS writer", "'" + format + "' AS format", "*");
                result = result == null ? copy : result.unionByName(copy);
            }
        }
        return result;
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame result = null;
        for (String writer : new String[] {"ember", "spark"}) {
            for (String format : FORMATS) {
                DataFrame copy = ember.read().option("header", "true").option("inferSchema", "true").format(format)
                        .load(copy(writer, format)).where("year >= 2021 OR region IS NULL")
                        .selectExpr("'" + writer + "' AS writer", "'" + format + "' AS format", "*");
                result = result == null ? copy : result.unionByName(copy);
            }
        }
        return result;
    }
}
