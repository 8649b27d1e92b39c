package org.advrisk.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * One condition of a verdict rule: a statistic with its interval compared with a threshold,
 * e.g. {@code A = 2.79 [2.41, 3.20] > 1.5}. The decision is {@link Decision#HOLDS} when the whole
 * interval is on the required side, {@link Decision#DOES_NOT_HOLD} when it is wholly on the other
 * side, and {@link Decision#INCONCLUSIVE} when it contains the threshold.
 *
 * @param name      the statistic's symbol, e.g. "A(n_max)" or "slope ln R vs ln n"
 * @param interval  estimate and interval
 * @param above     true for "statistic &gt; threshold", false for "statistic &lt; threshold"
 * @param threshold the threshold
 */
public record Criterion(String name, Interval interval, boolean above, double threshold) {
    public Criterion {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold: " + threshold + " is not allowed; allowed: a finite number");
        }
    }

    /** The three-way decision. */
    public Decision decision() {
        if (!interval.defined()) {
            return Decision.INCONCLUSIVE;
        }
        double lo = interval.lo();
        double hi = interval.hi();
        if (above ? lo > threshold : hi < threshold) {
            return Decision.HOLDS;
        }
        if (above ? hi < threshold : lo > threshold) {
            return Decision.DOES_NOT_HOLD;
        }
        return Decision.INCONCLUSIVE;
    }

    /**
     * The distance from the threshold to the near end of the interval, positive when the decision
     * is clear (either way), negative (or NaN) when inconclusive.
     */
    public double margin() {
        if (!interval.defined()) {
            return Double.NaN;
        }
        double lo = interval.lo() - threshold;
        double hi = threshold - interval.hi();
        return Math.max(lo, hi);
    }

    /**
     * "A = 2.79 [2.41, 3.2] &gt; 1.5" when the rule is met, "… &lt; 1.5" (or &gt;) when it clearly fails,
     * "A = 1.51 [1.38, 1.66] ∋ 1.5, needs &gt; 1.5" when inconclusive; three significant digits.
     */
    public String text() {
        Decision d = decision();
        String need = (above ? "> " : "< ") + fmt(threshold);
        String iv = interval.defined() ? " [" + fmt(interval.lo()) + ", " + fmt(interval.hi()) + "]"
                : " [interval undefined]";
        String head = name + " = " + fmt(interval.estimate()) + iv;
        return switch (d) {
            case HOLDS -> head + " " + need;
            case DOES_NOT_HOLD -> head + " " + (above ? "< " : "> ") + fmt(threshold) + ", needs " + need;
            case INCONCLUSIVE -> head + (interval.defined() ? " ∋ " + fmt(threshold) : "") + ", needs " + need;
        };
    }

    /** Three significant digits, plain or scientific (as the reports print numbers). */
    public static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
