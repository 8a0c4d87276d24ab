package dev.ember.bench.suites;

import dev.ember.bench.engine.RddProgram;
import dev.ember.rdd.EmberContext;
import dev.ember.rdd.Pair;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * Word count with RDDs, the classic: {@code textFile}, lines split on spaces ({@code flatMap}),
 * {@code (word, 1)} pairs ({@code mapToPair}) summed by {@code reduceByKey}; the 100 most frequent
 * words by {@code takeOrdered}, ties by word: the same answer as the SQL and DataFrame versions.
 */
public final class RddWordCountProgram implements RddProgram {
    private static final Comparator<Pair<String, Integer>> EMBER_ORDER = (Comparator<Pair<String, Integer>> & Serializable)
            (a, b) -> mostFrequentFirst(a._1(), a._2(), b._1(), b._2());
    private static final Comparator<Tuple2<String, Integer>> SPARK_ORDER = (Comparator<Tuple2<String, Integer>> & Serializable)
            (a, b) -> mostFrequentFirst(a._1(), a._2(), b._1(), b._2());

    @Override
    public List<List<Object>> onEmber(EmberContext ember, String input) {
        List<List<Object>> rows = new ArrayList<>();
        ember.textFile(input)
                .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
                .mapToPair(word -> Pair.of(word, 1))
                .reduceByKey(Integer::sum)
                .takeOrdered(WordCountSuite.TOP, EMBER_ORDER)
                .forEach(count -> rows.add(List.of(count._1(), count._2())));
        return rows;
    }

    @Override
    public List<List<Object>> onSpark(JavaSparkContext spark, String input) {
        List<List<Object>> rows = new ArrayList<>();
        spark.textFile(input)
                .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
                .mapToPair(word -> new Tuple2<>(word, 1))
                .reduceByKey(Integer::sum)
                .takeOrdered(WordCountSuite.TOP, SPARK_ORDER)
                .forEach(count -> rows.add(List.of(count._1(), count._2())));
        return rows;
    }

    private static int mostFrequentFirst(String word, int count, String otherWord, int otherCount) {
        return count != otherCount ? Integer.compare(otherCount, count) : word.compareTo(otherWord);
    }
}
