package dev.ember.examples;

import static dev.ember.sql.functions.col;

import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.io.PrintWriter;
import java.util.List;

/**
 * The authors with the most comments in a JSON-lines dump of comments (a Reddit dump's shape:
 * {@code author}, {@code subreddit}, {@code score}, {@code body}, ...), leaving out deleted accounts.
 */
public final class TopAuthors implements Example {
    @Override
    public String name() {
        return "topauthors";
    }

    @Override
    public String usage() {
        return "INPUT [N]";
    }

    @Override
    public String description() {
        return "the N (default 20) authors with the most comments in JSON-lines comments, without [deleted]";
    }

    @Override
    public void run(EmberSession ember, List<String> args, PrintWriter out) {
        String input = Arguments.required(args, 0, "INPUT");
        int n = args.size() > 1 ? Arguments.positiveInt(args.get(1), "N") : 20;
        List<Row> top = ember.read().json(input)
                .filter(col("author").isNotNull().and(col("author").notEqual("[deleted]")))
                .groupBy("author").count()
                .orderBy(col("count").desc(), col("author"))
                .limit(n)
                .collectAsList();
        for (Row row : top) {
            out.println(row.getString(0) + ": " + row.getLong(1));
        }
    }

    public static void main(String[] args) throws Exception {
        Example.main(new TopAuthors(), args);
    }
}
