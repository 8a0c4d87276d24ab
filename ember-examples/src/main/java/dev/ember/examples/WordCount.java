package dev.ember.examples;

import dev.ember.rdd.PairRdd;
import dev.ember.rdd.Pair;
import dev.ember.sql.EmberSession;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Word count with RDDs, the classic: lines split on whitespace, a count per word by
 * {@code reduceByKey}; prints the 20 most frequent words (ties by word) and, given an output
 * directory, saves every count there as {@code word: count} lines.
 */
public final class WordCount implements Example {
    /** How many of the most frequent words are printed. */
    static final int TOP = 20;

    /** Most frequent first, then by word; serializable, as takeOrdered sends it to tasks. */
    private static final Comparator<Pair<String, Integer>> MOST_FREQUENT = (Comparator<Pair<String, Integer>> & java.io.Serializable)
            (a, b) -> a._2().equals(b._2()) ? a._1().compareTo(b._1()) : Integer.compare(b._2(), a._2());

    @Override
    public String name() {
        return "wordcount";
    }

    @Override
    public String usage() {
        return "INPUT [OUTPUT_DIR]";
    }

    @Override
    public String description() {
        return "word count with RDDs: prints the 20 most frequent words, writes every count to OUTPUT_DIR";
    }

    @Override
    public void run(EmberSession ember, List<String> args, PrintWriter out) {
        String input = Arguments.required(args, 0, "INPUT");
        PairRdd<String, Integer> counts = ember.context().textFile(input)
                .flatMap(line -> Arrays.stream(line.split("\\s+")).filter(word -> !word.isEmpty()).iterator())
                .mapToPair(word -> Pair.of(word, 1))
                .reduceByKey(Integer::sum);
        for (Pair<String, Integer> count : counts.takeOrdered(TOP, MOST_FREQUENT)) {
            out.println(count._1() + ": " + count._2());
        }
        if (args.size() > 1) {
            counts.map(count -> count._1() + ": " + count._2()).saveAsTextFile(args.get(1));
        }
    }

    public static void main(String[] args) throws Exception {
        Example.main(new WordCount(), args);
    }
}
