package dev.ember.source;

import dev.ember.fs.Location;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A path pattern as Hadoop's globs (and so Spark's paths) write them: {@code *} and {@code ?}
 * within one name, {@code [abc]}, {@code [a-z]}, {@code [^a]} or {@code [!a]}, {@code {x,y}}
 * alternatives (which may span names: {@code {a/b,c}}) and {@code \} to take the next character
 * as it is. A glob is matched against listed files, not against a directory tree: its names
 * before the first one with a pattern are a plain prefix to list, and each file below the prefix
 * matches when its first names match the pattern's remaining names, one by one. That works on an
 * object store, which only lists.
 */
public final class PathGlob {
    private final Location prefix;
    private final List<Pattern> names;

    private PathGlob(Location prefix, List<Pattern> names) {
        this.prefix = prefix;
        this.names = List.copyOf(names);
    }

    /** Whether the text has a glob character, so that it must be expanded rather than read as it is. */
    public static boolean isGlob(String path) {
        for (int i = 0; i < path.length(); i++) {
            switch (path.charAt(i)) {
                case '*', '?', '[', '{', '\\' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** The globs of a location's text: one per alternative of its {@code {..}} groups. */
    public static List<PathGlob> of(Location location) {
        String uri = location.uri();
        int pathStart = pathStart(uri);
        List<PathGlob> globs = new ArrayList<>();
        for (String alternative : expandBraces(uri.substring(pathStart))) {
            String[] parts = alternative.split("/", -1);
            int first = 0;
            while (first < parts.length && !isGlob(parts[first])) {
                first++;
            }
            String prefixPath = String.join("/", Arrays.asList(parts).subList(0, first));
            String prefixText = uri.substring(0, pathStart) + (prefixPath.isEmpty() ? "/" : prefixPath);
            List<Pattern> patterns = new ArrayList<>();
            for (int i = first; i < parts.length; i++) {
                if (!parts[i].isEmpty()) {
                    patterns.add(Pattern.compile(nameRegex(parts[i]), Pattern.DOTALL));
                }
            }
            globs.add(new PathGlob(new Location(prefixText), patterns));
        }
        return globs;
    }

    /** Where the path of a URI begins: after {@code scheme://authority} or {@code scheme:}. */
    private static int pathStart(String uri) {
        int schemeEnd = uri.indexOf("://");
        if (schemeEnd >= 0) {
            int slash = uri.indexOf('/', schemeEnd + 3);
            return slash < 0 ? uri.length() : slash;
        }
        return uri.indexOf(':') + 1;
    }

    /** The location listed to find matches: everything before the first name with a pattern. */
    public Location prefix() {
        return prefix;
    }

    /** How many names below the prefix the pattern has. */
    public int depth() {
        return names.size();
    }

    /** Whether a path below the prefix ({@code a/b/c.csv}) begins with names matching the pattern's. */
    public boolean matchesStart(String relativePath) {
        String[] parts = relativePath.split("/");
        if (parts.length < names.size()) {
            return false;
        }
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).matcher(parts[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Whether one file name matches a single-name glob, as {@code pathGlobFilter} is applied. */
    public static boolean matchesName(String glob, String name) {
        for (String alternative : expandBraces(glob)) {
            if (Pattern.compile(nameRegex(alternative), Pattern.DOTALL).matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Every brace-free text the {@code {..}} groups of {@code glob} stand for, in order. */
    static List<String> expandBraces(String glob) {
        int open = -1;
        int depth = 0;
        List<Integer> commas = new ArrayList<>();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                if (depth++ == 0) {
                    open = i;
                }
            } else if (c == ',' && depth == 1) {
                commas.add(i);
            } else if (c == '}' && depth > 0 && --depth == 0) {
                List<String> expanded = new ArrayList<>();
                String before = glob.substring(0, open);
                List<String> afters = expandBraces(glob.substring(i + 1));
                int start = open + 1;
                commas.add(i);
                for (int end : commas) {
                    for (String inner : expandBraces(glob.substring(start, end))) {
                        for (String after : afters) {
                            expanded.add(before + inner + after);
                        }
                    }
                    start = end + 1;
                }
                return expanded;
            }
        }
        return List.of(glob);
    }

    /** The regular expression of one name's glob (no {@code /}, no braces). */
    static String nameRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        regex.append("\\[");
                    } else {
                        regex.append(characterClass(glob.substring(i + 1, close)));
                        i = close;
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    private static String characterClass(String body) {
        StringBuilder regex = new StringBuilder("[");
        int start = 0;
        if (body.startsWith("^") || body.startsWith("!")) {
            regex.append('^');
            start = 1;
        }
        for (int i = start; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '-' && i > start && i < body.length() - 1) {
                regex.append('-');
            } else if (c == '\\' && i + 1 < body.length()) {
                regex.append('\\').append(body.charAt(++i));
            } else {
                regex.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
            }
        }
        return regex.append(']').toString();
    }

    @Override
    public String toString() {
        return prefix + " " + names;
    }
}
