package dev.ember.scheduler;

import java.io.Serializable;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one task attempt measured, Spark's task metrics under Spark's names: times in
 * milliseconds; input read from files; shuffle blocks read and written; what its operators spilled
 * (their size in memory, and on disk).
 */
public record TaskMetrics(long executorRunTime, long jvmGcTime, long recordsRead, long bytesRead, long shuffleReadBytes,
        long shuffleReadRecords, long shuffleWriteBytes, long shuffleWriteRecords, long memoryBytesSpilled, long diskBytesSpilled)
        implements Serializable {

    public static final TaskMetrics EMPTY = new TaskMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** These figures with {@code millis} more run time: work the attempt did after they were taken. */
    public TaskMetrics plusRunTime(long millis) {
        return new TaskMetrics(executorRunTime + millis, jvmGcTime, recordsRead, bytesRead, shuffleReadBytes, shuffleReadRecords,
                shuffleWriteBytes, shuffleWriteRecords, memoryBytesSpilled, diskBytesSpilled);
    }

    /** Counts a running attempt's figures; operators add to it through {@code TaskContext.metrics()}. Thread-safe. */
    public static final class Recorder {
        private final long startNanos = System.nanoTime();
        private final long startGcMillis = totalGcMillis();
        private final LongAdder recordsRead = new LongAdder();
        private final LongAdder bytesRead = new LongAdder();
        private final LongAdder shuffleReadBytes = new LongAdder();
        private final LongAdder shuffleReadRecords = new LongAdder();
        private final LongAdder shuffleWriteBytes = new LongAdder();
        private final LongAdder shuffleWriteRecords = new LongAdder();

        public void inputRead(long records, long bytes) {
            recordsRead.add(records);
            bytesRead.add(bytes);
        }

        public void shuffleRead(long bytes, long records) {
            shuffleReadBytes.add(bytes);
            shuffleReadRecords.add(records);
        }

        public void shuffleWritten(MapStatus status) {
            for (int r = 0; r < status.bytes().length; r++) {
                shuffleWriteBytes.add(status.bytes()[r]);
                shuffleWriteRecords.add(status.rows()[r]);
            }
        }

        /**
         * The figures so far. GC time is the process's collection time during the attempt, as
         * Spark measures it: tasks running beside each other share it.
         */
        public TaskMetrics snapshot(long memoryBytesSpilled, long diskBytesSpilled) {
            return new TaskMetrics((System.nanoTime() - startNanos) / 1_000_000, totalGcMillis() - startGcMillis, recordsRead.sum(),
                    bytesRead.sum(), shuffleReadBytes.sum(), shuffleReadRecords.sum(), shuffleWriteBytes.sum(), shuffleWriteRecords.sum(),
                    memoryBytesSpilled, diskBytesSpilled);
        }

        private static long totalGcMillis() {
            long total = 0;
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                total += Math.max(0, collector.getCollectionTime());
            }
            return total;
        }
    }
}
