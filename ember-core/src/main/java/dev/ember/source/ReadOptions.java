package dev.ember.source;

import java.util.Map;

/** Options of a read: {@code header}, {@code sep}, {@code inferSchema}, ... as the user passed them. */
public final class ReadOptions extends Options {
    private static final long serialVersionUID = 1L;

    public ReadOptions(Map<String, String> values) {
        super(values);
    }
}
