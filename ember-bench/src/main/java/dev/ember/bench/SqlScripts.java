package dev.ember.bench;

import java.util.ArrayList;
import java.util.List;

/** The statements of the benchmarks' SQL scripts, for engines that take one statement at a time. */
public final class SqlScripts {
    private SqlScripts() {
    }

    /**
     * The {@code ;}-separated statements of a script, without {@code --} comment lines. The
     * benchmarks' own scripts never put a semicolon inside a literal, so a plain split does.
     */
    public static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        for (String part : script.split(";")) {
            String statement = part.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
            if (!statement.isEmpty()) {
                statements.add(statement);
            }
        }
        return statements;
    }
}
