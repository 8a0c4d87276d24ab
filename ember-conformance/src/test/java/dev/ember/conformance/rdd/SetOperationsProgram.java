package dev.ember.conformance.rdd;

import dev.ember.conformance.RddProgram;
import dev.ember.conformance.RddResults;
import dev.ember.rdd.EmberContext;
import dev.ember.rdd.Rdd;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/** distinct, union, intersection, subtract, cartesian, zip*, glom, coalesce, repartition and the context's union. */
public final class SetOperationsProgram implements RddProgram {
    private static final List<Integer> LEFT = List.of(5, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9);
    private static final List<Integer> RIGHT = List.of(2, 7, 1, 8, 2, 8, 1, 8, 2, 8);

    @Override
    public void spark(JavaSparkContext sc, RddResults out) {
        JavaRDD<Integer> left = sc.parallelize(LEFT, 3);
        JavaRDD<Integer> right = sc.parallelize(RIGHT, 2);
        JavaRDD<Integer> empty = sc.parallelize(List.<Integer>of(), 2);
        out.unordered("distinct", () -> left.distinct().collect());
        out.ordered("distinct partitions", () -> left.distinct(4).getNumPartitions());
        out.unordered("distinct empty", () -> empty.distinct().collect());
        out.ordered("union", () -> left.union(right).glom().collect());
        out.ordered("context union", () -> sc.union(left, right, empty).glom().collect());
        out.unordered("intersection", () -> left.intersection(right).collect());
        out.ordered("intersection partitions", () -> left.intersection(right).getNumPartitions());
        out.unordered("subtract", () -> left.subtract(right).collect());
        out.unordered("subtract numPartitions", () -> left.subtract(right, 5).glom().map(p -> sorted(p)).collect());
        out.unordered("subtract empty", () -> left.subtract(empty).collect());
        out.ordered("cartesian", () -> left.cartesian(right).glom().collect());
        out.ordered("cartesian partitions", () -> left.cartesian(right).getNumPartitions());
        out.ordered("zip", () -> left.zip(left.map(n -> n * 10)).collect());
        out.ordered("zip unequal partitions", () -> left.zip(right).collect());
        out.ordered("zipWithIndex", () -> left.zipWithIndex().collect());
        out.ordered("zipWithIndex empty partitions", () -> sc.parallelize(List.of(1, 2), 5).zipWithIndex().glom().collect());
        out.ordered("zipWithUniqueId", () -> left.zipWithUniqueId().collect());
        out.ordered("glom", () -> sc.parallelize(LEFT, 4).glom().collect());
        out.ordered("coalesce", () -> sc.parallelize(LEFT, 5).coalesce(2).glom().collect());
        out.ordered("coalesce more", () -> left.coalesce(10).getNumPartitions());
        out.ordered("coalesce shuffle", () -> left.coalesce(4, true).glom().map(p -> sorted(p)).collect());
        out.ordered("repartition", () -> left.repartition(2).glom().map(p -> sorted(p)).collect());
        out.ordered("repartition zero", () -> left.repartition(0).collect());
    }

    @Override
    public void ember(EmberContext ec, RddResults out) {
        Rdd<Integer> left = ec.parallelize(LEFT, 3);
        Rdd<Integer> right = ec.parallelize(RIGHT, 2);
        Rdd<Integer> empty = ec.parallelize(List.<Integer>of(), 2);
        out.unordered("distinct", () -> left.distinct().collect());
        out.ordered("distinct partitions", () -> left.distinct(4).getNumPartitions());
        out.unordered("distinct empty", () -> empty.distinct().collect());
        out.ordered("union", () -> left.union(right).glom().collect());
        out.ordered("context union", () -> ec.union(left, right, empty).glom().collect());
        out.unordered("intersection", () -> left.intersection(right).collect());
        out.ordered("intersection partitions", () -> left.intersection(right).getNumPartitions());
        out.unordered("subtract", () -> left.subtract(right).collect());
        out.unordered("subtract numPartitions", () -> left.subtract(right, 5).glom().map(p -> sorted(p)).collect());
        out.unordered("subtract empty", () -> left.subtract(empty).collect());
        out.ordered("cartesian", () -> left.cartesian(right).glom().collect());
        out.ordered("cartesian partitions", () -> left.cartesian(right).getNumPartitions());
        out.ordered("zip", () -> left.zip(left.map(n -> n * 10)).collect());
        out.ordered("zip unequal partitions", () -> left.zip(right).collect());
        out.ordered("zipWithIndex", () -> left.zipWithIndex().collect());
        out.ordered("zipWithIndex empty partitions", () -> ec.parallelize(List.of(1, 2), 5).zipWithIndex().glom().collect());
        out.ordered("zipWithUniqueId", () -> left.zipWithUniqueId().collect());
        out.ordered("glom", () -> ec.parallelize(LEFT, 4).glom().collect());
        out.ordered("coalesce", () -> ec.parallelize(LEFT, 5).coalesce(2).glom().collect());
        out.ordered("coalesce more", () -> left.coalesce(10).getNumPartitions());
        out.ordered("coalesce shuffle", () -> left.coalesce(4, true).glom().map(p -> sorted(p)).collect());
        out.ordered("repartition", () -> left.repartition(2).glom().map(p -> sorted(p)).collect());
        out.ordered("repartition zero", () -> left.repartition(0).collect());
    }

    static List<Integer> sorted(List<Integer> partition) {
        List<Integer> copy = new ArrayList<>(partition);
        copy.sort(null);
        return copy;
    }
}
