package dev.ember.conformance.rdd;

import dev.ember.conformance.RddProgram;
import dev.ember.conformance.RddResults;
import dev.ember.rdd.EmberContext;
import dev.ember.rdd.Rdd;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/** fold, aggregate, countByValue, foreachPartition, reduce on nothing; sample and takeSample with seeds. */
public final class AggregateAndSampleProgram implements RddProgram {
    private static final List<Integer> NUMBERS = IntStream.range(0, 200).boxed().toList();
    /** What foreachPartition saw; both engines run in this JVM. */
    private static final ConcurrentLinkedQueue<Integer> SEEN = new ConcurrentLinkedQueue<>();

    @Override
    public void spark(JavaSparkContext sc, RddResults out) {
        JavaRDD<Integer> numbers = sc.parallelize(NUMBERS, 4);
        JavaRDD<Integer> empty = sc.parallelize(List.<Integer>of(), 3);
        out.ordered("fold", () -> numbers.fold(1, Integer::sum));
        out.ordered("fold empty", () -> empty.fold(7, Integer::sum));
        out.ordered("fold no partitions", () -> sc.<Integer>emptyRDD().fold(7, Integer::sum));
        out.ordered("aggregate", () -> numbers.aggregate(0L, (acc, n) -> acc + n * n, Long::sum));
        out.unordered("aggregate mutable zero", () -> numbers.aggregate(new ArrayList<Integer>(), (acc, n) -> {
            if (n % 50 == 0) {
                acc.add(n);
            }
            return acc;
        }, (a, b) -> {
            a.addAll(b);
            return a;
        }));
        out.ordered("countByValue", () -> numbers.map(n -> n % 7).countByValue());
        out.ordered("reduce empty", () -> empty.reduce(Integer::sum));
        out.unordered("foreachPartition", () -> {
            SEEN.clear();
            numbers.foreachPartition(partition -> {
                int size = 0;
                for (; partition.hasNext(); partition.next()) {
                    size++;
                }
                SEEN.add(size);
            });
            return new ArrayList<>(SEEN);
        });
        out.ordered("sample", () -> numbers.sample(false, 0.1, 42).collect());
        out.ordered("sample above the gap fraction", () -> numbers.sample(false, 0.7, 7).glom().collect());
        out.ordered("sample with replacement", () -> numbers.sample(true, 0.25, 3).collect());
        out.ordered("sample everything", () -> numbers.sample(false, 1.0, 3).count());
        out.ordered("sample nothing", () -> numbers.sample(true, 0.0, 3).count());
        out.ordered("sample negative", () -> numbers.sample(true, -0.5, 3).count());
        out.ordered("sample above one", () -> numbers.sample(false, 1.5, 3).count());
        out.ordered("takeSample", () -> numbers.takeSample(false, 8, 5));
        out.ordered("takeSample more than there are", () -> sc.parallelize(List.of(1, 2, 3, 4, 5), 2).takeSample(false, 10, 5));
        out.ordered("takeSample with replacement", () -> numbers.takeSample(true, 6, 9));
        out.ordered("takeSample empty", () -> empty.takeSample(false, 3, 1));
    }

    @Override
    public void ember(EmberContext ec, RddResults out) {
        Rdd<Integer> numbers = ec.parallelize(NUMBERS, 4);
        Rdd<Integer> empty = ec.parallelize(List.<Integer>of(), 3);
        out.ordered("fold", () -> numbers.fold(1, Integer::sum));
        out.ordered("fold empty", () -> empty.fold(7, Integer::sum));
        out.ordered("fold no partitions", () -> ec.<Integer>emptyRdd().fold(7, Integer::sum));
        out.ordered("aggregate", () -> numbers.aggregate(0L, (acc, n) -> acc + n * n, Long::sum));
        out.unordered("aggregate mutable zero", () -> numbers.aggregate(new ArrayList<Integer>(), (acc, n) -> {
            if (n % 50 == 0) {
                acc.add(n);
            }
            return acc;
        }, (a, b) -> {
            a.addAll(b);
            return a;
        }));
        out.ordered("countByValue", () -> numbers.map(n -> n % 7).countByValue());
        out.ordered("reduce empty", () -> empty.reduce(Integer::sum));
        out.unordered("foreachPartition", () -> {
            SEEN.clear();
            numbers.foreachPartition(partition -> {
                int size = 0;
                for (; partition.hasNext(); partition.next()) {
                    size++;
                }
                SEEN.add(size);
            });
            return new ArrayList<>(SEEN);
        });
        out.ordered("sample", () -> numbers.sample(false, 0.1, 42).collect());
        out.ordered("sample above the gap fraction", () -> numbers.sample(false, 0.7, 7).glom().collect());
        out.ordered("sample with replacement", () -> numbers.sample(true, 0.25, 3).collect());
        out.ordered("sample everything", () -> numbers.sample(false, 1.0, 3).count());
        out.ordered("sample nothing", () -> numbers.sample(true, 0.0, 3).count());
        out.ordered("sample negative", () -> numbers.sample(true, -0.5, 3).count());
        out.ordered("sample above one", () -> numbers.sample(false, 1.5, 3).count());
        out.ordered("takeSample", () -> numbers.takeSample(false, 8, 5));
        out.ordered("takeSample more than there are", () -> ec.parallelize(List.of(1, 2, 3, 4, 5), 2).takeSample(false, 10, 5));
        out.ordered("takeSample with replacement", () -> numbers.takeSample(true, 6, 9));
        out.ordered("takeSample empty", () -> empty.takeSample(false, 3, 1));
    }
}
