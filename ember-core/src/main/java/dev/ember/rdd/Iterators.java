package dev.ember.rdd;

import dev.ember.rdd.function.FlatMapFunction;
import dev.ember.rdd.function.Function;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Lazy element-at-a-time adapters for running user functions over a partition. */
final class Iterators {
    private Iterators() {
    }

    static <T, R> Iterator<R> map(Iterator<T> input, Function<? super T, ? extends R> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return input.hasNext();
            }

            @Override
            public R next() {
                return call(f, input.next());
            }
        };
    }

    static <T> Iterator<T> filter(Iterator<T> input, Function<? super T, Boolean> keep) {
        return new Iterator<>() {
            private T next;
            private boolean ready;

            @Override
            public boolean hasNext() {
                while (!ready && input.hasNext()) {
                    T candidate = input.next();
                    if (call(keep, candidate)) {
                        next = candidate;
                        ready = true;
                    }
                }
                return ready;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = false;
                return next;
            }
        };
    }

    static <T, R> Iterator<R> flatMap(Iterator<T> input, FlatMapFunction<? super T, R> f) {
        return new Iterator<>() {
            private Iterator<R> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && input.hasNext()) {
                    try {
                        current = f.call(input.next());
                    } catch (Exception e) {
                        throw Closures.rethrow(e);
                    }
                }
                return current.hasNext();
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    static <T, R> R call(Function<? super T, ? extends R> f, T value) {
        try {
            return f.call(value);
        } catch (Exception e) {
            throw Closures.rethrow(e);
        }
    }
}
