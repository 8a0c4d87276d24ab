package dev.ember.conformance.rdd;

import dev.ember.conformance.RddProgram;
import dev.ember.conformance.RddResults;
import dev.ember.rdd.EmberContext;
import dev.ember.rdd.Pair;
import dev.ember.rdd.PairRdd;
import dev.ember.rdd.Rdd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * What RDD programs keep between actions: persistence at every storage level (the same answers
 * computed once), unpersist, checkpoints, object files read back, broadcast values read in tasks,
 * accumulators updated in actions, job groups, and the context's helpers (union, emptyRDD,
 * parallelizePairs, defaultParallelism).
 */
public final class SharedStateProgram implements RddProgram {
    private static final List<Integer> NUMBERS = IntStream.range(0, 200).boxed().toList();

    private static Path newDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void spark(JavaSparkContext sc, RddResults out) {
        String[] levels = {"MEMORY_ONLY", "MEMORY_ONLY_SER", "MEMORY_AND_DISK", "MEMORY_AND_DISK_SER", "DISK_ONLY"};
        for (String level : levels) {
            JavaRDD<Integer> squares = sc.parallelize(NUMBERS, 4).map(n -> n * n)
                    .persist(org.apache.spark.storage.StorageLevel.fromString(level));
            out.ordered("persist " + level, () -> List.of(squares.count(), squares.reduce(Integer::sum), squares.take(3),
                    squares.getStorageLevel().useDisk(), squares.getStorageLevel().useMemory(), squares.getStorageLevel().deserialized()));
            squares.unpersist();
            out.ordered("unpersisted " + level, () -> List.of(squares.getStorageLevel().useMemory(), squares.count()));
        }
        JavaPairRDD<Integer, Integer> cached = sc.parallelize(NUMBERS, 3).mapToPair(n -> new scala.Tuple2<>(n % 7, n)).reduceByKey(Integer::sum).cache();
        out.unordered("cached pairs", () -> cached.collect());
        out.unordered("cached pairs again", () -> cached.mapValues(v -> v + 1).collect());

        sc.setCheckpointDir(newDirectory("spark-checkpoints").toString());
        JavaRDD<Integer> checkpointed = sc.parallelize(NUMBERS, 3).filter(n -> n % 3 == 0);
        checkpointed.checkpoint();
        out.ordered("checkpoint before action", () -> checkpointed.isCheckpointed());
        out.ordered("checkpoint action", () -> checkpointed.collect());
        out.ordered("checkpoint after action", () -> List.of(checkpointed.isCheckpointed(), checkpointed.getCheckpointFile().isPresent()));
        out.ordered("checkpoint read", () -> checkpointed.map(n -> n / 3).collect());

        String objects = newDirectory("spark-objects").resolve("out").toString();
        sc.parallelize(List.of("a", "bb", "ccc", "dddd"), 2).saveAsObjectFile(objects);
        out.unordered("objectFile", () -> sc.<String>objectFile(objects).collect());

        org.apache.spark.broadcast.Broadcast<List<String>> names = sc.broadcast(List.of("zero", "one", "two"));
        out.ordered("broadcast", () -> sc.parallelize(List.of(0, 1, 2, 1), 2).map(i -> names.value().get(i)).collect());
        out.ordered("broadcast value", () -> names.value());

        org.apache.spark.util.LongAccumulator evens = sc.sc().longAccumulator("evens");
        org.apache.spark.util.DoubleAccumulator halves = sc.sc().doubleAccumulator("halves");
        org.apache.spark.util.CollectionAccumulator<Integer> big = sc.sc().collectionAccumulator("big");
        sc.parallelize(NUMBERS, 4).foreach(n -> {
            if (n % 2 == 0) {
                evens.add(1);
            }
            halves.add(n / 2.0);
            if (n > 195) {
                big.add(n);
            }
        });
        out.ordered("long accumulator", () -> List.of(evens.value(), evens.count(), evens.sum(), evens.name().get()));
        out.ordered("double accumulator", () -> List.of(halves.value(), halves.count(), halves.avg()));
        out.unordered("collection accumulator", () -> big.value());

        sc.setJobGroup("group", "a described group");
        out.ordered("job group", () -> sc.parallelize(NUMBERS, 2).count());
        sc.clearJobGroup();
        out.unordered("union", () -> sc.union(sc.parallelize(List.of(1, 2), 1), sc.parallelize(List.of(3), 2)).collect());
        out.ordered("union partitions", () -> sc.union(sc.parallelize(List.of(1, 2), 1), sc.parallelize(List.of(3), 2)).getNumPartitions());
        out.ordered("emptyRDD", () -> List.of(sc.emptyRDD().count(), sc.emptyRDD().getNumPartitions()));
        out.ordered("parallelizePairs", () -> sc.parallelizePairs(List.of(new scala.Tuple2<>("a", 1), new scala.Tuple2<>("b", 2)), 2).glom().collect());
        out.ordered("defaultParallelism", () -> sc.defaultParallelism());
    }

