package dev.ember.vector;

/**
 * A stable sort of row positions ({@code int}s) by a comparator of positions: what
 * {@code Arrays.sort(Integer[], Comparator)} does, without boxing every position. A merge sort
 * with insertion-sorted short runs, so rows that compare equal keep their order.
 */
public final class PositionSort {
    /** Compares the rows at two positions. */
    @FunctionalInterface
    public interface PositionComparator {
        int compare(int a, int b);
    }

    private static final int INSERTION_RUN = 32;

    private PositionSort() {
    }

    /** Sorts {@code positions[0, count)} in place. */
    public static void sort(int[] positions, int count, PositionComparator comparator) {
        if (count < 2) {
            return;
        }
        int[] buffer = new int[count];
        for (int from = 0; from < count; from += INSERTION_RUN) {
            insertionSort(positions, from, Math.min(count, from + INSERTION_RUN), comparator);
        }
        int[] source = positions;
        int[] target = buffer;
        for (int width = INSERTION_RUN; width < count; width *= 2) {
            for (int left = 0; left < count; left += 2 * width) {
                int middle = Math.min(count, left + width);
                int right = Math.min(count, left + 2 * width);
                merge(source, target, left, middle, right, comparator);
            }
            int[] swap = source;
            source = target;
            target = swap;
        }
        if (source != positions) {
            System.arraycopy(source, 0, positions, 0, count);
        }
    }

    private static void insertionSort(int[] positions, int from, int to, PositionComparator comparator) {
        for (int i = from + 1; i < to; i++) {
            int value = positions[i];
            int j = i - 1;
            while (j >= from && comparator.compare(positions[j], value) > 0) {
                positions[j + 1] = positions[j];
                j--;
            }
            positions[j + 1] = value;
        }
    }

    /** Merges the sorted {@code source[left, middle)} and {@code source[middle, right)} into {@code target}; left wins ties. */
    private static void merge(int[] source, int[] target, int left, int middle, int right, PositionComparator comparator) {
        if (middle >= right || comparator.compare(source[middle - 1], source[middle]) <= 0) {
            System.arraycopy(source, left, target, left, right - left);
            return;
        }
        int i = left;
        int j = middle;
        for (int k = left; k < right; k++) {
            if (j >= right || i < middle && comparator.compare(source[i], source[j]) <= 0) {
                target[k] = source[i++];
            } else {
                target[k] = source[j++];
            }
        }
    }
}
