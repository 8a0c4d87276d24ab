package dev.ember.cluster;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A master URL, {@code ember://host:port}. */
record MasterAddress(String host, int port) {
    private static final Pattern URL = Pattern.compile("ember://([^:/]+):(\\d+)/?");

    static MasterAddress parse(String url) {
        Matcher matcher = URL.matcher(url.trim());
        if (!matcher.matches()) {
            throw EmberException.of(ErrorClass.INVALID_MASTER_URL, "url", url, "more", ", or ember://host:port");
        }
        return new MasterAddress(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }
}
