package dev.ember.bench.suites;

import dev.ember.bench.engine.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Word count with the DataFrame API: lines split on spaces, exploded, grouped and counted; the 100 most frequent words. */
public final class WordCountProgram implements DataFrameProgram {
    @Override
    public DataFrame onEmber(EmberSession ember, String input) {
        return ember.read().text(input)
                .select(dev.ember.sql.functions.explode(dev.ember.sql.functions.split(dev.ember.sql.functions.col("value"), " ")).as("word"))
                .groupBy("word").count()
                .orderBy(dev.ember.sql.functions.desc("count"), dev.ember.sql.functions.asc("word"))
                .limit(WordCountSuite.TOP);
    }

    @Override
    public Dataset<Row> onSpark(SparkSession spark, String input) {
        return spark.read().text(input)
                .select(org.apache.spark.sql.functions.explode(org.apache.spark.sql.functions.split(org.apache.spark.sql.functions.col("value"), " ")).as("word"))
                .groupBy("word").count()
                .orderBy(org.apache.spark.sql.functions.desc("count"), org.apache.spark.sql.functions.asc("word"))
                .limit(WordCountSuite.TOP);
    }
}
