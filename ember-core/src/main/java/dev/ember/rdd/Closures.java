package dev.ember.rdd;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.exec.TaskContext;
import dev.ember.storage.ElementStreams;
import dev.ember.accumulator.AccumulatorV2;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** Checks, when a transformation is declared, that its function can travel to executors. */
final class Closures {
    private Closures() {
    }

    /**
     * Serializes {@code function} and throws {@code TASK_NOT_SERIALIZABLE} naming the class that
     * cannot be, so the error points at the transformation rather than surfacing inside a task.
     *
     * <p>A function that reaches accumulators is returned wrapped so that each task attempt calls
     * its own deserialized copy (as a Spark executor would), whose accumulators are the attempt's
     * own zero copies, merged into the driver's only when the attempt succeeds.
     */
    @SuppressWarnings("unchecked")
    static <F> F checked(F function, String method) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean[] reachesAccumulators = {false};
        try (ObjectOutputStream out = new ObjectOutputStream(bytes) {
            {
                enableReplaceObject(true);
            }

            @Override
            protected Object replaceObject(Object obj) {
                reachesAccumulators[0] |= obj instanceof AccumulatorV2;
                return obj;
            }
        }) {
            out.writeObject(function);
        } catch (NotSerializableException e) {
            throw EmberException.of(ErrorClass.TASK_NOT_SERIALIZABLE, "class", e.getMessage(), "method", method).withCause(e);
        } catch (IOException e) {
            throw EmberException.of(ErrorClass.TASK_NOT_SERIALIZABLE, "class", String.valueOf(e), "method", method).withCause(e);
        }
        if (!reachesAccumulators[0] || function instanceof Proxy) {
            return function;
        }
        return (F) Proxy.newProxyInstance(function.getClass().getClassLoader(), function.getClass().getInterfaces(),
                new PerTaskCopy(function, bytes.toByteArray()));
    }

    /** Calls the task attempt's own copy of a function (the original on the driver, outside tasks). */
    private static final class PerTaskCopy implements InvocationHandler, Serializable {
        private static final long serialVersionUID = 1L;

        private final Object original;
        private final byte[] serialized;

        PerTaskCopy(Object original, byte[] serialized) {
            this.original = original;
            this.serialized = serialized;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object target = original;
            TaskContext task = TaskContext.get();
            if (task != null && method.getDeclaringClass() != Object.class) {
                target = task.taskLocal(this, this::copy);
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private Object copy() {
            return ElementStreams.readObject(serialized);
        }
    }

    /**
     * A copy of {@code value} made by serializing it: each partition of a fold or aggregation starts
     * from its own copy of the zero value, as in Spark, where the zero travels with the task.
     */
    @SuppressWarnings("unchecked")
    static <T> T copy(T value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy " + value, e);
        }
        return (T) ElementStreams.readObject(bytes.toByteArray());
    }

    /** Rethrows a user function's checked exception as it is, so the task failure names it. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException rethrow(Throwable e) throws E {
        throw (E) e;
    }
}
