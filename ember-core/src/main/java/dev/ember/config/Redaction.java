package dev.ember.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Hides secret settings wherever settings are shown (the UI, the event log): a key that contains
 * {@code secret}, {@code password}, {@code token} or {@code credentials}, or that matches
 * {@code ember.redaction.regex} (alias {@code spark.redaction.regex}), has its value replaced, as
 * Spark's redaction does.
 */
public final class Redaction {
    public static final String REGEX = "ember.redaction.regex";
    public static final String REDACTED = "*********(redacted)";
    private static final Pattern BUILT_IN = Pattern.compile("(?i)secret|password|token|credentials");

    private Redaction() {
    }

    /** The settings sorted by key, secret values replaced. */
    public static Map<String, String> redact(Map<String, String> settings) {
        String extra = settings.get(REGEX);
        Pattern configured = extra == null || extra.isBlank() ? null : Pattern.compile(extra);
        Map<String, String> shown = new LinkedHashMap<>();
        new TreeMap<>(settings).forEach((key, value) -> shown.put(key, isSecret(key, configured) ? REDACTED : value));
        return shown;
    }

    private static boolean isSecret(String key, Pattern configured) {
        return BUILT_IN.matcher(key).find() || configured != null && configured.matcher(key).find();
    }
}
