package dev.ember.conformance.rdd;

import dev.ember.conformance.RddProgram;
import dev.ember.conformance.RddResults;
import dev.ember.rdd.EmberContext;
import dev.ember.rdd.HashPartitioner;
import dev.ember.rdd.Pair;
import dev.ember.rdd.PairRdd;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/** join and its outer variants, cogroup with one, two and three others, subtractByKey; null keys and values, empty sides. */
public final class JoinProgram implements RddProgram {

    private static List<Tuple2<String, Integer>> sparkLeft() {
        return Arrays.asList(new Tuple2<>("a", 1), new Tuple2<>("b", 2), new Tuple2<>("b", 3), new Tuple2<>("c", 4),
                new Tuple2<>(null, 5), new Tuple2<>("e", 6), new Tuple2<>("a", 0));
    }

    private static List<Tuple2<String, String>> sparkRight() {
        return Arrays.asList(new Tuple2<>("a", "x"), new Tuple2<>("b", "y"), new Tuple2<>("d", "z"), new Tuple2<>(null, "n"),
                new Tuple2<>("a", "w"), new Tuple2<>("f", "v"));
    }

    private static List<Pair<String, Integer>> emberLeft() {
        return Arrays.asList(Pair.of("a", 1), Pair.of("b", 2), Pair.of("b", 3), Pair.of("c", 4),
                Pair.of(null, 5), Pair.of("e", 6), Pair.of("a", 0));
    }

    private static List<Pair<String, String>> emberRight() {
        return Arrays.asList(Pair.of("a", "x"), Pair.of("b", "y"), Pair.of("d", "z"), Pair.of(null, "n"),
                Pair.of("a", "w"), Pair.of("f", "v"));
    }

    @Override
    public void spark(JavaSparkContext sc, RddResults out) {
        JavaPairRDD<String, Integer> left = sc.parallelizePairs(sparkLeft(), 3);
        JavaPairRDD<String, String> right = sc.parallelizePairs(sparkRight(), 2);
        JavaPairRDD<String, Long> third = sc.parallelizePairs(Arrays.asList(new Tuple2<>("b", 7L), new Tuple2<>("g", 8L)), 1);
        JavaPairRDD<String, String> empty = sc.parallelizePairs(List.<Tuple2<String, String>>of(), 2);
        out.unordered("join", () -> left.join(right).collect());
        out.ordered("join partitions", () -> left.join(right).getNumPartitions());
        out.unordered("join numPartitions", () -> left.join(right, 4).glom().collect());
        out.unordered("join empty", () -> left.join(empty).collect());
        out.unordered("leftOuterJoin", () -> left.leftOuterJoin(right).collect());
        out.unordered("rightOuterJoin", () -> left.rightOuterJoin(right, 3).collect());
        out.unordered("fullOuterJoin", () -> left.fullOuterJoin(right, new org.apache.spark.HashPartitioner(2)).collect());
        out.unordered("fullOuterJoin empty", () -> empty.fullOuterJoin(left).collect());
        out.unordered("cogroup", () -> left.cogroup(right).collect());
        out.unordered("cogroup two", () -> left.cogroup(right, third).collect());
        out.unordered("cogroup three", () -> left.cogroup(right, third, empty, 2).collect());
        out.unordered("subtractByKey", () -> left.subtractByKey(right).collect());
        out.ordered("subtractByKey partitions", () -> left.subtractByKey(right).getNumPartitions());
        JavaPairRDD<String, Integer> partitioned = left.partitionBy(new org.apache.spark.HashPartitioner(4));
        out.ordered("co-partitioned join keeps the partitioner", () -> partitioned.join(right).partitioner().get().numPartitions());
        out.unordered("co-partitioned join", () -> partitioned.join(right).glom().collect());
    }

    @Override
    public void ember(EmberContext ec, RddResults out) {
        PairRdd<String, Integer> left = ec.parallelizePairs(emberLeft(), 3);
        PairRdd<String, String> right = ec.parallelizePairs(emberRight(), 2);
        PairRdd<String, Long> third = ec.parallelizePairs(Arrays.asList(Pair.of("b", 7L), Pair.of("g", 8L)), 1);
        PairRdd<String, String> empty = ec.parallelizePairs(List.<Pair<String, String>>of(), 2);
        out.unordered("join", () -> left.join(right).collect());
        out.ordered("join partitions", () -> left.join(right).getNumPartitions());
        out.unordered("join numPartitions", () -> left.join(right, 4).glom().collect());
        out.unordered("join empty", () -> left.join(empty).collect());
        out.unordered("leftOuterJoin", () -> left.leftOuterJoin(right).collect());
        out.unordered("rightOuterJoin", () -> left.rightOuterJoin(right, 3).collect());
        out.unordered("fullOuterJoin", () -> left.fullOuterJoin(right, new HashPartitioner(2)).collect());
        out.unordered("fullOuterJoin empty", () -> empty.fullOuterJoin(left).collect());
        out.unordered("cogroup", () -> left.cogroup(right).collect());
        out.unordered("cogroup two", () -> left.cogroup(right, third).collect());
        out.unordered("cogroup three", () -> left.cogroup(right, third, empty, 2).collect());
        out.unordered("subtractByKey", () -> left.subtractByKey(right).collect());
        out.ordered("subtractByKey partitions", () -> left.subtractByKey(right).getNumPartitions());
        PairRdd<String, Integer> partitioned = left.partitionBy(new HashPartitioner(4));
        out.ordered("co-partitioned join keeps the partitioner", () -> partitioned.join(right).partitioner().get().numPartitions());
        out.unordered("co-partitioned join", () -> partitioned.join(right).glom().collect());
    }
}
