package org.infodesk.bench;

import java.util.Map;

/** What the plain-main benches share in reading their {@code --key=value} options. */
final class BenchOptions {

    private BenchOptions() {}

    /**
     * The whole number given for {@code --key}, or {@code fallback} when it is not given; one that is
     * not a number from {@code min} to {@code max} prints the bench's usage and is refused.
     */
    static int number(String usage, Map<String, String> values, String key, int fallback, int min, int max) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            System.err.print(usage);
            throw new IllegalArgumentException("--" + key + " \"" + text + "\" is not a number from " + min + " to " + max);
        }
    }
}
