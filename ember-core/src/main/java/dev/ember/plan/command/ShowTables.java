package dev.ember.plan.command;

/** {@code SHOW TABLES [LIKE 'pattern']}. */
public final class ShowTables extends Command {
    private final String pattern;

    /** {@code pattern} uses {@code *} as wildcard and {@code |} between alternatives, or is {@code null}. */
    public ShowTables(String pattern) {
        this.pattern = pattern;
    }

    public String pattern() {
        return pattern;
    }

    @Override
    public String nodeString() {
        return "ShowTables" + (pattern == null ? "" : " LIKE '" + pattern + "'");
    }
}
