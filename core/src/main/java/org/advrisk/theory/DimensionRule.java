package org.advrisk.theory;

import java.util.Locale;

/**
 * The dimension p as a function of n, for sequences of problems: a number ({@code 10000}), a
 * multiple of n ({@code 2n}, {@code 4*n}), a power of n ({@code n^2}, {@code n^1.5}) or
 * {@code inf} (an infinite spectrum truncated at P with an analytic tail).
 *
 * @param text       the text form
 * @param factor     c in p = c·n^power (0 for a fixed p)
 * @param power      the exponent of n
 * @param fixed      the fixed p (when factor is 0)
 */
public record DimensionRule(String text, double factor, double power, long fixed) {
    /** Allowed forms, for messages. */
    public static final String ALLOWED = "a positive integer, C*n or Cn (e.g. 2n), n^E (e.g. n^2), or inf";

    /** Parses the rule; errors name the field "p". */
    public static DimensionRule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("p: empty; allowed: " + ALLOWED);
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        try {
            if (t.equals("inf") || t.equals("infinity")) {
                return new DimensionRule("inf", 0, 0, -1);
            }
            if (t.startsWith("n^")) {
                double e = Double.parseDouble(t.substring(2));
                if (!(e > 0) || !Double.isFinite(e)) {
                    throw new NumberFormatException();
                }
                return new DimensionRule(t, 1, e, 0);
            }
            if (t.endsWith("n")) {
                String c = t.substring(0, t.length() - 1);
                if (c.endsWith("*")) {
                    c = c.substring(0, c.length() - 1);
                }
                double f = c.isEmpty() ? 1 : Double.parseDouble(c);
                if (!(f > 0) || !Double.isFinite(f)) {
                    throw new NumberFormatException();
                }
                return new DimensionRule(t, f, 1, 0);
            }
            double v = Double.parseDouble(t);
            if (!(v >= 1) || v != Math.rint(v) || v > 9e18) {
                throw new NumberFormatException();
            }
            return new DimensionRule(t, 0, 0, (long) v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("p: '" + text + "' is not allowed; allowed: " + ALLOWED);
        }
    }

    /** True for p = ∞. */
    public boolean isInfinite() {
        return fixed < 0;
    }

    /** p at sample size n (rounded to the nearest integer, at least 1); −1 for ∞. */
    public long at(long n) {
        if (isInfinite()) {
            return -1;
        }
        if (factor == 0) {
            return fixed;
        }
        double p = Math.rint(factor * Math.pow(n, power));
        if (!(p < 9e18)) {
            throw new IllegalArgumentException("p: " + text + " at n=" + n + " is too large");
        }
        return Math.max(1, (long) p);
    }
}
