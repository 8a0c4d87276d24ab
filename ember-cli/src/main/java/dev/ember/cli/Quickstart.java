package dev.ember.cli;

import static dev.ember.sql.functions.avg;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.explode;
import static dev.ember.sql.functions.lower;
import static dev.ember.sql.functions.split;

import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ember quickstart}: the main job on the embedded default. Writes a small sample data set
 * into a scratch directory, then reads, filters, aggregates, joins and writes it, counts words and
 * runs a SQL query, printing each result.
 */
public final class Quickstart {
    private Quickstart() {
    }

    /** Runs the quickstart in {@code workDir}, printing its narrative to {@code out}. */
    public static void run(Path workDir, PrintStream out) throws IOException {
        Path data = Files.createDirectories(workDir.resolve("data"));
        Files.write(data.resolve("people.csv"), List.of("id,name,age,city",
                "1,Ada,36,London", "2,Grace,45,New York", "3,Linus,28,Helsinki", "4,Margaret,33,Boston",
                "5,Edsger,41,Amsterdam", "6,Barbara,,Boston", "7,Ken,52,New York", "8,Frances,24,London"));
        Files.write(data.resolve("orders.csv"), List.of("order_id,person_id,amount",
                "100,1,12.50", "101,2,99.00", "102,2,5.25", "103,4,42.00", "104,7,18.75", "105,7,7.25", "106,9,3.00"));
        Files.write(data.resolve("book.txt"), List.of("the quick brown fox jumps over the lazy dog",
                "The dog sleeps and the fox runs", "a fox a dog and the end"));

        try (EmberSession ember = EmberSession.builder().appName("quickstart").master("local[*]").getOrCreate()) {
            DataFrame people = ember.read().option("header", "true").option("inferSchema", "true")
                    .csv(data.resolve("people.csv").toString());
            DataFrame orders = ember.read().option("header", "true").option("inferSchema", "true")
                    .csv(data.resolve("orders.csv").toString());

            out.println("People over 30, average age per city:");
            out.println(people.filter(col("age").gt(30)).groupBy("city").agg(avg(col("age")).alias("avg_age"), count("*").alias("people"))
                    .orderBy(col("people").desc(), col("city").asc()).showString(20, 20));

            DataFrame spending = people.join(orders, people.col("id").equalTo(orders.col("person_id")))
                    .groupBy("name").agg(dev.ember.sql.functions.sum(col("amount")).alias("total"))
                    .orderBy(col("total").desc());
            out.println("Spending per person (join + aggregate):");
            out.println(spending.showString(20, 20));
            Path output = workDir.resolve("out").resolve("spending");
            spending.write().mode("overwrite").option("header", "true").csv(output.toString());
            out.println("Wrote " + output + " (CSV, with _SUCCESS)\n");

            out.println("Word count of book.txt, top 5:");
            out.println(ember.read().text(data.resolve("book.txt").toString())
                    .select(explode(split(lower(col("value")), " ")).alias("word"))
                    .groupBy("word").count().orderBy(col("count").desc(), col("word").asc()).showString(5, 20));

            people.createOrReplaceTempView("people");
            out.println("SQL: SELECT city, count(*) AS n, max(age) FROM people GROUP BY city HAVING count(*) > 1 ORDER BY n DESC, city");
            out.println(ember.sql("SELECT city, count(*) AS n, max(age) FROM people GROUP BY city HAVING count(*) > 1 ORDER BY n DESC, city")
                    .showString(20, 20));
        }
        // Single quotes: in double quotes the shell would run the back-quoted path as a command.
        out.println("Next: ./ember sql -e 'SELECT * FROM csv.`" + data.resolve("people.csv") + "`'   |   ./ember --help");
    }
}
