package dev.ember.rdd;

/**
 * Sets the root level of the logging backend bound to slf4j, found by reflection (Ember depends
 * on no backend): Logback and Log4j 2 can change levels at run time; others are left as they are.
 */
final class LogLevels {
    private LogLevels() {
    }

    static void setRootLevel(String level) {
        if (!setLogback(level)) {
            setLog4j2(level);
        }
    }

    private static boolean setLogback(String level) {
        try {
            Class<?> factory = Class.forName("org.slf4j.LoggerFactory");
            Object root = factory.getMethod("getLogger", String.class).invoke(null, "ROOT");
            Class<?> logbackLevel = Class.forName("ch.qos.logback.classic.Level");
            Object value = logbackLevel.getMethod("toLevel", String.class).invoke(null, level.equals("FATAL") ? "ERROR" : level);
            root.getClass().getMethod("setLevel", logbackLevel).invoke(root, value);
            return true;
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return false;
        }
    }

    private static void setLog4j2(String level) {
        try {
            Class<?> log4jLevel = Class.forName("org.apache.logging.log4j.Level");
            Object value = log4jLevel.getMethod("toLevel", String.class).invoke(null, level);
            Class.forName("org.apache.logging.log4j.core.config.Configurator").getMethod("setRootLevel", log4jLevel).invoke(null, value);
        } catch (ReflectiveOperationException | LinkageError e) {
            // No backend whose level can be set: nothing to do, as with slf4j-nop.
        }
    }
}
