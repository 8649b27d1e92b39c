package org.advrisk.experiment;

import java.util.Locale;
import java.util.regex.Pattern;
import org.advrisk.param.SizeExpr;

/**
 * The dimension p as a number or a function of n: {@code 2000}, {@code n}, {@code 10*n},
 * {@code n^2}, {@code 0.5*n^1.5}. p = round(coef · n^exponent), at least 1.
 *
 * @param text     canonical text (what keys and outputs show)
 * @param coef     the factor c &gt; 0
 * @param exponent the power of n (0 for a constant)
 */
public record SizeRule(String text, double coef, double exponent) {
    /** Allowed forms, for messages (the one p(n) grammar, {@link SizeExpr}). */
    public static final String ALLOWED = SizeExpr.ALLOWED;

    private static final Pattern EXPR = SizeExpr.EXPR;

    public SizeRule {
        new SizeExpr(text, coef, exponent); // the grammar's checks
    }

    /**
     * Parses a p value in the one p(n) grammar ({@link SizeExpr}); {@code path} names the field in messages.
     * Simulations need a finite p: {@code inf} is refused with the words of the CLI.
     */
    public static SizeRule parse(String path, String raw) {
        SizeExpr e = SizeExpr.parse(path, raw);
        if (e.isInfinite()) {
            throw new IllegalArgumentException(SizeExpr.FINITE_ONLY);
        }
        return new SizeRule(e.text(), e.coef(), e.exponent());
    }

    /** p for sample size n. */
    public long at(int n) {
        return new SizeExpr(text, coef, exponent).at(n);
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
        return SizeExpr.fmt(d);
    }
}