    @Override
    public void ember(EmberContext ec, RddResults out) {
        String[] levels = {"MEMORY_ONLY", "MEMORY_ONLY_SER", "MEMORY_AND_DISK", "MEMORY_AND_DISK_SER", "DISK_ONLY"};
        for (String level : levels) {
            Rdd<Integer> squares = ec.parallelize(NUMBERS, 4).map(n -> n * n)
                    .persist(dev.ember.storage.StorageLevel.fromString(level));
            out.ordered("persist " + level, () -> List.of(squares.count(), squares.reduce(Integer::sum), squares.take(3),
                    squares.getStorageLevel().useDisk(), squares.getStorageLevel().useMemory(), squares.getStorageLevel().deserialized()));
            squares.unpersist();
            out.ordered("unpersisted " + level, () -> List.of(squares.getStorageLevel().useMemory(), squares.count()));
        }
        PairRdd<Integer, Integer> cached = ec.parallelize(NUMBERS, 3).mapToPair(n -> Pair.of(n % 7, n)).reduceByKey(Integer::sum).cache();
        out.unordered("cached pairs", () -> cached.collect());
        out.unordered("cached pairs again", () -> cached.mapValues(v -> v + 1).collect());

        ec.setCheckpointDir(newDirectory("ember-checkpoints").toString());
        Rdd<Integer> checkpointed = ec.parallelize(NUMBERS, 3).filter(n -> n % 3 == 0);
        checkpointed.checkpoint();
        out.ordered("checkpoint before action", () -> checkpointed.isCheckpointed());
        out.ordered("checkpoint action", () -> checkpointed.collect());
        out.ordered("checkpoint after action", () -> List.of(checkpointed.isCheckpointed(), checkpointed.getCheckpointFile().isPresent()));
        out.ordered("checkpoint read", () -> checkpointed.map(n -> n / 3).collect());

        String objects = newDirectory("ember-objects").resolve("out").toString();
        ec.parallelize(List.of("a", "bb", "ccc", "dddd"), 2).saveAsObjectFile(objects);
        out.unordered("objectFile", () -> ec.<String>objectFile(objects).collect());

        dev.ember.broadcast.Broadcast<List<String>> names = ec.broadcast(List.of("zero", "one", "two"));
        out.ordered("broadcast", () -> ec.parallelize(List.of(0, 1, 2, 1), 2).map(i -> names.value().get(i)).collect());
        out.ordered("broadcast value", () -> names.value());

        dev.ember.accumulator.LongAccumulator evens = ec.longAccumulator("evens");
        dev.ember.accumulator.DoubleAccumulator halves = ec.doubleAccumulator("halves");
        dev.ember.accumulator.CollectionAccumulator<Integer> big = ec.collectionAccumulator("big");
        ec.parallelize(NUMBERS, 4).foreach(n -> {
            if (n % 2 == 0) {
                evens.add(1);
            }
            halves.add(n / 2.0);
            if (n > 195) {
                big.add(n);
            }
        });
        out.ordered("long accumulator", () -> List.of(evens.value(), evens.count(), evens.sum(), evens.name().get()));
        out.ordered("double accumulator", () -> List.of(halves.value(), halves.count(), halves.avg()));
        out.unordered("collection accumulator", () -> big.value());

        ec.setJobGroup("group", "a described group");
        out.ordered("job group", () -> ec.parallelize(NUMBERS, 2).count());
        ec.clearJobGroup();
        out.unordered("union", () -> ec.union(ec.parallelize(List.of(1, 2), 1), ec.parallelize(List.of(3), 2)).collect());
        out.ordered("union partitions", () -> ec.union(ec.parallelize(List.of(1, 2), 1), ec.parallelize(List.of(3), 2)).getNumPartitions());
        out.ordered("emptyRDD", () -> List.of(ec.emptyRdd().count(), ec.emptyRdd().getNumPartitions()));
        out.ordered("parallelizePairs", () -> ec.parallelizePairs(List.of(Pair.of("a", 1), Pair.of("b", 2)), 2).glom().collect());
        out.ordered("defaultParallelism", () -> ec.defaultParallelism());
    }
}
