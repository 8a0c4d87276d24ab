package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Ember writes Parquet with each codec (Spark runs first, so its half has Ember write the files);
 * both engines read every copy, also through SQL: {@code parquet.`path`} and a view {@code USING parquet}.
 */
public final class ParquetWrittenByEmberProgram implements DataFrameProgram {
    private static final String[] CODECS = {"snappy", "zstd", "gzip", "none"};
    private final Path directory = ParquetFixtures.newDirectory("ember-written");

    private String copy(String codec) {
        return directory.resolve(codec).toString();
    }

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        try (EmberSession writer = EmberSession.builder().master("local[2]").getOrCreate()) {
            for (String codec : CODECS) {
                writer.sql(ParquetFixtures.ROWS).write().option("compression", codec).option("parquet.block.size", "8192").parquet(copy(codec));
            }
        }
        Dataset<Row> result = null;
        for (String codec : CODECS) {
            Dataset<Row> copy = spark.read().parquet(copy(codec)).withColumn("codec", functions.lit(codec));
            result = result == null ? copy : result.unionByName(copy);
        }
        spark.sql("CREATE OR REPLACE TEMPORARY VIEW ember_zstd USING parquet OPTIONS (path '" + copy("zstd") + "')");
        Dataset<Row> bySql = spark.sql("SELECT v.*, 'view' AS codec FROM ember_zstd v WHERE v.id IN (SELECT id FROM parquet.`"
                + copy("gzip") + "` WHERE id < 10 OR id > 2990)");
        return result.unionByName(bySql);
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame result = null;
        for (String codec : CODECS) {
            DataFrame copy = ember.read().parquet(copy(codec)).withColumn("codec", dev.ember.sql.functions.lit(codec));
            result = result == null ? copy : result.unionByName(copy);
        }
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW ember_zstd USING parquet OPTIONS (path '" + copy("zstd") + "')");
        DataFrame bySql = ember.sql("SELECT v.*, 'view' AS codec FROM ember_zstd v WHERE v.id IN (SELECT id FROM parquet.`"
                + copy("gzip") + "` WHERE id < 10 OR id > 2990)");
        return result.unionByName(bySql);
    }
}
