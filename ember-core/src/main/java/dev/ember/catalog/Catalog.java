package dev.ember.catalog;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.plan.logical.LogicalPlan;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The session's temporary views: names (case-insensitive) to analyzed plans. Thread-safe. */
public final class Catalog {
    private final Map<String, LogicalPlan> views = new ConcurrentHashMap<>();

    public Optional<LogicalPlan> view(String name) {
        return Optional.ofNullable(views.get(key(name)));
    }

    public void createView(String name, LogicalPlan analyzedPlan, boolean replace) {
        LogicalPlan previous = replace ? views.put(key(name), analyzedPlan) : views.putIfAbsent(key(name), analyzedPlan);
        if (previous != null && !replace) {
            throw EmberException.of(ErrorClass.TABLE_OR_VIEW_ALREADY_EXISTS, "name", "`" + name + "`");
        }
    }

    public boolean dropView(String name) {
        return views.remove(key(name)) != null;
    }

    /** The view names, sorted. */
    public List<String> viewNames() {
        return views.keySet().stream().sorted().toList();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
