package org.advrisk.param;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one p(n) grammar of every door (CLI {@code --p}, spec {@code p:}, the explorer): a positive integer
 * ({@code 2000}), an expression of n ({@code n}, {@code 2n}, {@code 10*n}, {@code n^2}, {@code n**2},
 * {@code 0.5*n^1.5}) or {@code inf} (an infinite spectrum; only theory can use it). p at sample size n is
 * round(c · n^e) (halves up), at least 1.
 *
 * @param text     canonical text: the integer, {@code inf}, or {@code [C*]n[^E]}
 * @param coef     the factor c &gt; 0 (the integer itself for a constant; 0 for inf)
 * @param exponent the power e ≥ 0 of n (0 for a constant or inf)
 */
public record SizeExpr(String text, double coef, double exponent) {
    /** Allowed forms, for messages. */
    public static final String ALLOWED = "a positive integer, an expression of n (n, 2n, C*n, n^E, C*n^E, e.g. "
            + "0.5*n^1.5), or inf";
    /** The message of a door that cannot use p = ∞ (simulations). */
    public static final String FINITE_ONLY = "p: inf is only available in advrisk theory; give a finite p";

    private static final String NUM = "([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)";
    /** An expression of n: {@code [C[*]]n[(^|**)E]}. */
    public static final Pattern EXPR = Pattern.compile("^(?:" + NUM + "\\*?)?n(?:(?:\\^|\\*\\*)" + NUM + ")?$");
    private static final Pattern CONST = Pattern.compile("^" + NUM + "$");
    private static final SizeExpr INF = new SizeExpr("inf", 0, 0);

    /** Checks the parts: c &gt; 0 and finite, e ≥ 0 and finite, an integer c when e = 0 (inf aside). */
    public SizeExpr {
        boolean inf = coef == 0 && exponent == 0 && "inf".equals(text);
        if (!inf && (!(coef > 0) || !Double.isFinite(coef) || !(exponent >= 0) || !Double.isFinite(exponent))) {
            throw new IllegalArgumentException("p: '" + UserText.quote(text) + "' needs a factor > 0 and an exponent"
                    + " >= 0; allowed: " + ALLOWED);
        }
        if (!inf && exponent == 0 && coef != Math.rint(coef)) {
            throw new IllegalArgumentException("p: " + UserText.quote(text) + " is not an integer; allowed: " + ALLOWED);
        }
    }

    /** Parses a p value; {@code path} names the field in messages. */
    public static SizeExpr parse(String path, String raw) {
        String t = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (t.equals("inf") || t.equals("infinity")) {
            return INF;
        }
        Matcher c = CONST.matcher(t);
        if (c.matches()) {
            double v = Double.parseDouble(c.group(1));
            if (v != Math.rint(v) || v < Parameters.P.min() || v > Parameters.P.max()) {
                throw new IllegalArgumentException(path + ": " + UserText.quote(raw.trim())
                        + " is not a positive integer; allowed: " + ALLOWED);
            }
            return new SizeExpr(Long.toString((long) v), v, 0);
        }
        Matcher m = EXPR.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException(path + ": '" + UserText.quote(raw == null ? "" : raw)
                    + "' is not allowed; allowed: " + ALLOWED);
        }
        double coef = m.group(1) == null ? 1 : Double.parseDouble(m.group(1));
        double exponent = m.group(2) == null ? 1 : Double.parseDouble(m.group(2));
        if (!(coef > 0)) {
            throw new IllegalArgumentException(path + ": '" + UserText.quote(raw) + "' has factor 0; allowed: " + ALLOWED);
        }
        return new SizeExpr((coef == 1 ? "" : fmt(coef) + "*") + "n" + (exponent == 1 ? "" : "^" + fmt(exponent)),
                coef, exponent);
    }

    /** True for p = ∞. */
    public boolean isInfinite() {
        return coef == 0;
    }

    /** True for a fixed p (no n in it). */
    public boolean isConstant() {
        return exponent == 0 && !isInfinite();
    }

    /** p at sample size n: round(c · n^e), at least 1; refused for inf and beyond 9·10¹⁵. */
    public long at(long n) {
        if (isInfinite()) {
            throw new IllegalArgumentException(FINITE_ONLY);
        }
        double v = coef * Math.pow(n, exponent);
        if (!(v < 9.0e15)) {
            throw new IllegalArgumentException("p: " + text + " at n=" + n + " is " + v + ", too large");
        }
        return Math.max(1, Math.round(v));
    }

    /** c · n^e without rounding (for real-valued parameters such as a tail mass). */
    public double value(long n) {
        return coef * Math.pow(n, exponent);
    }

    /** A number as the canonical text writes it (integers without ".0"). */
    public static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
