package dev.ember.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options {@code sql} and {@code submit} share, named as {@code spark-submit} names them. */
final class LaunchOptions {
    /** Sizes as {@code spark-submit --driver-memory} takes them: a number, optionally k, m, g or t (with an optional b). */
    static final Pattern SIZE = Pattern.compile("[0-9]+([kmgt]b?)?", Pattern.CASE_INSENSITIVE);

    @Option(names = "--master", paramLabel = "URL",
            description = "Where to run: local[N], local[*] or a cluster master, ember://HOST:PORT.")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", converter = ConfConverter.class,
            description = "A configuration property, ember.* or spark.*. Repeat for more.")
    List<Map.Entry<String, String>> conf = new ArrayList<>();

    @Option(names = "--driver-memory", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Heap size of the driver JVM, as 512m or 2g (the launcher script passes it as -Xmx).")
    String driverMemory;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of unexpected errors and what is being launched.")
    boolean verbose;

    /**
     * The session settings these options amount to, in the order given: {@code ember.master},
     * every {@code --conf} of an {@code ember.*} or {@code spark.*} key, {@code ember.driver.memory}.
     * Other keys are ignored with a warning on {@code err}, as {@code spark-submit} ignores non-Spark
     * keys.
     */
    Map<String, String> settings(String defaultMaster, PrintWriter err) {
        Map<String, String> settings = new LinkedHashMap<>();
        String effectiveMaster = master != null ? master : defaultMaster;
        if (effectiveMaster != null) {
            settings.put("ember.master", effectiveMaster);
        }
        for (Map.Entry<String, String> entry : conf) {
            String key = entry.getKey();
            if (key.startsWith("ember.") || key.startsWith("spark.")) {
                settings.put(key, entry.getValue());
            } else {
                err.println("Warning: ignoring non-Ember config property: " + key);
            }
        }
        if (driverMemory != null) {
            settings.put("ember.driver.memory", driverMemory);
        }
        return settings;
    }

    /** {@code KEY=VALUE}, split at the first {@code =}; the value may be empty, the key may not. */
    static final class ConfConverter implements ITypeConverter<Map.Entry<String, String>> {
        @Override
        public Map.Entry<String, String> convert(String text) {
            int equals = text.indexOf('=');
            if (equals <= 0) {
                throw new TypeConversionException("'" + text + "' is not of the form KEY=VALUE");
            }
            return Map.entry(text.substring(0, equals).trim(), text.substring(equals + 1));
        }
    }

    /** Checks a memory size and returns it lower-cased, as given otherwise. */
    static final class SizeConverter implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            if (!SIZE.matcher(text).matches()) {
                throw new TypeConversionException("'" + text + "' is not a memory size such as 512m or 2g");
            }
            return text.toLowerCase(Locale.ROOT);
        }
    }
}
