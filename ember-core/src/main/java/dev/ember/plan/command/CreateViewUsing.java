package dev.ember.plan.command;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** {@code CREATE [OR REPLACE] TEMPORARY VIEW name [(schema)] USING format OPTIONS (path '...', ...)}. */
public final class CreateViewUsing extends Command {
    private final String name;
    private final String format;
    private final Map<String, String> options;
    private final String schemaDdl;
    private final boolean replace;

    /** {@code schemaDdl} is the column list as written ({@code id INT, name STRING}) or {@code null} to infer it. */
    public CreateViewUsing(String name, String format, Map<String, String> options, String schemaDdl, boolean replace) {
        this.name = requireNonNull(name, "name is null");
        this.format = requireNonNull(format, "format is null");
        this.options = Map.copyOf(options);
        this.schemaDdl = schemaDdl;
        this.replace = replace;
    }

    public String name() {
        return name;
    }

    public String format() {
        return format;
    }

    public Map<String, String> options() {
        return options;
    }

    public String schemaDdl() {
        return schemaDdl;
    }

    public boolean replace() {
        return replace;
    }

    @Override
    public String nodeString() {
        return "CreateViewUsing " + name + " USING " + format + " " + options;
    }
}
