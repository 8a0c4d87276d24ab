package dev.ember.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The named results of one engine's run of an {@link RddProgram}, normalized for comparison:
 * Spark's {@code Tuple2..4} and Ember's {@code Pair}, {@code Tuple3}, {@code Tuple4} become lists
 * of their fields; Spark's and Ember's {@code Optional} become {@link Opt}; Scala and Java
 * collections become lists and maps. A result that throws is recorded as {@link Thrown} (its
 * class and message), so failures are compared too.
 */
public final class RddResults {
    /** A present or empty Optional of either API. */
    public record Opt(Object value, boolean present) {
        @Override
        public String toString() {
            return present ? "Optional[" + Values.format(value) + "]" : "Optional.empty";
        }
    }

    /** What a result threw: the exception's JDK class and message (drivers' errors such as "empty collection"). */
    public record Thrown(String type, String message) {
    }

    private final Map<String, Object> results = new LinkedHashMap<>();

    /** A result compared exactly, collections in their order (take, takeOrdered, sortByKey, glom ...). */
    public void ordered(String name, Supplier<?> result) {
        record(name, result, false);
    }

    /**
     * A result whose collections, at every level, are compared as multisets: what Spark gives no
     * order for (collect after a shuffle, the values of a group).
     */
    public void unordered(String name, Supplier<?> result) {
        record(name, result, true);
    }

    private void record(String name, Supplier<?> result, boolean sortCollections) {
        if (results.containsKey(name)) {
            throw new IllegalArgumentException("result " + name + " recorded twice");
        }
        Object value;
        try {
            value = normalize(result.get(), sortCollections);
        } catch (RuntimeException e) {
            value = new Thrown(javaType(e), e.getMessage());
        }
        results.put(name, value);
    }

    /** The first JDK class of the exception's: Spark's own subclasses (SparkUnsupportedOperationException) count as what they extend. */
    private static String javaType(Throwable e) {
        Class<?> type = e.getClass();
        while (!type.getName().startsWith("java.")) {
            type = type.getSuperclass();
        }
        return type.getSimpleName();
    }

    Map<String, Object> results() {
        return results;
    }

    private static Object normalize(Object value, boolean sort) {
        if (value instanceof scala.Product product && value.getClass().getName().startsWith("scala.Tuple")) {
            List<Object> fields = new ArrayList<>();
            CollectionConverters.asJava(product.productIterator()).forEachRemaining(field -> fields.add(normalize(field, sort)));
            return fields;
        }
        if (value instanceof dev.ember.rdd.Pair<?, ?> pair) {
            return tuple(sort, pair._1(), pair._2());
        }
        if (value instanceof dev.ember.rdd.Tuple3<?, ?, ?> t) {
            return tuple(sort, t._1(), t._2(), t._3());
        }
        if (value instanceof dev.ember.rdd.Tuple4<?, ?, ?, ?> t) {
            return tuple(sort, t._1(), t._2(), t._3(), t._4());
        }
        if (value instanceof org.apache.spark.api.java.Optional<?> optional) {
            return new Opt(optional.isPresent() ? normalize(optional.get(), sort) : null, optional.isPresent());
        }
        if (value instanceof dev.ember.rdd.Optional<?> optional) {
            return new Opt(optional.isPresent() ? normalize(optional.get(), sort) : null, optional.isPresent());
        }
        if (value instanceof scala.collection.Map<?, ?> map) {
            return normalize(CollectionConverters.asJava(map), sort);
        }
        if (value instanceof Map<?, ?> map) {
            return Values.normalizeMap(map, v -> normalize(v, sort));
        }
        if (value instanceof scala.collection.Iterable<?> iterable) {
            return normalize(CollectionConverters.asJava(iterable), sort);
        }
        if (value instanceof Object[] array) {
            return normalize(List.of(array), sort);
        }
        if (value instanceof Iterable<?> iterable) {
            List<Object> list = Values.normalizeList(iterable, v -> normalize(v, sort));
            if (sort) {
                list.sort(ORDER);
            }
            return list;
        }
        return value;
    }

    private static final Comparator<Object> ORDER = (a, b) -> Values.order(orderable(a), orderable(b));

    /** Values.order compares lists and plain values; Opt and Thrown are compared by their printed form. */
    private static Object orderable(Object value) {
        return value instanceof Opt || value instanceof Thrown ? Objects.toString(value) : value;
    }

    private static List<Object> tuple(boolean sort, Object... fields) {
        List<Object> out = new ArrayList<>();
        for (Object field : fields) {
            out.add(normalize(field, sort));
        }
        return out;
    }
}
