package dev.ember.config;

import dev.ember.error.EmberException;
import java.util.Optional;

/**
 * Ember's optional modules (ember-ui, ember-cluster) reached from ember-core by class name: a class
 * is looked up where it is, as a {@link java.util.ServiceLoader} would first open every jar of the
 * class path for its service files, which is a good part of a session's start-up on a long class path.
 */
public final class Modules {
    private Modules() {
    }

    /** A new instance of {@code className} (a {@code type} with a public constructor without arguments), or empty when its module is not on the class path. */
    public static <T> Optional<T> instance(Class<T> type, String className) {
        Class<?> found;
        try {
            found = Class.forName(className, true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(type.cast(found.getConstructor().newInstance()));
        } catch (ReflectiveOperationException e) {
            throw EmberException.internal("cannot make " + className + ": " + e, e);
        }
    }
}
