package dev.ember.plan.command;

import static java.util.Objects.requireNonNull;

/** {@code DROP VIEW [IF EXISTS] name}. */
public final class DropView extends Command {
    private final String name;
    private final boolean ifExists;

    public DropView(String name, boolean ifExists) {
        this.name = requireNonNull(name, "name is null");
        this.ifExists = ifExists;
    }

    public String name() {
        return name;
    }

    public boolean ifExists() {
        return ifExists;
    }

    @Override
    public String nodeString() {
        return "DropView " + name;
    }
}
