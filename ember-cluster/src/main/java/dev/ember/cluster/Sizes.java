package dev.ember.cluster;

import dev.ember.config.EmberConf;
import java.util.Map;

/** Memory sizes as Spark reads them: {@code 512m}, {@code 2g}; a bare number is MiB. */
public final class Sizes {
    private Sizes() {
    }

    public static long parse(String size) {
        String trimmed = size.trim();
        if (trimmed.matches("\\d+")) {
            return Long.parseLong(trimmed) << 20;
        }
        return new EmberConf(Map.of("size", trimmed)).bytesValue("size", 0);
    }
}
