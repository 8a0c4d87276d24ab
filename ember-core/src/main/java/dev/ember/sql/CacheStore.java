package dev.ember.sql;

import dev.ember.plan.logical.CachedRelation;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.scheduler.ShuffleStore;
import dev.ember.storage.StorageLevel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The results of persisted DataFrames, kept by the session: computed by the first action that
 * needs one, then read by every later plan that contains the persisted plan. Plans are found by
 * identity, which works because a DataFrame derived from a persisted one holds the very same plan
 * object.
 *
 * <p>The computed partitions live in the session's {@link ShuffleStore} as cached blocks: the
 * tasks that compute them write them there, in storage memory while the memory manager grants it
 * (evicted to disk when other blocks or operators need the room) and on disk otherwise, or on disk
 * only for {@link StorageLevel#DISK_ONLY}. Caching never needs more memory than the budget.
 */
final class CacheStore {
    private final ShuffleStore blocks;
    private final Map<LogicalPlan, Entry> entries = new IdentityHashMap<>();

    CacheStore(ShuffleStore blocks) {
        this.blocks = blocks;
    }

    /** One persisted plan, its level and, once computed, where its partitions are. */
    private static final class Entry {
        private final StorageLevel level;
        private CachedRelation computed;

        Entry(StorageLevel level) {
            this.level = level;
        }
    }

    synchronized void persist(LogicalPlan plan, StorageLevel level) {
        entries.computeIfAbsent(plan, p -> new Entry(level));
    }

    void unpersist(LogicalPlan plan) {
        Entry entry;
        synchronized (this) {
            entry = entries.remove(plan);
        }
        free(entry);
    }

    void clear() {
        List<Entry> all;
        synchronized (this) {
            all = new ArrayList<>(entries.values());
            entries.clear();
        }
        all.forEach(this::free);
    }

    private void free(Entry entry) {
        if (entry != null) {
            synchronized (entry) {
                if (entry.computed != null) {
                    blocks.remove(entry.computed.cacheId());
                    entry.computed = null;
                }
            }
        }
    }

    synchronized boolean isPersisted(LogicalPlan plan) {
        return entries.containsKey(plan);
    }

    boolean isComputed(LogicalPlan plan) {
        Entry entry;
        synchronized (this) {
            entry = entries.get(plan);
        }
        if (entry == null) {
            return false;
        }
        synchronized (entry) {
            return entry.computed != null;
        }
    }

    /** The level {@code plan} is persisted at, or {@link StorageLevel#NONE}. */
    synchronized StorageLevel storageLevel(LogicalPlan plan) {
        Entry entry = entries.get(plan);
        return entry == null ? StorageLevel.NONE : entry.level;
    }

    /**
     * The plan with each persisted part replaced by its computed result. Parts not computed yet
     * are computed with {@code compute} (which runs a plan without persisted parts as a job whose
     * tasks write their partitions into the store at the level given), or left as they are when it
     * is {@code null}.
     */
    LogicalPlan substitute(LogicalPlan plan, BiFunction<LogicalPlan, StorageLevel, CachedRelation> compute) {
        synchronized (this) {
            if (entries.isEmpty()) {
                return plan;
            }
        }
        return plan.transformDown(node -> {
            Entry entry;
            synchronized (this) {
                entry = entries.get(node);
            }
            if (entry == null) {
                return node;
            }
            synchronized (entry) {
                if (entry.computed == null && compute != null) {
                    // Persisted plans inside this one are read from (or computed into) the store first.
                    List<LogicalPlan> children = node.children().stream().map(child -> substitute(child, compute)).toList();
                    entry.computed = compute.apply(node.withNewChildren(children), entry.level);
                }
                return entry.computed != null ? entry.computed : node;
            }
        });
    }
}
