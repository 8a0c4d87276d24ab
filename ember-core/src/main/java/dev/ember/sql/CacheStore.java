package dev.ember.sql;

import dev.ember.plan.logical.CachedRelation;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.vector.Batch;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The results of persisted DataFrames, kept by the session: computed by the first action that
 * needs one, then read by every later plan that contains the persisted plan. Plans are found by
 * identity, which works because a DataFrame derived from a persisted one holds the very same plan
 * object. Unbounded for now; the memory manager will bound it, an entry being the unit it accounts
 * for and evicts (an evicted entry is simply computed again).
 */
final class CacheStore {
    private final Map<LogicalPlan, Entry> entries = new IdentityHashMap<>();

    /** One persisted plan and, once computed, its batches per partition. */
    private static final class Entry {
        private CachedRelation computed;
    }

    synchronized void persist(LogicalPlan plan) {
        entries.computeIfAbsent(plan, p -> new Entry());
    }

    synchronized void unpersist(LogicalPlan plan) {
        entries.remove(plan);
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized boolean isPersisted(LogicalPlan plan) {
        return entries.containsKey(plan);
    }

    synchronized boolean isComputed(LogicalPlan plan) {
        Entry entry = entries.get(plan);
        return entry != null && entry.computed != null;
    }

    /**
     * The plan with each persisted part replaced by its computed result. Parts not computed yet
     * are computed with {@code compute} (which runs a plan without persisted parts as a job), or
     * left as they are when it is {@code null}.
     */
    LogicalPlan substitute(LogicalPlan plan, Function<LogicalPlan, List<List<Batch>>> compute) {
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
                    entry.computed = new CachedRelation(node.output(), compute.apply(node.withNewChildren(children)));
                }
                return entry.computed != null ? entry.computed : node;
            }
        });
    }
}
