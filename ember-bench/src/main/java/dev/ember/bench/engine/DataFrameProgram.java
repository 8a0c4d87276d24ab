package dev.ember.bench.engine;

import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A program written with DataFrames: its answer is the rows of the frame it returns. */
public non-sealed interface DataFrameProgram extends Program {
    /** The program's result on Ember, over the data at {@code input}. */
    DataFrame onEmber(EmberSession ember, String input);

    /** The same program on Apache Spark. */
    Dataset<Row> onSpark(SparkSession spark, String input);
}
