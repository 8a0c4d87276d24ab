package dev.ember.examples;

import dev.ember.rdd.Pair;
import dev.ember.rdd.Rdd;
import dev.ember.sql.EmberSession;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * K-means clustering written with RDDs, as Spark's classic {@code SparkKMeans}: points are lines
 * of whitespace-separated numbers; K starting centres sampled with a fixed seed; each round assigns
 * every point to its closest centre and moves each centre to the mean of its points, until the
 * centres move less than the threshold (or the rounds run out). Prints the final centres, sorted.
 */
public final class KMeans implements Example {
    static final long SEED = 42;

    @Override
    public String name() {
        return "kmeans";
    }

    @Override
    public String usage() {
        return "INPUT K [CONVERGE_DIST] [MAX_ITERATIONS]";
    }

    @Override
    public String description() {
        return "k-means with RDDs over points (lines of numbers): prints the K final centres";
    }

    @Override
    public void run(EmberSession ember, List<String> args, PrintWriter out) {
        String input = Arguments.required(args, 0, "INPUT");
        int k = Arguments.positiveInt(Arguments.required(args, 1, "K"), "K");
        double convergeDist = args.size() > 2 ? Double.parseDouble(args.get(2)) : 1e-4;
        int maxIterations = args.size() > 3 ? Arguments.positiveInt(args.get(3), "MAX_ITERATIONS") : 50;
        Rdd<double[]> points = ember.context().textFile(input)
                .filter(line -> !line.isBlank())
                .map(KMeans::parse)
                .cache();
        List<double[]> centres = new ArrayList<>(points.takeSample(false, k, SEED));
        if (centres.size() < k) {
            throw new IllegalArgumentException("K is " + k + " but there are only " + centres.size() + " points");
        }
        double moved = Double.POSITIVE_INFINITY;
        for (int round = 0; round < maxIterations && moved > convergeDist; round++) {
            List<double[]> current = List.copyOf(centres);
            Map<Integer, double[]> means = points
                    .mapToPair(p -> Pair.of(closest(p, current), withCount(p)))
                    .reduceByKey(KMeans::add)
                    .mapValues(KMeans::mean)
                    .collectAsMap();
            moved = 0;
            for (Map.Entry<Integer, double[]> mean : means.entrySet()) {
                moved += squaredDistance(centres.get(mean.getKey()), mean.getValue());
                centres.set(mean.getKey(), mean.getValue());
            }
        }
        out.println("Final centers:");
        centres.stream().map(KMeans::format).sorted().forEach(out::println);
    }

    static double[] parse(String line) {
        return Arrays.stream(line.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    static int closest(double[] point, List<double[]> centres) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < centres.size(); i++) {
            double distance = squaredDistance(point, centres.get(i));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }

    static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }

    /** The point's coordinates followed by a count of 1: sums of these give a mean. */
    private static double[] withCount(double[] point) {
        double[] sum = Arrays.copyOf(point, point.length + 1);
        sum[point.length] = 1;
        return sum;
    }

    private static double[] add(double[] a, double[] b) {
        double[] sum = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    private static double[] mean(double[] sumAndCount) {
        int dimensions = sumAndCount.length - 1;
        double[] mean = new double[dimensions];
        for (int i = 0; i < dimensions; i++) {
            mean[i] = sumAndCount[i] / sumAndCount[dimensions];
        }
        return mean;
    }

    static String format(double[] centre) {
        StringBuilder text = new StringBuilder();
        for (double value : centre) {
            text.append(text.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4f", value));
        }
        return text.toString();
    }

    public static void main(String[] args) throws Exception {
        Example.main(new KMeans(), args);
    }
}
