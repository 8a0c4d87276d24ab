package dev.ember.exec;

import dev.ember.expr.ExprId;
import dev.ember.expr.Expression;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a physical subtree computes, apart from the identities it was planned with (Spark's
 * canonicalized plans, by which equal exchanges are computed once): every field of every node and
 * expression, attribute ids numbered by first appearance, node and shuffle ids left out. Two keys
 * are equal only when the subtrees compute the same rows from the same inputs; a relation read
 * twice gets fresh attribute ids, which is why the ids are renumbered.
 *
 * <p>Nodes are compared field by field (by reflection) so that no node can forget to declare a
 * field that changes its result. Objects of the packages that describe plans are walked the same
 * way; any other object is compared by its own {@code equals} (identity at worst, which only
 * misses a reuse).
 *
 * <p>An exchange inside the subtree enters the key as its own key and its output's ids, so that
 * with {@link ExchangeKeys} every node of a plan is walked once however deep exchanges nest (the
 * nodes above an exchange read only its output, so no other id of its subtree matters to them).
 */
public final class CanonicalPlan {
    private static final List<String> DESCRIBING_PACKAGES = List.of(
            "dev.ember.exec", "dev.ember.expr", "dev.ember.sql.types", "dev.ember.source", "dev.ember.fs");
    /** Fields that name a node or its output rather than say what it computes. */
    private static final Set<String> IDENTITIES = Set.of(
            "PhysicalPlan.id", "ShuffleExchangeExec.shuffleId", "ShuffleExchangeExec.reused", "ShuffleExchangeExec.kept");
    private static final ClassValue<Boolean> DESCRIBES_PLANS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            String name = type.getName();
            return !type.isSynthetic() && !type.isHidden() && DESCRIBING_PACKAGES.stream().anyMatch(p -> name.startsWith(p + "."));
        }
    };
    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !isIdentity(field)) {
                        field.setAccessible(true);
                        fields.add(field);
                    }
                }
            }
            return List.copyOf(fields);
        }
    };

    private final Map<ExprId, Integer> exprIds = new HashMap<>();
    /** The objects being walked: one met again inside itself is compared by identity, not walked forever. */
    private final Set<Object> walking = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ExchangeKeys exchangeKeys;
    private boolean deterministic = true;

    private CanonicalPlan(ExchangeKeys exchangeKeys) {
        this.exchangeKeys = exchangeKeys;
    }

    /** The key of {@code plan}, or empty when it is not deterministic (computing it twice may give other rows). */
    public static Optional<Object> of(PhysicalPlan plan) {
        return new ExchangeKeys().of(plan);
    }

    /** The key of bound expressions: equal for expressions that compute the same from the same positions. */
    public static Object of(List<? extends Expression> expressions) {
        return new CanonicalPlan(new ExchangeKeys()).walk(expressions);
    }

    /** Keys of plans that remember those of the exchanges met, so that a nested exchange is walked once. */
    public static final class ExchangeKeys {
        private final Map<ShuffleExchangeExec, Optional<Object>> keys = new IdentityHashMap<>();

        /** As {@link CanonicalPlan#of(PhysicalPlan)}. */
        public Optional<Object> of(PhysicalPlan plan) {
            if (plan instanceof ShuffleExchangeExec exchange && keys.containsKey(exchange)) {
                return keys.get(exchange);
            }
            CanonicalPlan canonical = new CanonicalPlan(this);
            Object walked = canonical.walkNode(plan);
            Optional<Object> key = canonical.deterministic ? Optional.of(walked) : Optional.empty();
            if (plan instanceof ShuffleExchangeExec exchange) {
                keys.put(exchange, key);
            }
            return key;
        }
    }

    private static boolean isIdentity(Field field) {
        return IDENTITIES.contains(field.getDeclaringClass().getSimpleName() + "." + field.getName());
    }

    private Object walk(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?>) {
            return value;
        }
        if (value instanceof ExprId id) {
            return List.of("#", exprIds.computeIfAbsent(id, unused -> exprIds.size()));
        }
        if (value instanceof Expression expression && !expression.deterministic()) {
            deterministic = false;
        }
        if (value instanceof ShuffleExchangeExec exchange) {
            Optional<Object> key = exchangeKeys.of(exchange);
            deterministic &= key.isPresent();
            return Arrays.asList("exchange", key.orElse(exchange), walk(exchange.output()));
        }
        if (value instanceof Collection<?> collection) {
            List<Object> elements = new ArrayList<>(collection.size());
            for (Object element : collection) {
                elements.add(walk(element));
            }
            return elements;
        }
        if (value instanceof Map<?, ?> map) {
            List<Object> entries = new ArrayList<>();
            // Arrays.asList: a map's values (a map literal's) may be NULL.
            map.forEach((k, v) -> entries.add(Arrays.asList(walk(k), walk(v))));
            return entries;
        }
        if (value.getClass().isArray()) {
            return value instanceof Object[] array ? walk(Arrays.asList(array)) : primitiveArray(value);
        }
        return DESCRIBES_PLANS.get(value.getClass()) ? walkNode(value) : value;
    }

    /** {@code value}'s class and fields, walked. */
    private Object walkNode(Object value) {
        if (!walking.add(value)) {
            return value;
        }
        List<Object> fields = new ArrayList<>();
        fields.add(value.getClass().getName());
        for (Field field : FIELDS.get(value.getClass())) {
            try {
                fields.add(walk(field.get(value)));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        walking.remove(value);
        return fields;
    }

    private static Object primitiveArray(Object array) {
        int length = java.lang.reflect.Array.getLength(array);
        List<Object> values = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            values.add(java.lang.reflect.Array.get(array, i));
        }
        return values;
    }
}
