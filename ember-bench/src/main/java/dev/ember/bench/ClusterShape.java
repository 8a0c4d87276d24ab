package dev.ember.bench;

/**
 * The cluster of {@code --cluster WxC}: W workers of C cores each, every engine on its own
 * standalone master and workers on loopback, one executor of C cores per worker.
 */
public record ClusterShape(int workers, int coresPerWorker) {
    public ClusterShape {
        if (workers < 1 || coresPerWorker < 1) {
            throw new IllegalArgumentException("--cluster needs at least one worker of one core, as 2x1");
        }
    }

    /** {@code 2x1}: two workers of one core. */
    public static ClusterShape parse(String text) {
        String[] parts = text.split("x");
        if (parts.length != 2 || !parts[0].matches("\\d+") || !parts[1].matches("\\d+")) {
            throw new IllegalArgumentException("--cluster takes WORKERSxCORES, as 2x1; not " + text);
        }
        return new ClusterShape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    public int totalCores() {
        return workers * coresPerWorker;
    }

    @Override
    public String toString() {
        return workers + "x" + coresPerWorker;
    }
}
