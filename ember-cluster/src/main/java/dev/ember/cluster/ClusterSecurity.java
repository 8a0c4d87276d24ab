package dev.ember.cluster;

import dev.ember.config.EmberConf;
import dev.ember.config.SslOptions;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the cluster's processes need to trust each other: the shared secret ({@code ember.authenticate=true}
 * with {@code ember.authenticate.secret}), proven on every call without being sent ({@link SecretProof}),
 * and TLS for RPC and shuffle ({@code ember.ssl.rpc.*}) and the web UIs ({@code ember.ssl.ui.*}), see {@link SslOptions}.
 *
 * <p>A driver takes them from its session's settings. The master and workers take them from system
 * properties ({@code -Dember.ssl.enabled=true}), their secrets from the environment
 * ({@link #ENVIRONMENT}: never on a command line, where other users could read them). A worker hands
 * its executors its own settings on their standard input ({@link #writeTo}), not in their
 * environment, which tasks and the processes they start would inherit.
 */
public final class ClusterSecurity {
    public static final String AUTHENTICATE = "ember.authenticate";
    public static final String SECRET = "ember.authenticate.secret";
    public static final String ENVIRONMENT_VARIABLE = "EMBER_AUTH_SECRET";
    /** The environment variables the daemons read their secrets from, and the settings they give. */
    public static final Map<String, String> ENVIRONMENT = Map.of(ENVIRONMENT_VARIABLE, SECRET,
            "EMBER_SSL_KEY_STORE_PASSWORD", SslOptions.PREFIX + "keyStorePassword",
            "EMBER_SSL_KEY_PASSWORD", SslOptions.PREFIX + "keyPassword",
            "EMBER_SSL_TRUST_STORE_PASSWORD", SslOptions.PREFIX + "trustStorePassword");

    private final Map<String, String> settings;
    private final Optional<String> secret;
    private final SslOptions rpc;
    private final SslOptions ui;

    private ClusterSecurity(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
        EmberConf conf = new EmberConf(settings);
        this.secret = secretOf(conf);
        this.rpc = SslOptions.of(conf, "rpc");
        this.ui = SslOptions.of(conf, "ui");
    }

    /** Whether {@code key} (an {@code ember.*} name) is one of the security settings: authentication and TLS. */
    static boolean isSecuritySetting(String key) {
        return key.startsWith(AUTHENTICATE) || key.startsWith(SslOptions.PREFIX);
    }

    /**
     * The security settings among a session's ({@code ember.authenticate*}, {@code ember.ssl.*} and
     * their spark aliases); a secret it does not set comes from {@link #ENVIRONMENT}, so that a
     * driver too can keep passwords off its command line.
     */
    static ClusterSecurity fromConf(EmberConf conf) {
        Map<String, String> settings = new LinkedHashMap<>();
        conf.all().forEach((key, value) -> {
            if (isSecuritySetting(key)) {
                settings.put(key, value);
            }
        });
        ENVIRONMENT.forEach((variable, key) -> {
            String value = System.getenv(variable);
            if (value != null && !value.isEmpty()) {
                settings.putIfAbsent(key, value);
            }
        });
        return new ClusterSecurity(settings);
    }

    /**
     * The daemons' settings: the system properties {@code ember.*} (or {@code spark.*}), secrets from
     * {@link #ENVIRONMENT} where those do not set them. A secret turns authentication on.
     */
    public static ClusterSecurity fromEnvironment() {
        EmberConf conf = new EmberConf(Map.of());
        System.getProperties().forEach((key, value) -> {
            if (key.toString().startsWith("ember.") || key.toString().startsWith("spark.")) {
                conf.set(key.toString(), value.toString());
            }
        });
        if (conf.get(AUTHENTICATE, null) == null && (conf.get(SECRET, null) != null || System.getenv(ENVIRONMENT_VARIABLE) != null)) {
            conf.set(AUTHENTICATE, "true");
        }
        return fromConf(conf);
    }

    static ClusterSecurity none() {
        return new ClusterSecurity(Map.of());
    }

    private static Optional<String> secretOf(EmberConf conf) {
        if (!Boolean.parseBoolean(conf.get(AUTHENTICATE, "false").trim())) {
            return Optional.empty();
        }
        String secret = conf.get(SECRET, null);
        if (secret == null || secret.isEmpty()) {
            throw EmberException.of(ErrorClass.INVALID_CONF_VALUE, "key", SECRET, "value", "",
                    "detail", "ember.authenticate is true, so the cluster's shared secret must be set");
        }
        return Optional.of(secret);
    }

    Optional<String> secret() {
        return secret;
    }

    /** TLS of the cluster's gRPC calls: control messages, tasks, shuffle blocks, jars. */
    SslOptions rpc() {
        return rpc;
    }

    /** TLS of the master's and workers' web UIs. */
    SslOptions ui() {
        return ui;
    }

    /** Writes the settings as {@code key=value} lines and an empty line, for {@link #readFrom} in an executor or driver. */
    void writeTo(Writer out) throws IOException {
        writeSettings(settings, out);
    }

    /** What {@link #writeTo} wrote, or empty when the input ended first. */
    static Optional<ClusterSecurity> readFrom(BufferedReader in) throws IOException {
        return readSettings(in).map(ClusterSecurity::new);
    }

    /** The settings these come from ({@code ember.authenticate*}, {@code ember.ssl.*}), secrets included. */
    Map<String, String> settings() {
        return settings;
    }

    /** Writes settings as {@code key=value} lines and an empty line: how workers hand settings to the processes they start. */
    static void writeSettings(Map<String, String> settings, Writer out) throws IOException {
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            if (setting.getValue().indexOf('\n') >= 0 || setting.getValue().indexOf('\r') >= 0) {
                throw new IOException("the setting " + setting.getKey() + " holds a line break, which cannot be handed to a child process");
            }
            out.write(setting.getKey() + "=" + setting.getValue() + "\n");
        }
        out.write("\n");
        out.flush();
    }

    /** What {@link #writeSettings} wrote, or empty when the input ended first. */
    static Optional<Map<String, String>> readSettings(BufferedReader in) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isEmpty()) {
                return Optional.of(settings);
            }
            int equals = line.indexOf('=');
            settings.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "ClusterSecurity[secret " + (secret.isPresent() ? "set" : "none") + ", rpc " + rpc + ", ui " + ui + "]";
    }
}
