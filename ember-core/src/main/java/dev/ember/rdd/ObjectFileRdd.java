package dev.ember.rdd;

import dev.ember.exec.TaskContext;
import dev.ember.fs.Location;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The elements saved by {@code saveAsObjectFile}: one partition per file, in file name order. */
final class ObjectFileRdd<T> extends Rdd<T> {
    private static final long serialVersionUID = 1L;

    private final List<Location> files;
    private final Map<String, String> fileSystemSettings;

    ObjectFileRdd(EmberContext context, List<Location> files, Map<String, String> fileSystemSettings) {
        super(context);
        this.files = List.copyOf(files);
        this.fileSystemSettings = Map.copyOf(fileSystemSettings);
    }

    @Override
    public int getNumPartitions() {
        return files.size();
    }

    @Override
    protected Iterator<T> compute(int partition, TaskContext task) {
        return Checkpoint.readFile(files.get(partition), fileSystemSettings);
    }
}
