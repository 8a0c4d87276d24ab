package dev.ember.expr;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicLong;

/** The identity of an attribute across a plan: two references with the same id are the same column. */
public record ExprId(long id) implements Serializable {
    private static final AtomicLong NEXT = new AtomicLong();

    public static ExprId next() {
        return new ExprId(NEXT.incrementAndGet());
    }

    @Override
    public String toString() {
        return "#" + id;
    }
}
