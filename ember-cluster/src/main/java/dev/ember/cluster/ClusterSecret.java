package dev.ember.cluster;

import dev.ember.config.EmberConf;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import java.util.Optional;

/**
 * The cluster's shared secret ({@code ember.authenticate=true} with {@code ember.authenticate.secret}).
 * Daemons read it from the environment ({@code EMBER_AUTH_SECRET}) or a system property, and pass it
 * to executors in their environment: never on a command line, where other users could read it.
 */
public final class ClusterSecret {
    static final String AUTHENTICATE = "ember.authenticate";
    static final String SECRET = "ember.authenticate.secret";
    static final String ENVIRONMENT_VARIABLE = "EMBER_AUTH_SECRET";

    private ClusterSecret() {
    }

    static Optional<String> fromConf(EmberConf conf) {
        if (!Boolean.parseBoolean(conf.get(AUTHENTICATE, "false"))) {
            return Optional.empty();
        }
        String secret = conf.get(SECRET, null);
        if (secret == null || secret.isEmpty()) {
            throw EmberException.of(ErrorClass.INVALID_CONF_VALUE, "key", SECRET, "value", "",
                    "detail", "ember.authenticate is true, so the cluster's shared secret must be set");
        }
        return Optional.of(secret);
    }

    /** The daemons' secret: {@code EMBER_AUTH_SECRET}, else the system property {@code ember.authenticate.secret} (or its spark alias). */
    public static Optional<String> fromEnvironment() {
        String secret = System.getenv(ENVIRONMENT_VARIABLE);
        if (secret == null) {
            secret = System.getProperty(SECRET, System.getProperty("spark.authenticate.secret"));
        }
        return Optional.ofNullable(secret).filter(s -> !s.isEmpty());
    }
}
