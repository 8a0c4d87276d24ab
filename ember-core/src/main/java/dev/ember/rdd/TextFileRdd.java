package dev.ember.rdd;

import dev.ember.exec.TaskContext;
import dev.ember.fs.FileEntry;
import dev.ember.fs.FileSystems;
import dev.ember.source.BatchReader;
import dev.ember.source.FileFormat;
import dev.ember.source.FileFormats;
import dev.ember.source.FileSplit;
import dev.ember.source.ReadOptions;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The lines of text files ({@code textFile}), or each file whole ({@code wholeTextFiles}), read by
 * the text format. Splits follow Hadoop's {@code FileInputFormat}, which Spark's {@code textFile}
 * uses, so partition counts agree: a goal of {@code totalBytes / minPartitions} per split, at most
 * one 32 MB block, a file's last split up to 10% larger, compressed files whole, empty files left
 * out (Spark's {@code spark.hadoopRDD.ignoreEmptySplits}). A line belongs to the split holding the
 * byte before it, as Hadoop's line reader decides.
 */
final class TextFileRdd extends Rdd<String> {
    private static final long serialVersionUID = 1L;
    /** Hadoop's block size of local files and of S3A ({@code fs.local.block.size}, {@code fs.s3a.block.size}). */
    static final long BLOCK_SIZE = 32L << 20;
    /** Hadoop's {@code SPLIT_SLOP}: a last piece up to this much of a split stays in the split before it. */
    private static final double SPLIT_SLOP = 1.1;
    private static final ReadOptions LINES = new ReadOptions(Map.of());
    private static final ReadOptions WHOLE_FILES = new ReadOptions(Map.of("wholetext", "true"));

    private final List<List<FileSplit>> partitions;
    private final boolean wholeFiles;
    private final Map<String, String> fileSystemSettings;

    private TextFileRdd(EmberContext context, List<List<FileSplit>> partitions, boolean wholeFiles) {
        super(context);
        this.partitions = List.copyOf(partitions);
        this.wholeFiles = wholeFiles;
        this.fileSystemSettings = context.fileSystemSettings();
    }

    /** {@code textFile}: one partition per split, planned as Hadoop plans them. */
    static TextFileRdd lines(EmberContext context, List<FileEntry> files, int minPartitions) {
        long total = files.stream().mapToLong(FileEntry::length).sum();
        long goal = total / Math.max(1, minPartitions);
        long splitSize = Math.max(1, Math.min(goal, BLOCK_SIZE));
        FileFormat text = FileFormats.find("text");
        List<List<FileSplit>> partitions = new ArrayList<>();
        for (FileEntry file : files) {
            long length = file.length();
            if (length == 0) {
                continue;
            }
            if (!text.isSplittable(file.location(), LINES)) {
                partitions.add(List.of(FileSplit.whole(file)));
                continue;
            }
            long remaining = length;
            while ((double) remaining / splitSize > SPLIT_SLOP) {
                partitions.add(List.of(new FileSplit(file.location(), length - remaining, splitSize, length)));
                remaining -= splitSize;
            }
            if (remaining > 0) {
                partitions.add(List.of(new FileSplit(file.location(), length - remaining, remaining, length)));
            }
        }
        return new TextFileRdd(context, partitions, false);
    }

    /**
     * {@code wholeTextFiles}: files packed in order into partitions of about
     * {@code totalBytes / minPartitions} bytes each (Spark's whole-file input format's target).
     */
    static PairRdd<String, String> wholeFiles(EmberContext context, List<FileEntry> files, int minPartitions) {
        long total = files.stream().mapToLong(FileEntry::length).sum();
        long target = (long) Math.ceil((double) total / Math.max(1, minPartitions));
        List<List<FileSplit>> partitions = new ArrayList<>();
        List<FileSplit> current = new ArrayList<>();
        long bytes = 0;
        for (FileEntry file : files) {
            current.add(FileSplit.whole(file));
            bytes += file.length();
            if (bytes >= target) {
                partitions.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
        }
        if (!current.isEmpty()) {
            partitions.add(current);
        }
        return new PairRdd<>(new TextFileRdd(context, partitions, true).mapPartitionsWithIndex((index, contents) -> {
            Iterator<FileSplit> splits = partitions.get(index).iterator();
            return Iterators.map(contents, content -> Pair.of(splits.next().location().toString(), content));
        }, false));
    }

    @Override
    public int getNumPartitions() {
        return partitions.size();
    }

    @Override
    protected Iterator<String> compute(int partition, TaskContext task) {
        if (wholeFiles) {
            return Iterators.map(partitions.get(partition).iterator(), split -> wholeText(split, task));
        }
        return new Iterator<>() {
            private final Iterator<FileSplit> splits = partitions.get(partition).iterator();
            private BatchReader reader;
            private ColumnVector values;
            private int rows;
            private int row;

            @Override
            public boolean hasNext() {
                try {
                    while (row >= rows) {
                        Batch batch = reader == null ? null : reader.next();
                        if (batch != null) {
                            values = batch.column(0);
                            rows = batch.rowCount();
                            row = 0;
                            continue;
                        }
                        if (reader != null) {
                            reader.close();
                            reader = null;
                        }
                        if (!splits.hasNext()) {
                            return false;
                        }
                        reader = open(splits.next());
                        task.addCompletionListener(reader);
                    }
                    return true;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return (String) values.getObject(row++);
            }
        };
    }

    /** A file's whole text; empty for an empty file (for which the reader gives no row). */
    private String wholeText(FileSplit split, TaskContext task) throws IOException {
        BatchReader reader = open(split);
        task.addCompletionListener(reader);
        try (reader) {
            Batch batch = reader.next();
            return batch == null || batch.rowCount() == 0 ? "" : (String) batch.column(0).getObject(0);
        }
    }

    private BatchReader open(FileSplit split) throws IOException {
        ReadOptions options = wholeFiles ? WHOLE_FILES : LINES;
        FileFormat text = FileFormats.find("text");
        return text.open(FileSystems.of(split.location(), fileSystemSettings).newInputFile(new FileEntry(split.location(), split.fileLength())),
                split, text.schemaWithoutFiles(), new int[] {0}, options);
    }
}
