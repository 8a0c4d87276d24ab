package dev.ember.source;

import java.util.Map;

/** Options of a write: {@code header}, {@code sep}, {@code compression}, ... as the user passed them. */
public final class WriteOptions extends Options {
    private static final long serialVersionUID = 1L;

    public WriteOptions(Map<String, String> values) {
        super(values);
    }
}
