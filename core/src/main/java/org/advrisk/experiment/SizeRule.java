package org.advrisk.experiment;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advrisk.param.Parameters;

/**
 * The dimension p as a number or a function of n: {@code 2000}, {@code n}, {@code 10*n},
 * {@code n^2}, {@code 0.5*n^1.5}. p = round(coef · n^exponent), at least 1.
 *
 * @param text     canonical text (what keys and outputs show)
 * @param coef     the factor c &gt; 0
 * @param exponent the power of n (0 for a constant)
 */
public record SizeRule(String text, double coef, double exponent) {
    /** Allowed forms, for messages. */
    public static final String ALLOWED = "a positive integer or an expression of n: n, C*n, n^E, C*n^E (e.g. n^2, 10*n)";

    private static final String NUM = "([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)";
    private static final Pattern EXPR = Pattern.compile("^(?:" + NUM + "\\*?)?n(?:(?:\\^|\\*\\*)" + NUM + ")?$");
    private static final Pattern CONST = Pattern.compile("^" + NUM + "$");

    public SizeRule {
        if (!(coef > 0) || !Double.isFinite(coef) || !(exponent >= 0) || !Double.isFinite(exponent)) {
            throw new IllegalArgumentException("p: '" + text + "' needs a factor > 0 and an exponent >= 0; allowed: "
                    + ALLOWED);
        }
        if (exponent == 0 && coef != Math.rint(coef)) {
            throw new IllegalArgumentException("p: " + text + " is not an integer; allowed: " + ALLOWED);
        }
    }

    /** Parses a p value; {@code path} names the field in messages. */
    public static SizeRule parse(String path, String raw) {
        String t = raw.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        Matcher c = CONST.matcher(t);
        if (c.matches()) {
            double v = Double.parseDouble(c.group(1));
            if (v != Math.rint(v) || v < Parameters.P.min() || v > Parameters.P.max()) {
                throw new IllegalArgumentException(path + ": " + raw + " is not a positive integer; allowed: " + ALLOWED);
            }
            return new SizeRule(Long.toString((long) v), v, 0);
        }
        Matcher m = EXPR.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException(path + ": '" + raw + "' is not a size; allowed: " + ALLOWED);
        }
        double coef = m.group(1) == null ? 1 : Double.parseDouble(m.group(1));
        double exponent = m.group(2) == null ? 1 : Double.parseDouble(m.group(2));
        if (!(coef > 0)) {
            throw new IllegalArgumentException(path + ": '" + raw + "' has factor 0; allowed: " + ALLOWED);
        }
        String text = (coef == 1 ? "" : fmt(coef) + "*") + "n" + (exponent == 1 ? "" : "^" + fmt(exponent));
        return new SizeRule(text, coef, exponent);
    }

    /** p for sample size n. */
    public long at(int n) {
        double v = coef * Math.pow(n, exponent);
        if (!(v < 9.0e15)) {
            throw new IllegalArgumentException("p: " + text + " at n=" + n + " is " + v + ", too large");
        }
        return Math.max(1, Math.round(v));
    }

    /** c · n^e without rounding (for real-valued parameters such as a tail mass). */
    public double value(int n) {
        return coef * Math.pow(n, exponent);
    }

    /**
     * Evaluates expressions of n inside a "kind:key=value,…" parameter string at sample size n, e.g.
     * {@code twolevel:spikes=10,spike=1,tail=n^0.5} at n = 400 gives {@code …,tail=20}. Strings
     * without such values (and {@code file:} paths) are returned unchanged.
     */
    public static String substitute(String template, int n) {
        String t = template.trim();
        int colon = t.indexOf(':');
        if (colon < 0 || t.regionMatches(true, 0, "file:", 0, 5)) {
            return template;
        }
        String[] parts = t.substring(colon + 1).split(",", -1);
        boolean changed = false;
        for (int i = 0; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq < 0) {
                continue;
            }
            String v = parts[i].substring(eq + 1).trim();
            if (v.toLowerCase(Locale.ROOT).contains("n")) {
                if (!EXPR.matcher(v.toLowerCase(Locale.ROOT).replace(" ", "")).matches()) {
                    continue; // not an expression of n: leave it to the parser's message
                }
                SizeRule r = parse(parts[i].substring(0, eq).trim(), v);
                parts[i] = parts[i].substring(0, eq + 1) + Double.toString(r.value(n));
                changed = true;
            }
        }
        return changed ? t.substring(0, colon + 1) + String.join(",", parts) : template;
    }

    /** True when a parameter string has a value that is an expression of n. */
    public static boolean dependsOnN(String template) {
        return !substitute(template, 1).equals(template) || !substitute(template, 2).equals(template);
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
