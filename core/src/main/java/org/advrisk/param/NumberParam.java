package org.advrisk.param;

import java.util.ArrayList;
import java.util.List;

/**
 * A real-valued parameter: its name (the CLI flag without dashes and the spec field), the allowed
 * closed range [min, max], its default and help text. One validator ({@link #check}) and one list
 * parser ({@link #parseList}: comma lists mixing numbers, {@code logspace:LO,HI,COUNT} (10^LO … 10^HI)
 * and {@code linspace:A,B,COUNT}) serve every front door, so their messages and grids are identical.
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
    public static final int MAX_COUNT = 100_000;

    /** A parameter whose range includes min. */
    public NumberParam(String name, double min, double max, String defaultText, String help) {
        this(name, min, max, defaultText, help, false);
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

    /** Returns v, or refuses it with "name: v must be …". */
    public double check(double v) {
        if (Double.isFinite(v) && v > max) {
            throw new IllegalArgumentException(name + ": " + v + " is too large; it must be " + allowed());
        }
        if (!Double.isFinite(v) || below(v) || v > max) {
            throw new IllegalArgumentException(name + ": " + v + " must be " + allowed());
        }
        return v;
    }

    /** Parses one number (no ranges). */
    public double parse(String text) {
        return check(number(text == null ? "" : text.trim(), text));
    }

    /** The default values. */
    public double[] defaults() {
        return parseList(defaultText);
    }

    /**
     * Parses a comma list whose items are numbers, {@code logspace:LO,HI,COUNT} or
     * {@code linspace:A,B,COUNT}; every resulting value is checked against the range.
     */
    public double[] parseList(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + ": empty list; give values like 0,0.1 or logspace:-6,1,20");
        }
        String[] parts = text.split(",");
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String t = parts[i].trim();
            boolean log = t.startsWith("logspace:");
            boolean lin = t.startsWith("linspace:");
            if (log || lin) {
                String kind = log ? "logspace" : "linspace";
                if (i + 2 >= parts.length) {
                    throw new IllegalArgumentException(name + ": '" + text + "': " + kind + " needs "
                            + (log ? "LO,HI,COUNT (exponents of 10 and a count), e.g. logspace:-6,1,20"
                                    : "FROM,TO,COUNT, e.g. linspace:0,1,11"));
                }
                double lo = number(t.substring(kind.length() + 1), text);
                double hi = number(parts[i + 1].trim(), text);
                double countD = number(parts[i + 2].trim(), text);
                int count = (int) countD;
                if (count != countD || count < 1 || count > MAX_COUNT) {
                    throw new IllegalArgumentException(name + ": " + kind + " count " + parts[i + 2].trim()
                            + " must be an integer between 1 and " + MAX_COUNT);
                }
                for (int k = 0; k < count; k++) {
                    double e = count == 1 ? lo : lo + (hi - lo) * k / (count - 1);
                    double v = log ? Math.pow(10, e) : e;
                    if (Double.isFinite(v) && v > max) {
            throw new IllegalArgumentException(name + ": " + v + " is too large; it must be " + allowed());
        }
        if (!Double.isFinite(v) || below(v) || v > max) {
                        throw new IllegalArgumentException(name + ": " + kind + " value " + v + " must be " + allowed());
                    }
                    out.add(v);
                }
                i += 2;
            } else {
                double v = number(t, text);
                if (below(v) || v > max) {
                    throw new IllegalArgumentException(name + ": " + t + (v > max ? " is too large; it" : "")
                            + " must be " + rangeWords());
                }
                out.add(v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
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

    private double number(String t, String whole) {
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + t + "' in '" + whole + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + ": '" + t + "' must be a finite number");
        }
        return v;
    }
}
