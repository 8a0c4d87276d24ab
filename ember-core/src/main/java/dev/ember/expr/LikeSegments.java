package dev.ember.expr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A LIKE pattern without {@code _}: literal runs between {@code %}s, matched on a string's UTF-8
 * bytes without decoding it (a run of whole characters found among bytes starts on a character, so
 * bytes compare as characters would). {@code a%b%c}: the string starts with {@code a}, ends with
 * {@code c}, and has {@code b} between them; the inner runs are taken leftmost first, which finds a
 * match whenever there is one.
 */
final class LikeSegments {
    private final byte[][] runs;
    private final boolean anchoredStart;
    private final boolean anchoredEnd;

    private LikeSegments(byte[][] runs, boolean anchoredStart, boolean anchoredEnd) {
        this.runs = runs;
        this.anchoredStart = anchoredStart;
        this.anchoredEnd = anchoredEnd;
    }

    /** The pattern's runs, or {@code null} when it needs a regular expression ({@code _}, a dangling escape). */
    static LikeSegments of(String pattern, char escape) {
        List<byte[]> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == escape) {
                if (i + 1 == pattern.length()) {
                    return null;
                }
                run.append(pattern.charAt(++i));
            } else if (c == '_') {
                return null;
            } else if (c == '%') {
                runs.add(run.toString().getBytes(StandardCharsets.UTF_8));
                run.setLength(0);
            } else {
                run.append(c);
            }
        }
        runs.add(run.toString().getBytes(StandardCharsets.UTF_8));
        // Without a % the one run is the whole string; otherwise an empty first (last) run is a leading (trailing) %.
        boolean anyPercent = runs.size() > 1;
        return new LikeSegments(runs.toArray(byte[][]::new), !anyPercent || runs.get(0).length > 0,
                !anyPercent || runs.get(runs.size() - 1).length > 0);
    }

    /** Whether {@code bytes[start, start + length)} matches. */
    boolean matches(byte[] bytes, int start, int length) {
        int end = start + length;
        if (runs.length == 1) {
            return Arrays.equals(bytes, start, end, runs[0], 0, runs[0].length);
        }
        byte[] first = runs[0];
        byte[] last = runs[runs.length - 1];
        if (first.length + last.length > length) {
            return false;
        }
        int from = start;
        if (anchoredStart) {
            if (!Arrays.equals(bytes, start, start + first.length, first, 0, first.length)) {
                return false;
            }
            from += first.length;
        }
        int to = end;
        if (anchoredEnd) {
            if (!Arrays.equals(bytes, end - last.length, end, last, 0, last.length)) {
                return false;
            }
            to -= last.length;
        }
        for (int r = 1; r < runs.length - 1; r++) {
            int found = indexOf(bytes, from, to, runs[r]);
            if (found < 0) {
                return false;
            }
            from = found + runs[r].length;
        }
        return true;
    }

    /** Where {@code run} first occurs in {@code bytes[from, to)}, or -1. */
    private static int indexOf(byte[] bytes, int from, int to, byte[] run) {
        if (run.length == 0) {
            return from;
        }
        byte head = run[0];
        for (int at = from; at <= to - run.length; at++) {
            if (bytes[at] == head && Arrays.equals(bytes, at + 1, at + run.length, run, 1, run.length)) {
                return at;
            }
        }
        return -1;
    }
}
