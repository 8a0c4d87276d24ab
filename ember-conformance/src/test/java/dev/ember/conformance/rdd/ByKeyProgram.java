package dev.ember.conformance.rdd;

import dev.ember.conformance.RddProgram;
import dev.ember.conformance.RddResults;
import dev.ember.rdd.EmberContext;
import dev.ember.rdd.Pair;
import dev.ember.rdd.PairRdd;
import dev.ember.rdd.RangePartitioner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;
import scala.math.Ordering;
import scala.reflect.ClassTag$;

/** foldByKey, aggregateByKey, flatMapValues, countByKey, collectAsMap, lookup, partitionBy (range and custom) and the pair overrides. */
public final class ByKeyProgram implements RddProgram {
    /** Even keys to partition 0, odd keys to 1 (Spark's own class, same body as Ember's below). */
    public static final class SparkParity extends org.apache.spark.Partitioner {
        @Override
        public int numPartitions() {
            return 2;
        }

        @Override
        public int getPartition(Object key) {
            return Math.floorMod((Integer) key, 2);
        }
    }

    public static final class EmberParity extends dev.ember.rdd.Partitioner {
        @Override
        public int numPartitions() {
            return 2;
        }

        @Override
        public int getPartition(Object key) {
            return Math.floorMod((Integer) key, 2);
        }
    }

    private static final List<Integer> NUMBERS = IntStream.range(0, 40).map(i -> (i * 37) % 23).boxed().toList();

    @Override
    public void spark(JavaSparkContext sc, RddResults out) {
        JavaPairRDD<Integer, Integer> pairs = sc.parallelize(NUMBERS, 3).mapToPair(n -> new Tuple2<>(n % 5, n));
        out.unordered("foldByKey", () -> pairs.foldByKey(100, Integer::sum).collect());
        out.unordered("foldByKey mutable zero", () -> pairs.mapValues(v -> new ArrayList<>(List.of(v)))
                .foldByKey(new ArrayList<>(List.of(-1)), 2, (a, b) -> {
                    a.addAll(b);
                    return a;
                }).collect());
        out.unordered("aggregateByKey", () -> pairs.aggregateByKey(0L, 4, (acc, v) -> acc + v, Long::sum).collect());
        out.unordered("aggregateByKey to a list", () -> pairs.aggregateByKey(new ArrayList<Integer>(), (acc, v) -> {
            acc.add(v);
            return acc;
        }, (a, b) -> {
            a.addAll(b);
            return a;
        }).collect());
        out.unordered("flatMapValues", () -> pairs.flatMapValues(v -> List.of(v, -v).iterator()).collect());
        out.ordered("countByKey", () -> pairs.countByKey());
        out.ordered("countByKey empty", () -> sc.parallelizePairs(List.<Tuple2<Integer, Integer>>of(), 2).countByKey());
        out.ordered("collectAsMap", () -> pairs.collectAsMap());
        out.ordered("lookup", () -> pairs.lookup(3));
        out.ordered("lookup missing", () -> pairs.lookup(42));
        out.ordered("lookup partitioned", () -> pairs.partitionBy(new org.apache.spark.HashPartitioner(3)).lookup(4));
        out.ordered("partitionBy custom", () -> pairs.partitionBy(new SparkParity()).glom().collect());
        out.ordered("partitionBy range", () -> pairs.partitionBy(new org.apache.spark.RangePartitioner<Integer, Integer>(3, pairs.rdd(), true, 20,
                Ordering.comparatorToOrdering(Comparator.<Integer>naturalOrder()), ClassTag$.MODULE$.apply(Integer.class))).glom().collect());
        out.ordered("filter stays pairs", () -> pairs.filter(p -> p._2() > 10).keys().collect());
        out.unordered("distinct", () -> pairs.distinct().collect());
        out.unordered("distinct partitioned", () -> pairs.partitionBy(new SparkParity()).distinct().glom().collect());
        out.ordered("union", () -> pairs.union(pairs).mapValues(v -> v * 2).collect());
        out.ordered("union partitioned", () -> {
            JavaPairRDD<Integer, Integer> byParity = pairs.partitionBy(new SparkParity());
            return byParity.union(byParity).getNumPartitions();
        });
        out.unordered("intersection", () -> pairs.intersection(pairs.filter(p -> p._1() == 2)).collect());
        out.unordered("subtract", () -> pairs.subtract(pairs.filter(p -> p._1() == 2)).collect());
        out.unordered("subtract partitioned", () -> {
            SparkParity parity = new SparkParity();
            JavaPairRDD<Integer, Integer> byParity = pairs.partitionBy(parity);
            return byParity.subtract(byParity.filter(p -> p._2() > 12), parity).glom().collect();
        });
        out.ordered("coalesce", () -> pairs.coalesce(2).glom().collect());
        out.ordered("repartition", () -> pairs.repartition(2).getNumPartitions());
        out.ordered("sample", () -> pairs.sample(false, 0.3, 11).collect());
    }

