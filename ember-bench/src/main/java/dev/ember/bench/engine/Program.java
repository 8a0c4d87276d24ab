package dev.ember.bench.engine;

/**
 * A workload written as a program against an engine's API rather than in SQL, once for Ember and
 * once for Apache Spark (the same calls: Ember's API is Spark's): with DataFrames or with RDDs.
 * Implementations are public classes with a no-argument constructor; the benchmark child
 * instantiates them by name.
 */
public sealed interface Program permits DataFrameProgram, RddProgram {
    /** The program {@code className} names. */
    static Program named(String className) {
        try {
            return (Program) Class.forName(className).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("no benchmark program " + className, e);
        }
    }
}
