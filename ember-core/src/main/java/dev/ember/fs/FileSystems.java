package dev.ember.fs;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The filesystem of a location, by its scheme. Filesystems are made once per scheme and settings
 * and then shared, since an object-store client is costly to build.
 */
public final class FileSystems {
    /** Settings under these prefixes configure filesystems, with the prefix removed: {@code fs.s3a.endpoint}. */
    private static final List<String> PREFIXES = List.of("ember.hadoop.", "spark.hadoop.");
    private static final Map<String, FileSystemFactory> FACTORIES = load();
    private static final Map<String, FileSystem> CACHE = new ConcurrentHashMap<>();

    private FileSystems() {
    }

    private static Map<String, FileSystemFactory> load() {
        Map<String, FileSystemFactory> factories = new TreeMap<>();
        for (FileSystemFactory factory : ServiceLoader.load(FileSystemFactory.class, FileSystems.class.getClassLoader())) {
            factory.schemes().forEach(scheme -> factories.put(scheme, factory));
        }
        return factories;
    }

    /** The filesystem settings among a session's settings: {@code ember.hadoop.fs.s3a.endpoint} becomes {@code fs.s3a.endpoint}. */
    public static Map<String, String> settings(Map<String, String> sessionSettings) {
        Map<String, String> settings = new TreeMap<>();
        sessionSettings.forEach((key, value) -> {
            for (String prefix : PREFIXES) {
                if (key.startsWith(prefix)) {
                    settings.put(key.substring(prefix.length()), value);
                }
            }
        });
        return Map.copyOf(settings);
    }

    /**
     * @throws EmberException UNSUPPORTED_FILE_SYSTEM when no filesystem serves the scheme
     */
    public static FileSystem of(Location location, Map<String, String> settings) {
        String scheme = location.scheme();
        if (scheme.equals("file")) {
            return LocalFileSystem.INSTANCE;
        }
        FileSystemFactory factory = FACTORIES.get(scheme);
        if (factory == null) {
            List<String> available = new java.util.ArrayList<>(FACTORIES.keySet());
            available.add("file");
            throw EmberException.of(ErrorClass.UNSUPPORTED_FILE_SYSTEM, "scheme", scheme, "path", location,
                    "available", String.join(", ", available.stream().sorted().toList()));
        }
        return CACHE.computeIfAbsent(scheme + " " + new TreeMap<>(settings), key -> factory.create(settings));
    }
}
