package org.advrisk.param;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A string parameter with a closed set of values (scikit-learn's {@code StrOptions}): its name (the CLI
 * flag without dashes, the spec field, the API parameter), the allowed values, the default and help.
 * Every door reads it: picocli's completion candidates and help, the spec reader, the explorer's allowed
 * and default tables and the page's select lists ({@code GET /api/choices}), so a bad value gets one
 * message everywhere: "name: 'x' is not allowed; allowed: a, b". The values may come from a registry
 * (a {@link Supplier}, read at each use) instead of a fixed list.
 *
 * @param name        parameter name
 * @param values      the allowed values, lower case, in the order shown
 * @param defaultText the default as written
 * @param help        one-line meaning
 */
public record Choice(String name, Supplier<List<String>> values, String defaultText, String help) {
    /** A choice among fixed values. */
    public static Choice of(String name, List<String> values, String defaultText, String help) {
        List<String> copy = List.copyOf(values);
        return new Choice(name, () -> copy, defaultText, help);
    }

    /** The allowed values now (a registry's names when built from a supplier). */
    public List<String> allowedValues() {
        return values.get();
    }

    /** What is allowed, in words: the values separated by commas. */
    public String allowed() {
        return String.join(", ", allowedValues());
    }

    /** Reads one value (case and surrounding blanks ignored) or refuses it naming {@code path}. */
    public String parse(String path, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (!allowedValues().contains(t)) {
            throw new IllegalArgumentException(path + ": '" + UserText.quote(text == null ? "" : text.trim())
                    + "' is not allowed; allowed: " + allowed());
        }
        return t;
    }

    /** {@link #parse(String, String)} naming the parameter itself. */
    public String parse(String text) {
        return parse(name, text);
    }

    /** A comma list of values, each checked, none twice. */
    public List<String> parseList(String path, String text) {
        List<String> out = new ArrayList<>();
        for (String w : Lists.words(path, text)) {
            String v = parse(path, w);
            if (out.contains(v)) {
                throw new IllegalArgumentException(path + ": '" + v + "' appears twice; allowed: distinct values of "
                        + allowed());
            }
            out.add(v);
        }
        return out;
    }
}
