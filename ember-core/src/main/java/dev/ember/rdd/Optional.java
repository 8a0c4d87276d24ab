package dev.ember.rdd;

import java.io.Serializable;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A value that may be absent, as Spark's Java API has it ({@code org.apache.spark.api.java.Optional}):
 * the outer sides of {@code leftOuterJoin}, {@code rightOuterJoin} and {@code fullOuterJoin}, an
 * RDD's partitioner, its checkpoint file. Unlike {@link java.util.Optional} it is serializable, so
 * it travels in shuffles between processes.
 */
public final class Optional<T> implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Optional<?> EMPTY = new Optional<>(null);

    private final T value;

    private Optional(T value) {
        this.value = value;
    }

    /** A present value; {@code null} is refused. */
    public static <T> Optional<T> of(T value) {
        return new Optional<>(Objects.requireNonNull(value, "value is null"));
    }

    /** The value, or an absent Optional for {@code null}. */
    public static <T> Optional<T> ofNullable(T value) {
        return value == null ? empty() : new Optional<>(value);
    }

    @SuppressWarnings("unchecked")
    public static <T> Optional<T> empty() {
        return (Optional<T>) EMPTY;
    }

    /** Guava's name, which Spark keeps: {@link #ofNullable}. */
    public static <T> Optional<T> fromNullable(T value) {
        return ofNullable(value);
    }

    /** Guava's name, which Spark keeps: {@link #empty}. */
    public static <T> Optional<T> absent() {
        return empty();
    }

    public boolean isPresent() {
        return value != null;
    }

    /** The value; {@link NoSuchElementException} when absent. */
    public T get() {
        if (value == null) {
            throw new NoSuchElementException("value is absent");
        }
        return value;
    }

    public T orElse(T other) {
        return value != null ? value : other;
    }

    /** Guava's name, which Spark keeps: {@link #orElse}. */
    public T or(T other) {
        return orElse(other);
    }

    public T orNull() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Optional<?> optional && Objects.equals(value, optional.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return value == null ? "Optional.empty" : "Optional[" + value + "]";
    }

    /** Keeps one empty instance per process. */
    private Object readResolve() {
        return value == null ? EMPTY : this;
    }
}
