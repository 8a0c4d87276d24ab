package dev.ember.fs;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a file or directory lives, as a URI: {@code file:/data/x.csv}, {@code s3a://bucket/key}.
 * A plain path ({@code data/x.csv}, {@code /data/x.csv}) is a local one, made absolute. Locations
 * never end with a slash, so that {@link #parent()} and {@link #resolve(String)} are string
 * operations that work the same on every filesystem.
 */
public record Location(String uri) implements Serializable, Comparable<Location> {
    public Location {
        requireNonNull(uri, "uri is null");
        if (uri.length() > 1 && uri.endsWith("/") && !uri.endsWith("//")) {
            uri = uri.substring(0, uri.length() - 1);
        }
    }

    /** A path as a user writes it: a URI with a scheme, or a local path. */
    public static Location of(String path) {
        requireNonNull(path, "path is null");
        if (path.startsWith("file:")) {
            String local = path.substring("file:".length());
            return local(Path.of(local.startsWith("//") ? local.substring(2) : local));
        }
        if (hasScheme(path)) {
            return new Location(path);
        }
        return local(Path.of(path));
    }

    public static Location local(Path path) {
        return new Location("file:" + path.toAbsolutePath().normalize());
    }

    private static boolean hasScheme(String path) {
        int colon = path.indexOf(':');
        // One letter before the colon is a Windows drive, not a scheme.
        return colon > 1 && path.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
    }

    /** The lower-case scheme: {@code file}, {@code s3}, {@code s3a}. */
    public String scheme() {
        return uri.substring(0, uri.indexOf(':')).toLowerCase(Locale.ROOT);
    }

    /** {@code s3a://bucket/key}: {@code bucket}; empty for local files. */
    public String authority() {
        int start = uri.indexOf("://");
        if (start < 0) {
            return "";
        }
        int end = uri.indexOf('/', start + 3);
        return end < 0 ? uri.substring(start + 3) : uri.substring(start + 3, end);
    }

    /** What follows the scheme and authority: the local path, or an object key with no leading slash. */
    public String path() {
        int start = uri.indexOf("://");
        if (start < 0) {
            return uri.substring(uri.indexOf(':') + 1);
        }
        int end = uri.indexOf('/', start + 3);
        return end < 0 ? "" : uri.substring(end + 1);
    }

    /** The local file of a {@code file:} location. */
    public Path toLocalPath() {
        if (!scheme().equals("file")) {
            throw new IllegalStateException("not a local location: " + uri);
        }
        return Path.of(path());
    }

    /** The last name: {@code x.csv} of {@code file:/data/x.csv}. */
    public String fileName() {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    public Location parent() {
        int slash = uri.lastIndexOf('/');
        if (slash < 0 || uri.substring(0, slash + 1).endsWith("//") && path().isEmpty()) {
            throw new IllegalStateException("no parent: " + uri);
        }
        String parent = uri.substring(0, slash);
        return new Location(parent.endsWith(":") || parent.endsWith("//") ? parent + "/" : parent);
    }

    /** The location of {@code relative} (names separated by {@code /}) under this one. */
    public Location resolve(String relative) {
        return new Location(uri.endsWith("/") ? uri + relative : uri + "/" + relative);
    }

    /** The names from this location down to {@code descendant}: {@code a/b.csv}. */
    public String relativize(Location descendant) {
        String prefix = uri.endsWith("/") ? uri : uri + "/";
        if (!descendant.uri.startsWith(prefix)) {
            throw new IllegalArgumentException(descendant + " is not under " + this);
        }
        return descendant.uri.substring(prefix.length());
    }

    @Override
    public int compareTo(Location other) {
        return uri.compareTo(other.uri);
    }

    @Override
    public String toString() {
        return uri;
    }
}
