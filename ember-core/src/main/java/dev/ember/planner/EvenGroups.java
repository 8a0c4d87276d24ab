package dev.ember.planner;

/**
 * Cuts a sequence of sized items (file splits, shuffle partitions) into consecutive groups of about
 * {@code target} bytes: an item joins the group its middle falls in. So {@code n × target} bytes
 * make at most {@code n} groups, each within half an item of the target, where filling each group
 * up to the target would leave a small last group — a round of tasks with idle threads.
 */
final class EvenGroups {
    private final long target;
    private long before;
    private long group = -1;

    /** {@code target <= 0}: every item is a group of its own. */
    EvenGroups(long target) {
        this.target = target;
    }

    /**
     * The number of groups of {@code totalBytes} that keeps every one of {@code threads} busy in
     * each round of tasks (a multiple of it) with groups of at most {@code maxBytes}.
     */
    static long count(long totalBytes, long maxBytes, int threads) {
        long groups = Math.max(1, ceilDiv(totalBytes, Math.max(1, maxBytes)));
        return ceilDiv(groups, Math.max(1, threads)) * Math.max(1, threads);
    }

    static long ceilDiv(long bytes, long parts) {
        return (bytes + parts - 1) / parts;
    }

    /** Takes the next item, of {@code bytes}, and tells whether it starts a new group (the first item does). */
    boolean startsGroup(long bytes) {
        long index = target <= 0 ? group + 1 : (before + bytes / 2) / target;
        before += bytes;
        boolean starts = index != group;
        group = index;
        return starts;
    }
}
