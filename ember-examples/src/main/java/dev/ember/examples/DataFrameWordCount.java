package dev.ember.examples;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.concat;
import static dev.ember.sql.functions.explode;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.split;

import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.io.PrintWriter;
import java.util.List;

/**
 * Word count with DataFrames: the same input, words and output as {@code wordcount}, by
 * split/explode/groupBy instead of RDD functions.
 */
public final class DataFrameWordCount implements Example {
    @Override
    public String name() {
        return "wordcount-df";
    }

    @Override
    public String usage() {
        return "INPUT [OUTPUT_DIR]";
    }

    @Override
    public String description() {
        return "word count with DataFrames: prints the 20 most frequent words, writes every count to OUTPUT_DIR";
    }

    @Override
    public void run(EmberSession ember, List<String> args, PrintWriter out) {
        String input = Arguments.required(args, 0, "INPUT");
        DataFrame counts = ember.read().text(input)
                .select(explode(split(col("value"), "\\s+")).as("word"))
                .filter(col("word").notEqual(""))
                .groupBy("word").count();
        for (Row row : counts.orderBy(col("count").desc(), col("word")).limit(WordCount.TOP).collectAsList()) {
            out.println(row.getString(0) + ": " + row.getLong(1));
        }
        if (args.size() > 1) {
            counts.select(concat(col("word"), lit(": "), col("count")))
                    .write().text(args.get(1));
        }
    }

    public static void main(String[] args) throws Exception {
        Example.main(new DataFrameWordCount(), args);
    }
}
