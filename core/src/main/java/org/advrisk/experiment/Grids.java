package org.advrisk.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.advrisk.param.Lists;
import org.advrisk.param.NumberParam;

/**
 * Reads a spec parameter that is a single value or a grid: a scalar, a list, or a range string
 * {@code linspace:A,B,COUNT}, {@code logspace:LO,HI,COUNT} (10^LO … 10^HI) or
 * {@code geomspace:A,B,COUNT} (A … B with a constant ratio). Lists may mix numbers and ranges.
 * Every error names the field path, the bad value and what is allowed.
 */
public final class Grids {
    /** Range forms, for messages. */
    public static final String RANGES = Lists.RANGES;

    private Grids() {
    }

    /** A number check with its description for messages. */
    public interface Check {
        boolean ok(double v);
    }

    /** Real numbers; each must pass {@code check} (described by {@code allowed}). */
    public static List<Double> numbers(String path, JsonNode node, Check check, String allowed) {
        List<Double> out = new ArrayList<>();
        for (Item item : items(path, node)) {
            for (double v : item.numbers(allowed)) {
                if (!check.ok(v)) {
                    throw new IllegalArgumentException(item.path + ": " + fmt(v)
                            + (item.range ? " (from '" + item.text + "')" : "") + " is not allowed; allowed: " + allowed);
                }
                out.add(v);
            }
        }
        return distinct(path, out);
    }

    /**
     * Real numbers of a declared parameter: its grammar, its range check and its words (the same message
     * as its CLI flag, the audit and the explorer).
     */
    public static List<Double> numbers(String path, JsonNode node, NumberParam param) {
        List<Double> out = new ArrayList<>();
        for (Item item : items(path, node)) {
            for (double v : item.numbers(param.allowed())) {
                out.add(param.checkItem(item.path, v, item.range ? item.text : null));
            }
        }
        return distinct(path, out);
    }

    /** Integers (ranges are rounded to the nearest integer); each must pass {@code check}. */
    public static List<Integer> integers(String path, JsonNode node, Check check, String allowed) {
        List<Integer> out = new ArrayList<>();
        for (Item item : items(path, node)) {
            for (double v : item.numbers(allowed)) {
                double r = item.range ? Math.rint(v) : v;
                if (r != Math.rint(r)) {
                    throw new IllegalArgumentException(item.path + ": " + fmt(v) + " is not an integer; allowed: " + allowed);
                }
                if (Math.abs(r) > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(item.path + ": " + fmt(v) + " is too large (at most "
                            + Integer.MAX_VALUE + "); allowed: " + allowed);
                }
                if (!check.ok(r)) {
                    throw new IllegalArgumentException(item.path + ": " + fmt(r)
                            + (item.range ? " (from '" + item.text + "')" : "") + " is not allowed; allowed: " + allowed);
                }
                out.add((int) r);
            }
        }
        return distinct(path, out);
    }

    /** Strings (a scalar or a list of scalars); no ranges. */
    public static List<String> strings(String path, JsonNode node, String allowed) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw new IllegalArgumentException(path + ": empty list; allowed: " + allowed);
            }
            for (int i = 0; i < node.size(); i++) {
                out.add(scalarText(path + "[" + i + "]", node.get(i), allowed));
            }
        } else {
            out.add(scalarText(path, node, allowed));
        }
        return distinct(path, out);
    }

    /** A single scalar as text (numbers and booleans as written). */
    public static String scalarText(String path, JsonNode node, String allowed) {
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException(path + ": missing value; allowed: " + allowed);
        }
        if (node.isContainerNode()) {
            throw new IllegalArgumentException(path + ": " + (node.isArray() ? "a list" : "a mapping")
                    + " is not allowed here; allowed: " + allowed);
        }
        return node.asText();
    }

    private static <T> List<T> distinct(String path, List<T> values) {
        Set<T> seen = new LinkedHashSet<>();
        for (T v : values) {
            if (!seen.add(v)) {
                throw new IllegalArgumentException(path + ": value " + v + " appears twice; a grid lists each value once");
            }
        }
        return List.copyOf(values);
    }

    private static List<Item> items(String path, JsonNode node) {
        List<Item> out = new ArrayList<>();
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw new IllegalArgumentException(path + ": empty list; give at least one value");
            }
            for (int i = 0; i < node.size(); i++) {
                out.add(new Item(path + "[" + i + "]", node.get(i)));
            }
        } else {
            out.add(new Item(path, node));
        }
        return out;
    }

    /** One list element or scalar: a number, a numeric string, or a range string. */
    private static final class Item {
        final String path;
        final JsonNode node;
        final String text;
        final boolean range;

        Item(String path, JsonNode node) {
            this.path = path;
            this.node = node;
            this.text = node.isValueNode() ? node.asText() : "";
            this.range = node.isTextual() && text.contains(":");
        }

        double[] numbers(String allowed) {
            if (node.isNumber()) {
                return new double[] {node.doubleValue()};
            }
            if (!node.isTextual()) {
                String what = node.isArray() ? "a list" : node.isObject() ? "a mapping" : node.isBoolean()
                        ? "boolean " + text : node.isNull() ? "an empty value" : "'" + text + "'";
                throw new IllegalArgumentException(path + ": " + what + " is not a number; allowed: " + allowed
                        + ", a list of them, or a grid " + RANGES);
            }
            return Lists.numbers(path, text, allowed);
        }
    }

    /** Expands one range string (the one list grammar, {@link Lists#expand}). */
    static double[] expand(String path, String text) {
        return Lists.expand(path, text);
    }

    static String fmt(double d) {
        return SizeRule.fmt(d);
    }
}
