package dev.ember.bench.engine;

import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A workload written against the DataFrame API, once for Ember and once for Apache Spark (the same
 * calls: Ember's API is Spark's). Implementations are public classes with a no-argument
 * constructor; the benchmark child instantiates them by name.
 */
public interface DataFrameProgram {
    /** The program's result on Ember, over the data at {@code input}. */
    DataFrame onEmber(EmberSession ember, String input);

    /** The same program on Apache Spark. */
    Dataset<Row> onSpark(SparkSession spark, String input);

    /** The program {@code className} names. */
    static DataFrameProgram named(String className) {
        try {
            return (DataFrameProgram) Class.forName(className).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("no DataFrame program " + className, e);
        }
    }
}