    @Override
    public void ember(EmberContext ec, RddResults out) {
        PairRdd<Integer, Integer> pairs = ec.parallelize(NUMBERS, 3).mapToPair(n -> Pair.of(n % 5, n));
        out.unordered("foldByKey", () -> pairs.foldByKey(100, Integer::sum).collect());
        out.unordered("foldByKey mutable zero", () -> pairs.mapValues(v -> new ArrayList<>(List.of(v)))
                .foldByKey(new ArrayList<>(List.of(-1)), 2, (a, b) -> {
                    a.addAll(b);
                    return a;
                }).collect());
        out.unordered("aggregateByKey", () -> pairs.aggregateByKey(0L, 4, (acc, v) -> acc + v, Long::sum).collect());
        out.unordered("aggregateByKey to a list", () -> pairs.aggregateByKey(new ArrayList<Integer>(), (acc, v) -> {
            acc.add(v);
            return acc;
        }, (a, b) -> {
            a.addAll(b);
            return a;
        }).collect());
        out.unordered("flatMapValues", () -> pairs.flatMapValues(v -> List.of(v, -v).iterator()).collect());
        out.ordered("countByKey", () -> pairs.countByKey());
        out.ordered("countByKey empty", () -> ec.parallelizePairs(List.<Pair<Integer, Integer>>of(), 2).countByKey());
        out.ordered("collectAsMap", () -> pairs.collectAsMap());
        out.ordered("lookup", () -> pairs.lookup(3));
        out.ordered("lookup missing", () -> pairs.lookup(42));
        out.ordered("lookup partitioned", () -> pairs.partitionBy(new dev.ember.rdd.HashPartitioner(3)).lookup(4));
        out.ordered("partitionBy custom", () -> pairs.partitionBy(new EmberParity()).glom().collect());
        out.ordered("partitionBy range", () -> pairs.partitionBy(new RangePartitioner<>(3, pairs, true)).glom().collect());
        out.ordered("filter stays pairs", () -> pairs.filter(p -> p._2() > 10).keys().collect());
        out.unordered("distinct", () -> pairs.distinct().collect());
        out.unordered("distinct partitioned", () -> pairs.partitionBy(new EmberParity()).distinct().glom().collect());
        out.ordered("union", () -> pairs.union(pairs).mapValues(v -> v * 2).collect());
        out.ordered("union partitioned", () -> {
            PairRdd<Integer, Integer> byParity = pairs.partitionBy(new EmberParity());
            return byParity.union(byParity).getNumPartitions();
        });
        out.unordered("intersection", () -> pairs.intersection(pairs.filter(p -> p._1() == 2)).collect());
        out.unordered("subtract", () -> pairs.subtract(pairs.filter(p -> p._1() == 2)).collect());
        out.unordered("subtract partitioned", () -> {
            EmberParity parity = new EmberParity();
            PairRdd<Integer, Integer> byParity = pairs.partitionBy(parity);
            return byParity.subtract(byParity.filter(p -> p._2() > 12), parity).glom().collect();
        });
        out.ordered("coalesce", () -> pairs.coalesce(2).glom().collect());
        out.ordered("repartition", () -> pairs.repartition(2).getNumPartitions());
        out.ordered("sample", () -> pairs.sample(false, 0.3, 11).collect());
    }
}
