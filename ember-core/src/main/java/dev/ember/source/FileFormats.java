package dev.ember.source;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The file formats on the class path, found once through {@link ServiceLoader}. */
public final class FileFormats {
    private static final Map<String, FileFormat> FORMATS = load();

    private FileFormats() {
    }

    private static Map<String, FileFormat> load() {
        Map<String, FileFormat> formats = new TreeMap<>();
        for (FileFormat format : ServiceLoader.load(FileFormat.class, FileFormats.class.getClassLoader())) {
            formats.put(format.shortName().toLowerCase(Locale.ROOT), format);
        }
        return formats;
    }

    public static boolean exists(String name) {
        return FORMATS.containsKey(name.toLowerCase(Locale.ROOT));
    }

    public static FileFormat find(String name) {
        FileFormat format = FORMATS.get(name.toLowerCase(Locale.ROOT));
        if (format == null) {
            throw EmberException.of(ErrorClass.UNSUPPORTED_DATA_SOURCE, "format", "`" + name + "`",
                    "available", FORMATS.isEmpty() ? "none (is ember-io on the class path?)" : String.join(", ", FORMATS.keySet()));
        }
        return format;
    }
}
