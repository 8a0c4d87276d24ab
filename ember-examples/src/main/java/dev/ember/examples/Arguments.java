package dev.ember.examples;

/** Parsing of example arguments, with messages that name the argument. */
final class Arguments {
    private Arguments() {
    }

    static int positiveInt(String value, String name) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number of at least 1, not '" + value + "'");
    }

    static String required(java.util.List<String> args, int index, String name) {
        if (args.size() <= index) {
            throw new IllegalArgumentException("missing " + name);
        }
        return args.get(index);
    }
}
