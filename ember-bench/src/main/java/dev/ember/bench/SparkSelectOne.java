package dev.ember.bench;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Apache Spark's side of {@link StartupBenchmark}: start a local session, run {@code SELECT 1},
 * print the result on stdout (as {@code ember sql -e "SELECT 1" --output csv} does), stop.
 *
 * <p>Run in its own JVM with Spark's module flags ({@code ${spark.jvm.flags}} of the root POM).
 */
public final class SparkSelectOne {
    private SparkSelectOne() {
    }

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder()
                .appName("spark-select-one")
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
        try {
            List<Row> rows = spark.sql("SELECT 1").collectAsList();
            System.out.println("1");
            System.out.println(rows.get(0).get(0));
            System.out.flush();
        } finally {
            spark.stop();
        }
    }
}
