package dev.ember.rdd;

import dev.ember.exec.TaskContext;
import dev.ember.memory.MemoryConsumer;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An operator's output still held in memory, read in order, with {@code bytes} of its owner's
 * reservation: {@link #spill} writes what is not read yet to a spill file and reads on from there,
 * so that an operator downstream in the same task can have the memory. The memory is given back
 * once spilled or read to the end.
 */
final class SpillableOutput<T> implements Iterator<T> {
    private final MemoryConsumer owner;
    private final TaskContext task;
    private final String purpose;
    private List<T> items;
    private long bytes;
    private int next;
    private Iterator<T> spilled;

    SpillableOutput(MemoryConsumer owner, TaskContext task, String purpose, List<T> items, long bytes) {
        this.owner = owner;
        this.task = task;
        this.purpose = purpose;
        this.items = items;
        this.bytes = bytes;
    }

    /** The owner's reservation this output still holds. */
    long bytes() {
        return bytes;
    }

    void spill() {
        if (items != null && next < items.size()) {
            Path file = SpillRuns.write(owner.memory(), purpose, items.subList(next, items.size()).iterator(), bytes);
            spilled = SpillRuns.read(task, file);
        }
        free();
    }

    private void free() {
        items = null;
        owner.release(bytes);
        bytes = 0;
    }

    @Override
    public boolean hasNext() {
        if (spilled != null) {
            return spilled.hasNext();
        }
        if (items != null && next < items.size()) {
            return true;
        }
        if (items != null) {
            free();
        }
        return false;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return spilled != null ? spilled.next() : items.get(next++);
    }
}
