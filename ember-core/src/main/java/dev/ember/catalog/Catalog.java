package dev.ember.catalog;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.plan.logical.LogicalPlan;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The session's temporary views: names (case-insensitive) to analyzed plans; and the way to the
 * persistent tables ({@link TableCatalog}), which a view of the same name hides. Thread-safe.
 */
public final class Catalog {
    private final Map<String, LogicalPlan> views = new ConcurrentHashMap<>();
    private final Function<String, Optional<LogicalPlan>> tables;

    public Catalog() {
        this(name -> Optional.empty());
    }

    /** @param tables reads a table of the {@code default} database by name, if there is one */
    public Catalog(Function<String, Optional<LogicalPlan>> tables) {
        this.tables = tables;
    }

    /** A view, or else a table, of that name: what an unqualified name in a query means. */
    public Optional<LogicalPlan> relation(String name) {
        Optional<LogicalPlan> view = view(name);
        return view.isPresent() ? view : tables.apply(name);
    }

    /** A table of the {@code default} database ({@code default.name}). */
    public Optional<LogicalPlan> table(String name) {
        return tables.apply(name);
    }

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
