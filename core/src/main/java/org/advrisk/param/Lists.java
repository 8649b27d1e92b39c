package org.advrisk.param;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one list grammar of every front door (CLI flags, spec files, the audit, the explorer's API and its
 * page, whose {@code explore.js} implements the same rules): a comma list whose items are numbers or
 * grids {@code linspace:A,B,COUNT} (A … B evenly), {@code logspace:LO,HI,COUNT} (10^LO … 10^HI) and
 * {@code geomspace:A,B,COUNT} (A … B with a constant ratio, A, B &gt; 0), mixed freely:
 * {@code 0,logspace:-6,1,20}. A grid of COUNT = 1 is its first end (numpy's convention). Checking the
 * values against a range is the declaration's job ({@link NumberParam}); this class only reads them.
 */
public final class Lists {
    /** The grid forms, for messages. */
    public static final String RANGES = "linspace:A,B,COUNT, logspace:LO,HI,COUNT, geomspace:A,B,COUNT";
    /** Most values one grid may expand to. */
    public static final int MAX_COUNT = 100_000;

    private static final List<String> KINDS = List.of("linspace", "logspace", "geomspace");
    /** A decimal number as every door (and the page) reads it: 12, -0.5, .5, 1e-3, 2.5E+4. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(Infinity|NaN)");

    private Lists() {
    }

    /**
     * The items of a comma list as written (trimmed): numbers and words one by one, a grid kept whole
     * with its three numbers ({@code logspace:-6,1,20}). A grid with fewer than three numbers is
     * refused; empty items are skipped; an empty list is refused.
     */
    public static List<String> items(String path, String text) {
        String[] parts = text == null ? new String[0] : text.split(",", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String t = parts[i].trim();
            if (isGrid(t)) {
                if (i + 2 >= parts.length) {
                    String rest = String.join(",", java.util.Arrays.copyOfRange(parts, i, parts.length)).trim();
                    throw new IllegalArgumentException(path + ": '" + UserText.quote(rest)
                            + "' is a bad grid: needs 3 values FROM,TO,COUNT; allowed: " + RANGES);
                }
                out.add(t + "," + parts[i + 1].trim() + "," + parts[i + 2].trim());
                i += 2;
            } else if (!t.isEmpty()) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(path + ": empty list; give at least one value");
        }
        return out;
    }

    /** True when an item is a grid (it has a colon: {@code KIND:A,B,COUNT}). */
    public static boolean isGrid(String item) {
        return item.indexOf(':') > 0;
    }

    /**
     * Every value of a list, in the order written; each plain item must be a finite number and each
     * grid well formed. {@code allowed} describes the values for the "not a number" message.
     */
    public static double[] numbers(String path, String text, String allowed) {
        List<Double> out = new ArrayList<>();
        for (String item : items(path, text)) {
            for (double v : values(path, item, allowed)) {
                out.add(v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The values of one item: a grid's expansion or the one number. */
    public static double[] values(String path, String item, String allowed) {
        return isGrid(item) ? expand(path, item) : new double[] {number(path, item, allowed)};
    }

    /** One finite number, or a message naming {@code path}, the text and what is allowed. */
    public static double number(String path, String text, String allowed) {
        String t = text == null ? "" : text.trim();
        double v;
        try {
            v = parse(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + ": '" + UserText.quote(t) + "' is not a number; allowed: " + allowed
                    + ", a list of them, or a grid " + RANGES);
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(path + ": '" + UserText.quote(t) + "' is not a finite number; allowed: "
                    + allowed);
        }
        return v;
    }

    /**
     * A number in the grammar's syntax (decimal, optional exponent; {@code Infinity} and {@code NaN} are
     * read so that they can be refused as not finite); Java's other forms (hex, a {@code d} suffix) are not.
     */
    static double parse(String t) {
        if (DECIMAL.matcher(t).matches() || SPECIAL.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        throw new NumberFormatException(t);
    }

    /** Expands one grid {@code KIND:A,B,COUNT}. */
    public static double[] expand(String path, String text) {
        int colon = text.indexOf(':');
        String kind = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String[] parts = text.substring(colon + 1).split(",", -1);
        String bad = path + ": '" + UserText.quote(text) + "' is a bad grid: ";
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(bad + "unknown kind '" + UserText.quote(kind) + "'; allowed: " + RANGES);
        }
        if (parts.length != 3) {
            throw new IllegalArgumentException(bad + "needs 3 values FROM,TO,COUNT; allowed: " + RANGES);
        }
        double a;
        double b;
        double c;
        try {
            a = parse(parts[0].trim());
            b = parse(parts[1].trim());
            c = parse(parts[2].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(bad + "FROM, TO and COUNT must be numbers; allowed: " + RANGES);
        }
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException(bad + "FROM and TO must be finite");
        }
        if (c != Math.rint(c) || c < 1 || c > MAX_COUNT) {
            throw new IllegalArgumentException(bad + "COUNT " + UserText.quote(parts[2].trim())
                    + " must be an integer from 1 to " + MAX_COUNT);
        }
        if (kind.equals("geomspace") && !(a > 0 && b > 0)) {
            throw new IllegalArgumentException(bad + "geomspace needs FROM > 0 and TO > 0");
        }
        return grid(kind, a, b, (int) c);
    }

    /**
     * The COUNT values of a grid: t = k/(COUNT−1) and A + t(B − A) (linspace), 10^(A + t(B − A))
     * (logspace), exp(ln A + t(ln B − ln A)) (geomspace); geomspace, and logspace with integer ends,
     * hit their ends exactly.
     */
    static double[] grid(String kind, double a, double b, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            double t = count == 1 ? 0 : (double) i / (count - 1);
            out[i] = switch (kind) {
                case "linspace" -> a + t * (b - a);
                case "logspace" -> Math.pow(10, a + t * (b - a));
                default -> Math.exp(Math.log(a) + t * (Math.log(b) - Math.log(a)));
            };
        }
        if (kind.equals("geomspace")) {
            out[0] = a;
            if (count > 1) {
                out[count - 1] = b;
            }
        }
        if (kind.equals("logspace") && a == Math.rint(a) && b == Math.rint(b)) {
            out[0] = Math.pow(10, a);
            if (count > 1) {
                out[count - 1] = Math.pow(10, b);
            }
        }
        return out;
    }

    /** A comma list of words (attacks, targets, estimators …), trimmed, empty items skipped. */
    public static List<String> words(String path, String text) {
        List<String> out = new ArrayList<>();
        for (String s : (text == null ? "" : text).split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(path + ": empty list; give at least one value");
        }
        return out;
    }
}
