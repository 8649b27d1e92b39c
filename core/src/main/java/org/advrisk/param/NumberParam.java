package org.advrisk.param;

import java.util.ArrayList;
import java.util.List;

/**
 * A real-valued parameter: its name (the CLI flag without dashes and the spec field), the allowed
 * closed range [min, max], its default and help text. One validator ({@link #check}) and the one list
 * grammar ({@link #parseList}, read by {@link Lists}) serve every front door, so their messages and grids
 * are identical.
 *
 * @param name         parameter name
 * @param min          smallest allowed value (inclusive)
 * @param max          largest allowed value (inclusive; +∞ for none, values are always finite)
 * @param defaultText  the default as the user would write it
 * @param help         one-line meaning
 * @param exclusiveMin  true when min itself is refused (values must be &gt; min, e.g. δ &gt; 0)
 */
public record NumberParam(String name, double min, double max, String defaultText, String help,
                          boolean exclusiveMin) {
    /** Most values a range string may expand to. */
    public static final int MAX_COUNT = Lists.MAX_COUNT;

    /** A parameter whose range includes min. */
    public NumberParam(String name, double min, double max, String defaultText, String help) {
        this(name, min, max, defaultText, help, false);
    }

    /** A parameter of any finite value &gt;= 0 (grids of a single command, e.g. theory's trade-off λ). */
    public static NumberParam nonNegative(String name) {
        return new NumberParam(name, 0, Double.POSITIVE_INFINITY, "", name);
    }

    /** What is allowed, in words. */
    public String allowed() {
        String lower = (exclusiveMin ? "> " : ">= ") + fmt(min);
        if (max == Double.POSITIVE_INFINITY) {
            return "finite and " + lower;
        }
        if (max >= 1e50) { // an overflow guard, not a modelling range: name the lower bound first
            return "finite and " + lower + ", at most " + max;
        }
        return exclusiveMin ? lower + " and <= " + fmt(max) : "between " + fmt(min) + " and " + fmt(max);
    }

    /** True when v is below the range (or at an excluded min). */
    private boolean below(double v) {
        return v < min || (exclusiveMin && v == min);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Returns v, or refuses it in the one wording of every door (see {@link #checkItem}). */
    public double check(double v) {
        return checkItem(name, v, null);
    }

    /** Parses one number (no ranges). */
    public double parse(String text) {
        return check(Lists.number(name, text, allowed()));
    }

    /** The default values. */
    public double[] defaults() {
        return parseList(defaultText);
    }

    /**
     * Parses a list in the one list grammar ({@link Lists}: numbers, {@code logspace:LO,HI,COUNT},
     * {@code linspace:A,B,COUNT}, {@code geomspace:A,B,COUNT}); every value is checked against the range
     * ({@link #checkItem}), so a flag, a spec field, the audit and the explorer refuse it in the same words.
     */
    public double[] parseList(String text) {
        return parseList(name, text);
    }

    /** {@link #parseList(String)} with messages naming {@code path} (e.g. a spec's {@code lambda[1]}). */
    public double[] parseList(String path, String text) {
        List<Double> out = new ArrayList<>();
        for (String item : Lists.items(path, text)) {
            for (double v : Lists.values(path, item, allowed())) {
                out.add(checkItem(path, v, Lists.isGrid(item) ? item : null));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Returns a value read from a list, or refuses it with "path: v is not allowed; allowed: …" (or "… is
     * too large; allowed: …"), the one wording of every door; {@code grid}, when not null, is the grid the value came from and is named too.
     */
    public double checkItem(String path, double v, String grid) {
        if (below(v) || v > max || !Double.isFinite(v)) {
            String shown = fmt(v) + (grid == null ? "" : " (from '" + UserText.quote(grid) + "')");
            throw new IllegalArgumentException(path + ": " + shown + (v > max ? " is too large" : " is not allowed")
                    + "; allowed: " + rangeWords());
        }
        return v;
    }

    private String rangeWords() {
        String lower = (exclusiveMin ? "> " : ">= ") + fmt(min);
        if (max == Double.POSITIVE_INFINITY) {
            return lower;
        }
        if (max >= 1e50) {
            return lower + ", at most " + max;
        }
        return exclusiveMin ? lower + " and <= " + fmt(max) : "between " + fmt(min) + " and " + fmt(max);
    }
}
