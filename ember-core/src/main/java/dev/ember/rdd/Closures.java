package dev.ember.rdd;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;

/** Checks, when a transformation is declared, that its function can travel to executors. */
final class Closures {
    private Closures() {
    }

    /**
     * Serializes {@code function} and throws {@code TASK_NOT_SERIALIZABLE} naming the class that
     * cannot be, so the error points at the transformation rather than surfacing inside a task.
     */
    static <F> F checked(F function, String method) {
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(function);
        } catch (NotSerializableException e) {
            throw EmberException.of(ErrorClass.TASK_NOT_SERIALIZABLE, "class", e.getMessage(), "method", method).withCause(e);
        } catch (IOException e) {
            throw EmberException.of(ErrorClass.TASK_NOT_SERIALIZABLE, "class", String.valueOf(e), "method", method).withCause(e);
        }
        return function;
    }

    /**
     * A copy of {@code value} made by serializing it: each partition of a fold or aggregation starts
     * from its own copy of the zero value, as in Spark, where the zero travels with the task.
     */
    @SuppressWarnings("unchecked")
    static <T> T copy(T value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot copy " + value, e);
        }
    }

    /** Rethrows a user function's checked exception as it is, so the task failure names it. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException rethrow(Throwable e) throws E {
        throw (E) e;
    }
}
