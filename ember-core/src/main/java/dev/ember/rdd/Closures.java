package dev.ember.rdd;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import java.io.IOException;
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

    /** Rethrows a user function's checked exception as it is, so the task failure names it. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException rethrow(Throwable e) throws E {
        throw (E) e;
    }
}
