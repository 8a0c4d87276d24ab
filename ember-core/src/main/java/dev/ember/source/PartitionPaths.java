package dev.ember.source;

import java.util.BitSet;
import java.util.Locale;

/**
 * Directory names of Hive-style partitions ({@code year=2024}), as Spark and Hive write them:
 * characters that would break a path or a name are written {@code %XX} (upper-case hex), and a
 * null or empty value is {@link #DEFAULT_PARTITION_NAME}.
 */
public final class PartitionPaths {
    public static final String DEFAULT_PARTITION_NAME = "__HIVE_DEFAULT_PARTITION__";

    /** The characters escaped: controls, and those meaning something in paths, globs or URIs. */
    private static final BitSet ESCAPED = escaped();

    private PartitionPaths() {
    }

    private static BitSet escaped() {
        BitSet set = new BitSet(128);
        for (char c = 1; c < ' '; c++) {
            set.set(c);
        }
        for (char c : "\"#%'*/:=?\\\u007F{[]^".toCharArray()) {
            set.set(c);
        }
        return set;
    }

    /** {@code a:b} becomes {@code a%3Ab}. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && ESCAPED.get(c)) {
                out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code a%3Ab} becomes {@code a:b}; a {@code %} not followed by two hex digits stays as it is. */
    public static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.append((char) (hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2))));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** The directory name of one partition column's value: {@code name=value}, escaped; null is the default partition. */
    public static String directoryName(String column, String value) {
        return escape(column) + "=" + (value == null || value.isEmpty() ? DEFAULT_PARTITION_NAME : escape(value));
    }

    /**
     * The column and raw value of a directory name {@code name=value} (unescaped; the default
     * partition's value is {@code null}), or {@code null} when the name is not a partition's.
     */
    public static String[] parseDirectoryName(String name) {
        int equals = name.indexOf('=');
        if (equals <= 0) {
            return null;
        }
        String column = unescape(name.substring(0, equals));
        String raw = name.substring(equals + 1);
        if (raw.isEmpty()) {
            return null;
        }
        return new String[] {column, raw.equals(DEFAULT_PARTITION_NAME) ? null : unescape(raw)};
    }
}
