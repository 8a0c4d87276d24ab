package dev.ember.conformance.rdd;

import dev.ember.conformance.RddProgram;
import dev.ember.conformance.RddResults;
import dev.ember.rdd.EmberContext;
import dev.ember.rdd.PairRdd;
import dev.ember.rdd.Rdd;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/** sortByKey and sortBy (range bounds via glom, global order), takeOrdered, top, first, take over empty partitions, max, min. */
public final class SortAndTakeProgram implements RddProgram {
    /** Distinct keys, scrambled: small enough that the range partitioner's sample is the whole input. */
    private static final List<Integer> SMALL = IntStream.range(0, 30).map(i -> (i * 7) % 30).boxed().toList();
    /** More keys than the sample: bounds may differ from Spark's, the order may not. */
    private static final List<Integer> LARGE = IntStream.range(0, 3000).map(i -> (int) ((i * 7919L) % 3001)).boxed().toList();
    private static final List<String> WORDS = List.of("pear", "fig", "apple", "kiwi", "banana", "date", "cherry", "lime");

    @SuppressWarnings("unchecked")
    private static final Comparator<String> BY_LENGTH = (Comparator<String> & Serializable) (a, b) ->
            a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);

    @Override
    public void spark(JavaSparkContext sc, RddResults out) {
        JavaPairRDD<Integer, String> small = sc.parallelize(SMALL, 3).mapToPair(n -> new scala.Tuple2<>(n, "v" + n));
        JavaRDD<String> words = sc.parallelize(WORDS, 3);
        out.ordered("sortByKey", () -> small.sortByKey().glom().collect());
        out.ordered("sortByKey descending 4", () -> small.sortByKey(false, 4).glom().collect());
        out.ordered("sortByKey comparator", () -> words.mapToPair(w -> new scala.Tuple2<>(w, w.length())).sortByKey(BY_LENGTH, false, 2).glom().collect());
        out.ordered("sortByKey large", () -> sc.parallelize(LARGE, 4).mapToPair(n -> new scala.Tuple2<>(n, n)).sortByKey(true, 5).keys().collect());
        out.ordered("sortByKey large partitions", () -> sc.parallelize(LARGE, 4).mapToPair(n -> new scala.Tuple2<>(n, n)).sortByKey(true, 5).getNumPartitions());
        out.ordered("sortByKey empty", () -> sc.parallelizePairs(List.<scala.Tuple2<Integer, Integer>>of(), 2).sortByKey().glom().collect());
        out.ordered("sortBy", () -> words.sortBy(String::length, true, 2).glom().map(SortAndTakeProgram::lengths).collect());
        out.ordered("sortBy descending", () -> sc.parallelize(SMALL, 2).sortBy(n -> n % 10 * 100 + n, false, 3).glom().collect());
        out.ordered("takeOrdered", () -> sc.parallelize(LARGE, 4).takeOrdered(7));
        out.ordered("takeOrdered comparator", () -> words.takeOrdered(3, BY_LENGTH));
        out.ordered("takeOrdered more than there are", () -> words.takeOrdered(20));
        out.ordered("takeOrdered zero", () -> words.takeOrdered(0));
        out.ordered("top", () -> sc.parallelize(LARGE, 4).top(5));
        out.ordered("top comparator", () -> words.top(3, BY_LENGTH));
        out.ordered("top empty", () -> sc.parallelize(List.<Integer>of(), 3).top(2));
        out.ordered("max", () -> words.max(BY_LENGTH));
        out.ordered("min", () -> words.min(BY_LENGTH));
        out.ordered("max empty", () -> sc.parallelize(List.<String>of(), 2).max(BY_LENGTH));
        JavaRDD<Integer> sparse = sc.parallelize(List.of(1, 2, 3), 8);
        out.ordered("first", () -> sparse.first());
        out.ordered("first empty", () -> sc.parallelize(List.<Integer>of(), 2).first());
        out.ordered("take", () -> sparse.take(2));
        out.ordered("take all", () -> sparse.take(10));
        out.ordered("take zero", () -> sparse.take(0));
        out.ordered("take large", () -> sc.parallelize(LARGE, 6).filter(n -> n % 100 == 0).take(12));
        out.ordered("isEmpty", () -> List.of(sparse.isEmpty(), sc.emptyRDD().isEmpty(), sparse.filter(n -> n > 5).isEmpty()));
    }

    @Override
    public void ember(EmberContext ec, RddResults out) {
        PairRdd<Integer, String> small = ec.parallelize(SMALL, 3).mapToPair(n -> dev.ember.rdd.Pair.of(n, "v" + n));
        Rdd<String> words = ec.parallelize(WORDS, 3);
        out.ordered("sortByKey", () -> small.sortByKey().glom().collect());
        out.ordered("sortByKey descending 4", () -> small.sortByKey(false, 4).glom().collect());
        out.ordered("sortByKey comparator", () -> words.mapToPair(w -> dev.ember.rdd.Pair.of(w, w.length())).sortByKey(BY_LENGTH, false, 2).glom().collect());
        out.ordered("sortByKey large", () -> ec.parallelize(LARGE, 4).mapToPair(n -> dev.ember.rdd.Pair.of(n, n)).sortByKey(true, 5).keys().collect());
        out.ordered("sortByKey large partitions", () -> ec.parallelize(LARGE, 4).mapToPair(n -> dev.ember.rdd.Pair.of(n, n)).sortByKey(true, 5).getNumPartitions());
        out.ordered("sortByKey empty", () -> ec.parallelizePairs(List.<dev.ember.rdd.Pair<Integer, Integer>>of(), 2).sortByKey().glom().collect());
        out.ordered("sortBy", () -> words.sortBy(String::length, true, 2).glom().map(SortAndTakeProgram::lengths).collect());
        out.ordered("sortBy descending", () -> ec.parallelize(SMALL, 2).sortBy(n -> n % 10 * 100 + n, false, 3).glom().collect());
        out.ordered("takeOrdered", () -> ec.parallelize(LARGE, 4).takeOrdered(7));
        out.ordered("takeOrdered comparator", () -> words.takeOrdered(3, BY_LENGTH));
        out.ordered("takeOrdered more than there are", () -> words.takeOrdered(20));
        out.ordered("takeOrdered zero", () -> words.takeOrdered(0));
        out.ordered("top", () -> ec.parallelize(LARGE, 4).top(5));
        out.ordered("top comparator", () -> words.top(3, BY_LENGTH));
        out.ordered("top empty", () -> ec.parallelize(List.<Integer>of(), 3).top(2));
        out.ordered("max", () -> words.max(BY_LENGTH));
        out.ordered("min", () -> words.min(BY_LENGTH));
        out.ordered("max empty", () -> ec.parallelize(List.<String>of(), 2).max(BY_LENGTH));
        Rdd<Integer> sparse = ec.parallelize(List.of(1, 2, 3), 8);
        out.ordered("first", () -> sparse.first());
        out.ordered("first empty", () -> ec.parallelize(List.<Integer>of(), 2).first());
        out.ordered("take", () -> sparse.take(2));
        out.ordered("take all", () -> sparse.take(10));
        out.ordered("take zero", () -> sparse.take(0));
        out.ordered("take large", () -> ec.parallelize(LARGE, 6).filter(n -> n % 100 == 0).take(12));
        out.ordered("isEmpty", () -> List.of(sparse.isEmpty(), ec.emptyRdd().isEmpty(), sparse.filter(n -> n > 5).isEmpty()));
    }

    /** Words of equal length come in no particular order: compare the lengths only. */
    static List<Integer> lengths(List<String> partition) {
        return partition.stream().map(String::length).toList();
    }
}
