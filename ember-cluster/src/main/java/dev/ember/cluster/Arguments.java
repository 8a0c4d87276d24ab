package dev.ember.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The command lines of the processes the cluster starts itself ({@code --name value} options and positional values). */
record Arguments(List<String> positional, Map<String, String> options) {

    static Arguments parse(String[] args) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        return new Arguments(List.copyOf(positional), Map.copyOf(options));
    }

    String option(String name, String defaultValue) {
        return options.getOrDefault(name, defaultValue);
    }
}
