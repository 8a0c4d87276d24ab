package dev.ember.source;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.fs.FileEntry;
import dev.ember.fs.FileSystem;
import dev.ember.fs.FileSystems;
import dev.ember.fs.Location;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The files that paths a user names stand for, as Spark lists input paths: a path may be a file,
 * a directory (its data files below it, names starting with {@code _} or {@code .} skipped) or a
 * glob; nothing there is {@code PATH_NOT_FOUND}.
 */
public final class InputPaths {
    private InputPaths() {
    }

    /** A path the user named, expanded: a file, or a directory with the data files under it. */
    public record Root(Location location, boolean isFile, List<FileEntry> files) {
    }

    /** Every data file the paths name, in the order of the paths (a glob's matches sorted). */
    public static List<FileEntry> files(List<String> paths, Map<String, String> settings) {
        List<FileEntry> files = new ArrayList<>();
        for (String path : paths) {
            for (Root root : roots(Location.of(path), settings)) {
                files.addAll(root.files());
            }
        }
        return files;
    }

    /**
     * The roots a path names: the path itself, or each file and directory a glob matches (sorted;
     * matches with hidden names left out, as Spark).
     *
     * @throws EmberException PATH_NOT_FOUND when nothing is there
     */
    public static List<Root> roots(Location location, Map<String, String> settings) {
        FileSystem fileSystem = FileSystems.of(location, settings);
        if (!PathGlob.isGlob(location.path())) {
            List<FileEntry> listed = list(fileSystem, location);
            if (listed == null) {
                throw EmberException.of(ErrorClass.PATH_NOT_FOUND, "path", location);
            }
            boolean isFile = listed.size() == 1 && listed.get(0).location().equals(location);
            return List.of(new Root(location, isFile, isFile ? listed : dataFiles(location, listed)));
        }
        Map<Location, List<FileEntry>> matches = new TreeMap<>();
        Set<Location> matchedFiles = new LinkedHashSet<>();
        for (PathGlob glob : PathGlob.of(location)) {
            List<FileEntry> listed = list(fileSystem, glob.prefix());
            for (FileEntry file : listed == null ? List.<FileEntry>of() : listed) {
                if (file.location().equals(glob.prefix())) {
                    continue;
                }
                String relative = glob.prefix().relativize(file.location());
                if (!glob.matchesStart(relative) || !isData(relative, glob.depth())) {
                    continue;
                }
                Location root = glob.prefix().resolve(String.join("/", List.of(relative.split("/")).subList(0, glob.depth())));
                matches.computeIfAbsent(root, r -> new ArrayList<>()).add(file);
                if (root.equals(file.location())) {
                    matchedFiles.add(root);
                }
            }
        }
        if (matches.isEmpty()) {
            throw EmberException.of(ErrorClass.PATH_NOT_FOUND, "path", location);
        }
        List<Root> roots = new ArrayList<>();
        matches.forEach((root, rootFiles) -> {
            boolean isFile = matchedFiles.contains(root);
            roots.add(new Root(root, isFile, isFile ? rootFiles : dataFiles(root, rootFiles)));
        });
        return roots;
    }

    /** Everything listed at {@code location}, or {@code null} when nothing is there. */
    public static List<FileEntry> list(FileSystem fileSystem, Location location) {
        try {
            return fileSystem.listFiles(location);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw EmberException.of(ErrorClass.IO_ERROR, "operation", "Listing", "path", location, "detail", String.valueOf(e.getMessage()))
                    .withCause(e);
        }
    }

    /** The data files under a directory: those whose path below it has no name starting with {@code _} or {@code .}. */
    public static List<FileEntry> dataFiles(Location directory, List<FileEntry> listed) {
        List<FileEntry> files = new ArrayList<>();
        for (FileEntry file : listed) {
            String relative = directory.relativize(file.location());
            if (isData(relative, Integer.MAX_VALUE)) {
                files.add(file);
            }
        }
        return files;
    }

    /** Whether none of the first {@code names} names of a relative path is hidden. */
    private static boolean isData(String relativePath, int names) {
        String[] parts = relativePath.split("/");
        for (int i = 0; i < Math.min(names, parts.length); i++) {
            if (parts[i].startsWith("_") || parts[i].startsWith(".")) {
                return false;
            }
        }
        return true;
    }
}
