package dev.ember.bench.data;

import dev.ember.bench.BenchOptions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * The benchmarks' generated data sets, deterministic (each has its own fixed seed, so a scale always
 * gives the same bytes) and written once into {@code <data>/<name>/sf<scale>/}: what exists is kept.
 * Sizes at scale 1 are given per data set; other scales multiply the row counts.
 *
 * <pre>
 * ./ember bench generate corpus|comments|kmeans|logistic|skewed [--sf 1] [--data DIR]
 * </pre>
 */
public final class Datasets {
    /** The data sets by name, each a function of (directory, scale) to the generated path. */
    public static final Map<String, BiFunction<Path, Double, Path>> ALL = Map.of(
            "corpus", Datasets::textCorpus,
            "comments", Datasets::comments,
            "kmeans", Datasets::blobs,
            "logistic", Datasets::labelledPoints,
            "skewed", Datasets::skewedTables);

    private Datasets() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !ALL.containsKey(args[0])) {
            System.err.println("usage: ./ember bench generate " + String.join("|", new java.util.TreeSet<>(ALL.keySet())) + " [--sf 1] [--data DIR]");
            System.exit(2);
        }
        String[] rest = new String[args.length + 1];
        rest[0] = "--suite";
        System.arraycopy(args, 0, rest, 1, args.length);
        BenchOptions options = BenchOptions.parse(rest);
        System.out.println(ALL.get(args[0]).apply(options.dataDirectory(args[0]), options.scale()));
    }

    private static long rows(long atScaleOne, double scale) {
        return Math.max(1, Math.round(atScaleOne * scale));
    }

    /**
     * Word-count text, {@code corpus.txt}: 5 million lines per scale (about 400 MB), 5 to 20 words
     * a line separated by single spaces, drawn by Zipf's law (exponent 1) from 200,000 words.
     */
    public static Path textCorpus(Path directory, double scale) {
        return DataFiles.writeOnce(directory.resolve("corpus.txt"), out -> {
            SplittableRandom random = new SplittableRandom(1);
            Zipf words = new Zipf(200_000, 1.0);
            StringBuilder line = new StringBuilder();
            for (long i = rows(5_000_000, scale); i > 0; i--) {
                line.setLength(0);
                Words.appendWords(line, 5 + random.nextInt(16), words, random);
                out.append(line).append('\n');
            }
        });
    }

    /**
     * Comments like a Reddit dump, {@code comments.jsonl}: 2 million JSON lines per scale (about
     * 350 MB) with author (Zipf over 100,000 users, 3% "[deleted]"), subreddit (Zipf over 2,000),
     * score, created_utc (seconds in 2015) and a body of 3 to 40 Zipf words.
     */
    public static Path comments(Path directory, double scale) {
        return DataFiles.writeOnce(directory.resolve("comments.jsonl"), out -> {
            SplittableRandom random = new SplittableRandom(2);
            Zipf authors = new Zipf(100_000, 1.1);
            Zipf subreddits = new Zipf(2_000, 1.1);
            Zipf words = new Zipf(50_000, 1.0);
            StringBuilder line = new StringBuilder();
            for (long i = rows(2_000_000, scale); i > 0; i--) {
                String author = random.nextInt(100) < 3 ? "[deleted]" : "user" + authors.next(random);
                long score = Math.round(Math.exp(random.nextGaussian() * 1.5)) - 1;
                long created = 1_420_070_400L + random.nextLong(365L * 24 * 3600);
                line.setLength(0);
                line.append("{\"author\":\"").append(author).append("\",\"subreddit\":\"").append(Words.word(subreddits.next(random)))
                        .append("\",\"score\":").append(score).append(",\"created_utc\":").append(created).append(",\"body\":\"");
                Words.appendWords(line, 3 + random.nextInt(38), words, random);
                out.append(line).append("\"}\n");
            }
        });
    }

    /**
     * K-means points like scikit-learn's make_blobs, {@code blobs.csv} with a header: 1 million
     * points per scale in 50 dimensions around 25 centres (uniform in [-10, 10]), unit deviation.
     */
    public static Path blobs(Path directory, double scale) {
        int dimensions = 50;
        return DataFiles.writeOnce(directory.resolve("blobs.csv"), out -> {
            SplittableRandom random = new SplittableRandom(3);
            double[][] centres = new double[25][dimensions];
            for (double[] centre : centres) {
                for (int d = 0; d < dimensions; d++) {
                    centre[d] = random.nextDouble(-10, 10);
                }
            }
            out.append("centre");
            for (int d = 0; d < dimensions; d++) {
                out.append(",x").append(Integer.toString(d));
            }
            out.append('\n');
            for (long i = rows(1_000_000, scale); i > 0; i--) {
                int centre = random.nextInt(centres.length);
                out.append(Integer.toString(centre));
                for (int d = 0; d < dimensions; d++) {
                    out.append(',').append(String.format(Locale.ROOT, "%.4f", centres[centre][d] + random.nextGaussian()));
                }
                out.append('\n');
            }
        });
    }

    /**
     * A labelled set for logistic regression, {@code labelled.csv} with a header: 1 million rows per
     * scale of 20 standard-normal features and a 0/1 label drawn with probability sigmoid(w·x) for
     * fixed weights w.
     */
    public static Path labelledPoints(Path directory, double scale) {
        int features = 20;
        return DataFiles.writeOnce(directory.resolve("labelled.csv"), out -> {
            SplittableRandom random = new SplittableRandom(4);
            double[] weights = new double[features];
            for (int f = 0; f < features; f++) {
                weights[f] = random.nextDouble(-1, 1);
            }
            out.append("label");
            for (int f = 0; f < features; f++) {
                out.append(",f").append(Integer.toString(f));
            }
            out.append('\n');
            StringBuilder line = new StringBuilder();
            for (long i = rows(1_000_000, scale); i > 0; i--) {
                line.setLength(0);
                double dot = 0;
                for (int f = 0; f < features; f++) {
                    double x = random.nextGaussian();
                    dot += weights[f] * x;
                    line.append(',').append(String.format(Locale.ROOT, "%.4f", x));
                }
                out.append(random.nextDouble() < 1 / (1 + Math.exp(-dot)) ? "1" : "0").append(line).append('\n');
            }
        });
    }

    /**
     * A skewed join, in {@code directory}: {@code dim.csv} (key, category of 50, weight), 250,000
     * rows per scale (at least 1,000), and {@code fact.csv} (id, key, amount), 5 million rows per
     * scale whose keys follow Zipf's law (exponent 1.1): the first key alone has about a tenth of
     * the rows. No headers; amounts are whole numbers, so that sums are exact on every engine.
     */
    public static Path skewedTables(Path directory, double scale) {
        int keys = (int) Math.max(1_000, rows(250_000, scale));
        DataFiles.writeOnce(directory.resolve("dim.csv"), out -> {
            SplittableRandom random = new SplittableRandom(5);
            for (int key = 0; key < keys; key++) {
                out.append(Integer.toString(key)).append(",cat").append(Integer.toString(random.nextInt(50))).append(',')
                        .append(Integer.toString(1 + random.nextInt(10))).append('\n');
            }
        });
        DataFiles.writeOnce(directory.resolve("fact.csv"), out -> {
            SplittableRandom random = new SplittableRandom(6);
            Zipf skew = new Zipf(keys, 1.1);
            long count = rows(5_000_000, scale);
            for (long id = 0; id < count; id++) {
                out.append(Long.toString(id)).append(',').append(Integer.toString(skew.next(random))).append(',')
                        .append(Integer.toString(random.nextInt(1000))).append('\n');
            }
        });
        return directory;
    }
}
