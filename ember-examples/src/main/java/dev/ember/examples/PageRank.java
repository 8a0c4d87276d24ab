package dev.ember.examples;

import dev.ember.rdd.Pair;
import dev.ember.rdd.PairRdd;
import dev.ember.sql.EmberSession;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * PageRank written with RDDs, as Spark's classic {@code SparkPageRank}: links are lines
 * {@code page neighbour}; every page starts at rank 1; each round a page sends its rank, shared
 * evenly, to its neighbours, and a page's new rank is {@code 0.15 + 0.85 * received}. Prints every
 * page with its rank, highest first (ties by page).
 */
public final class PageRank implements Example {
    @Override
    public String name() {
        return "pagerank";
    }

    @Override
    public String usage() {
        return "INPUT [ITERATIONS]";
    }

    @Override
    public String description() {
        return "PageRank with RDDs over links (lines 'page neighbour'), ITERATIONS rounds (default 10)";
    }

    @Override
    public void run(EmberSession ember, List<String> args, PrintWriter out) {
        String input = Arguments.required(args, 0, "INPUT");
        int iterations = args.size() > 1 ? Arguments.positiveInt(args.get(1), "ITERATIONS") : 10;
        PairRdd<String, Iterable<String>> links = ember.context().textFile(input)
                .filter(line -> !line.isBlank())
                .mapToPair(line -> {
                    String[] pages = line.trim().split("\\s+");
                    if (pages.length != 2) {
                        throw new IllegalArgumentException("a link is two pages separated by whitespace, not '" + line + "'");
                    }
                    return Pair.of(pages[0], pages[1]);
                })
                .distinct()
                .groupByKey()
                .cache();
        PairRdd<String, Double> ranks = links.mapValues(neighbours -> 1.0);
        for (int i = 0; i < iterations; i++) {
            PairRdd<String, Double> contributions = links.join(ranks).values().flatMapToPair(neighboursAndRank -> {
                List<String> neighbours = new ArrayList<>();
                neighboursAndRank._1().forEach(neighbours::add);
                double share = neighboursAndRank._2() / neighbours.size();
                return neighbours.stream().map(page -> Pair.of(page, share)).iterator();
            });
            ranks = contributions.reduceByKey(Double::sum).mapValues(received -> 0.15 + 0.85 * received);
        }
        List<Pair<String, Double>> ranked = new ArrayList<>(ranks.collect());
        ranked.sort(Comparator.comparing((Pair<String, Double> p) -> -p._2()).thenComparing(Pair::_1));
        for (Pair<String, Double> rank : ranked) {
            out.println(String.format(Locale.ROOT, "%s has rank: %.6f.", rank._1(), rank._2()));
        }
    }

    public static void main(String[] args) throws Exception {
        Example.main(new PageRank(), args);
    }
}
