package dev.ember.io.text;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.source.Options;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** The compression codecs of line-oriented files: chosen by the {@code compression} option on write, by extension on read. */
public enum Compression {
    NONE(""),
    GZIP(".gz");

    private final String extension;

    Compression(String extension) {
        this.extension = extension;
    }

    /** The suffix appended to the format's extension: {@code ""} or {@code .gz}. */
    public String extension() {
        return extension;
    }

    /** The codec named by the {@code compression} (or {@code codec}) write option. */
    public static Compression forWrite(Options options) {
        String name = options.get("compression", options.get("codec", "none"));
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "none", "uncompressed" -> NONE;
            case "gzip" -> GZIP;
            default -> throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE,
                    "feature", "compression codec '" + name + "' (supported: none, gzip)");
        };
    }

    /** The codec of a file to read, from its name. */
    public static Compression ofFile(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            return GZIP;
        }
        for (String unsupported : new String[] {".bz2", ".lz4", ".snappy", ".zst", ".deflate"}) {
            if (lower.endsWith(unsupported)) {
                throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "reading " + unsupported + " compressed files: " + path);
            }
        }
        return NONE;
    }

    public InputStream decompress(InputStream in) throws IOException {
        return this == GZIP ? new GZIPInputStream(in, 64 * 1024) : in;
    }

    public OutputStream compress(OutputStream out) throws IOException {
        return this == GZIP ? new GZIPOutputStream(out, 64 * 1024) : out;
    }
}
