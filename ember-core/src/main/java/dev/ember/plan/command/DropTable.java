package dev.ember.plan.command;

import static java.util.Objects.requireNonNull;

/** {@code DROP TABLE [IF EXISTS] name}: a table of the catalog (and a managed table's data), or a temporary view of that name. */
public final class DropTable extends Command {
    private final String name;
    private final boolean ifExists;

    public DropTable(String name, boolean ifExists) {
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
        return "DropTable " + name;
    }
}
