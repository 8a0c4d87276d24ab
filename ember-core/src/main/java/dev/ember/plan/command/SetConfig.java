package dev.ember.plan.command;

/** {@code SET key = value}, {@code SET key} (show one), or {@code SET} (show all). */
public final class SetConfig extends Command {
    private final String key;
    private final String value;

    /** Either may be {@code null}: no key shows all settings, no value shows one. */
    public SetConfig(String key, String value) {
        this.key = key;
        this.value = value;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    @Override
    public String nodeString() {
        return "SetConfig " + key + "=" + value;
    }
}
