package dev.ember.conformance;

import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One DataFrame-program case: the same program written twice, once against Spark's API and once
 * against Ember's. The two bodies should read alike line for line; that is what the case shows.
 * Put implementations (public, with a no-argument constructor) in the
 * {@code dev.ember.conformance.programs} package: they are found there by scanning.
 *
 * <p>Both methods build the result and may run actions on the way; the harness collects the
 * returned frame. Exceptions thrown by either method count as that engine's failure. Files are
 * read from {@link #data(String)}.
 */
public interface DataFrameProgram {
    Dataset<Row> spark(SparkSession spark);

    DataFrame ember(EmberSession ember);

    /** Whether rows are compared in order (the program sorts its result); otherwise as multisets. */
    default boolean ordered() {
        return false;
    }

    /** The absolute path of a file in {@code src/test/resources/data}. */
    static String data(String fileName) {
        return Sessions.dataDirectory().resolve(fileName).toString();
    }
}
