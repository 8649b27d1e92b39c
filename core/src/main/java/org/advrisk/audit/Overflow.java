package org.advrisk.audit;

import java.util.List;
import org.advrisk.data.TrainingStatistics;

/**
 * Values too large for double precision, caught where they first show (the training statistics, then
 * the rows of the result) and refused with one line naming the cause, before anything is printed or
 * written: an overflowing Gram would otherwise end in a LAPACK failure, and an infinite risk in a
 * plot that cannot be drawn.
 */
public final class Overflow {
    /** What the user can do about it, said in every message. */
    static final String FIX = "rescale the column (e.g. divide it by a power of ten) so that its values stay well below 1e100";

    private Overflow() {
    }

    /** Refuses statistics with a non-finite mean, sd, Gram or target sum of squares. */
    public static void statistics(TrainingStatistics st) {
        List<String> names = st.featureNames();
        for (int j = 0; j < st.p(); j++) {
            if (!Double.isFinite(st.mean()[j]) || !Double.isFinite(st.sd()[j])) {
                throw new IllegalArgumentException("feature '" + names.get(j) + "': values too large for double precision"
                        + " (its sum of squares over the training rows overflows: mean " + st.mean()[j] + ", sd "
                        + st.sd()[j] + "); " + FIX);
            }
        }
        if (!Double.isFinite(st.yMean()) || !Double.isFinite(st.yy())) {
            throw new IllegalArgumentException("target: values too large for double precision (the sum of squares of the"
                    + " training targets overflows); " + FIX);
        }
        double[][] parts = {st.gram(), st.xty(), st.z(), st.yc()};
        String[] what = {"the Gram matrix XᵀX", "Xᵀy", "the standardised training matrix", "the centred targets"};
        for (int k = 0; k < parts.length; k++) {
            if (parts[k] != null && !finite(parts[k])) {
                throw new IllegalArgumentException("values too large for double precision: " + what[k] + " of the training"
                        + " rows overflows (features " + String.join(",", names) + "); " + FIX);
            }
        }
    }

    /**
     * Refuses a result with an infinite or undefined risk or norm, naming the first row's column and its
     * (split, λ, attack, α); NaN is allowed only where it means "does not apply" (train MSE of an external
     * model, the standard error of a single test row, the first-order column of a linear model).
     */
    public static void results(AuditResult r) {
        for (AuditRow row : r.rows()) {
            String bad = null;
            double v = 0;
            if (!Double.isFinite(row.testMse())) {
                bad = "test_mse";
                v = row.testMse();
            } else if (!Double.isFinite(row.advTestMse())) {
                bad = "adv_test_mse";
                v = row.advTestMse();
            } else if (!Double.isFinite(row.normDual())) {
                bad = "norm_dual";
                v = row.normDual();
            } else if (!Double.isFinite(row.alphaEff())) {
                bad = "alpha_eff";
                v = row.alphaEff();
            } else if (Double.isInfinite(row.trainMse()) || Double.isInfinite(row.advTestMseSe())
                    || Double.isInfinite(row.advFirstOrder())) {
                bad = "train_mse/adv_test_mse_se/adv_test_mse_first_order";
                v = Double.POSITIVE_INFINITY;
            }
            if (bad != null) {
                throw new IllegalArgumentException("values too large for double precision: " + bad + " is " + v + " at "
                        + row.split() + ", lambda " + row.lambda() + ", attack " + row.attack() + ", alpha " + row.alpha()
                        + " (squared errors of the prediction and of α·‖Dθ̂‖ overflow); nothing was written; " + FIX
                        + ", or use a smaller --alpha");
            }
        }
        for (double t : r.meanTheta()) {
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException("values too large for double precision: a fitted coefficient is " + t
                        + "; nothing was written; " + FIX);
            }
        }
    }

    private static boolean finite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
