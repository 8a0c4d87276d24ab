package dev.ember.events;

import java.util.function.Supplier;

/**
 * The SQL execution the calling thread's jobs run for (Spark's {@code spark.sql.execution.id}
 * local property), so that the UI lists a query's jobs with it. Inherited by threads it starts.
 */
public final class SqlExecutionScope {
    private static final InheritableThreadLocal<Long> CURRENT = new InheritableThreadLocal<>();

    private SqlExecutionScope() {
    }

    /** The current execution's id, or -1 outside executions. */
    public static long currentId() {
        Long id = CURRENT.get();
        return id == null ? -1 : id;
    }

    /** Runs {@code body} as part of execution {@code id}. */
    public static <T> T run(long id, Supplier<T> body) {
        Long outer = CURRENT.get();
        CURRENT.set(id);
        try {
            return body.get();
        } finally {
            CURRENT.set(outer);
        }
    }
}
