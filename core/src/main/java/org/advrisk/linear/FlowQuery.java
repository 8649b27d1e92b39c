package org.advrisk.linear;

/**
 * What the early-stopping estimators are asked for on each training set: gradient flow at the times
 * {@code times} and/or gradient descent with step {@code eta} after {@code steps} steps (null: not asked).
 *
 * @param times gf's times t ≥ 0 ({@code +∞} allowed), or null without gf
 * @param eta   gd's step size η &gt; 0 (NaN without gd)
 * @param steps gd's step counts K ≥ 0, or null without gd
 */
public record FlowQuery(double[] times, double eta, double[] steps) {
    /** Neither estimator. */
    public static final FlowQuery NONE = new FlowQuery(null, Double.NaN, null);

    public FlowQuery {
        if (times != null) {
            if (times.length == 0) {
                throw new IllegalArgumentException("time: empty list; allowed: " + FlowParams.ALLOWED_TIME);
            }
            for (double t : times) {
                FlowParams.checkTime(t);
            }
            times = times.clone();
        }
        if (steps != null) {
            if (steps.length == 0) {
                throw new IllegalArgumentException("steps: empty list; allowed: integers >= 0");
            }
            FlowParams.checkEta(eta);
            for (double k : steps) {
                FlowParams.checkSteps(k);
            }
            steps = steps.clone();
        }
    }

    /** True when gradient flow rows are asked for. */
    public boolean gf() {
        return times != null;
    }

    /** True when gradient descent rows are asked for. */
    public boolean gd() {
        return steps != null;
    }

    /** True when either is. */
    public boolean any() {
        return gf() || gd();
    }

    @Override
    public double[] times() {
        return times == null ? null : times.clone();
    }

    @Override
    public double[] steps() {
        return steps == null ? null : steps.clone();
    }
}
