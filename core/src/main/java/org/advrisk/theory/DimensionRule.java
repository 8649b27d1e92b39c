package org.advrisk.theory;

import java.util.Locale;
import org.advrisk.param.SizeExpr;

/**
 * The dimension p as a function of n, for sequences of problems, in the one p(n) grammar of every door
 * ({@link SizeExpr}): a number ({@code 10000}), a multiple of n ({@code 2n}, {@code 4*n}), a power of n
 * ({@code n^2}, {@code 0.5*n^1.5}) or {@code inf} (an infinite spectrum truncated at P with an analytic tail).
 *
 * @param text       the text form
 * @param factor     c in p = c·n^power (0 for a fixed p)
 * @param power      the exponent of n
 * @param fixed      the fixed p (when factor is 0; −1 for inf)
 */
public record DimensionRule(String text, double factor, double power, long fixed) {
    /** Allowed forms, for messages. */
    public static final String ALLOWED = SizeExpr.ALLOWED;

    /** Parses the rule; errors name the field "p". */
    public static DimensionRule parse(String text) {
        SizeExpr e = SizeExpr.parse("p", text);
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (e.isInfinite()) {
            return new DimensionRule("inf", 0, 0, -1);
        }
        if (e.isConstant()) {
            return new DimensionRule(t, 0, 0, (long) e.coef());
        }
        return new DimensionRule(t, e.coef(), e.exponent(), 0);
    }

    /** True for p = ∞. */
    public boolean isInfinite() {
        return fixed < 0;
    }

    /** p at sample size n (round(c·n^e), halves up, at least 1, as {@link SizeExpr#at}); −1 for ∞. */
    public long at(long n) {
        if (isInfinite()) {
            return -1;
        }
        if (factor == 0) {
            return fixed;
        }
        return new SizeExpr(text, factor, power).at(n);
    }
}
