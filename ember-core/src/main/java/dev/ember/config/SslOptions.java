package dev.ember.config;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS settings, named as Spark's {@code spark.ssl.*} (which are accepted as aliases):
 * {@code ember.ssl.enabled}, {@code keyStore}, {@code keyStorePassword}, {@code keyPassword}
 * (the key store's password when not set), {@code keyStoreType} ({@code PKCS12}, {@code JKS}; found
 * from the file when not set), {@code trustStore}, {@code trustStorePassword}, {@code trustStoreType}
 * (the JDK's trusted certificates when no trust store is set). A namespace ({@code rpc}, {@code ui})
 * overrides any of them: {@code ember.ssl.rpc.enabled}, {@code ember.ssl.ui.keyStore}. Passwords are
 * secrets: {@link Redaction} hides them, and {@link #toString} does not show them.
 */
public final class SslOptions {
    public static final String PREFIX = "ember.ssl.";
    private static final SslOptions DISABLED = new SslOptions(new EmberConf(java.util.Map.of()), "");

    private final EmberConf conf;
    private final String namespace;
    private final boolean enabled;

    private SslOptions(EmberConf conf, String namespace) {
        this.conf = conf;
        this.namespace = namespace;
        this.enabled = Boolean.parseBoolean(setting("enabled", "false").trim());
    }

    /** The settings of {@code namespace} ({@code rpc}, {@code ui}), falling back on the general {@code ember.ssl.*} ones. */
    public static SslOptions of(EmberConf conf, String namespace) {
        return new SslOptions(conf, namespace);
    }

    public static SslOptions disabled() {
        return DISABLED;
    }

    public boolean enabled() {
        return enabled;
    }

    /** {@code https} or {@code http}. */
    public String httpScheme() {
        return enabled ? "https" : "http";
    }

    /** The key of setting {@code name} in this namespace when set there, else the general one. */
    private String key(String name) {
        String specific = PREFIX + namespace + "." + name;
        return !namespace.isEmpty() && conf.get(specific, null) != null ? specific : PREFIX + name;
    }

    private String setting(String name, String defaultValue) {
        return conf.get(key(name), defaultValue);
    }

    /** The key managers of the key store ({@code keyStore} must be set: a TLS server presents its certificate). */
    public KeyManager[] keyManagers() {
        String file = setting("keyStore", null);
        if (file == null) {
            throw invalid("keyStore", "", "TLS is enabled (" + key("enabled") + "), so a key store holding this process's certificate must be set");
        }
        String password = setting("keyStorePassword", "");
        KeyStore store = load("keyStore", Path.of(file), setting("keyStoreType", null), password);
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, setting("keyPassword", password).toCharArray());
            return factory.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw invalid("keyPassword", Redaction.REDACTED, "the key of " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** The trust managers of the trust store, or {@code null} (the JDK's trusted certificates) without one. */
    public TrustManager[] trustManagers() {
        String file = setting("trustStore", null);
        if (file == null) {
            return null;
        }
        KeyStore store = load("trustStore", Path.of(file), setting("trustStoreType", null), setting("trustStorePassword", ""));
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw invalid("trustStore", file, e.getMessage());
        }
    }

    /** A TLS context of this process's certificate and the trusted ones, for a server. */
    public SSLContext serverContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(), trustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw invalid("enabled", "true", e.getMessage());
        }
    }

    private KeyStore load(String setting, Path file, String type, String password) {
        try {
            if (type == null) {
                return KeyStore.getInstance(file.toFile(), password.toCharArray());
            }
            KeyStore store = KeyStore.getInstance(type.trim());
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password.toCharArray());
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw invalid(setting, file.toString(), "cannot read " + file + " (check its type and password): " + e.getMessage());
        }
    }

    private EmberException invalid(String name, String value, String detail) {
        return EmberException.of(ErrorClass.INVALID_CONF_VALUE, "key", key(name), "value", value, "detail", detail);
    }

    @Override
    public String toString() {
        return "SslOptions[" + (namespace.isEmpty() ? "" : namespace + ", ") + (enabled ? "enabled" : "disabled") + "]";
    }
}
