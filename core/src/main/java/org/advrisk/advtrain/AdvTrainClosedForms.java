package org.advrisk.advtrain;

import java.util.Arrays;
import org.advrisk.linalg.Blas;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.Norms;

/**
 * The thresholds of adversarial training and the fits they give in closed form: δ₀ (θ̂ = 0 at and above
 * it) and, for p > n, δ̄ below which θ̂ is the minimum-norm (l2 training) or minimum-l1 (l∞ training)
 * interpolator (see {@link AdvTrainThresholds}); the zero fit and the l2 interpolator fit, each
 * certified by the duality gap.
 */
final class AdvTrainClosedForms {
    private final AdvTrainData data;
    private final AttackNorm attack;
    private final WeightedRidge ridge;
    private AdvTrainThresholds thresholds;
    private double[] mnAlpha;
    private double mnB;

    AdvTrainClosedForms(AdvTrainData data, AttackNorm attack, WeightedRidge ridge) {
        this.data = data;
        this.attack = attack;
        this.ridge = ridge;
    }

    /** δ₀ and δ̄ of this training set (computed once). */
    synchronized AdvTrainThresholds thresholds() {
        if (thresholds == null) {
            thresholds = compute();
        }
        return thresholds;
    }

    private AdvTrainThresholds compute() {
        int n = data.n();
        double[] yc = centredY();
        double l1 = 0;
        for (double v : yc) {
            l1 += Math.abs(v);
        }
        double delta0 = l1 > 0 ? Norms.lq(data.xtv(yc), attack.p()) / l1 : 0;
        if (!ridge.dualMode()) {
            return new AdvTrainThresholds(delta0, Double.NaN, "p <= n: no interpolation regime");
        }
        if (attack.q() == 2) {
            double[] k = ridge.gram().clone();
            double[] rhs = new double[2 * n];
            System.arraycopy(data.y(), 0, rhs, 0, n);
            Arrays.fill(rhs, n, 2 * n, 1.0);
            if (!org.advrisk.linalg.Cholesky.solveInPlace(n, k, rhs, 2)) {
                return new AdvTrainThresholds(delta0, Double.NaN, "XXᵀ is singular: no unique interpolator");
            }
            double b = 0;
            if (data.intercept()) {
                double num = 0;
                double den = 0;
                for (int i = 0; i < n; i++) {
                    num += rhs[i];
                    den += rhs[n + i];
                }
                b = num / den;
            }
            double[] alpha = new double[n];
            double tt = 0;
            double amax = 0;
            for (int i = 0; i < n; i++) {
                alpha[i] = rhs[i] - b * rhs[n + i];
                tt += alpha[i] * (data.y()[i] - b);
                amax = Math.max(amax, Math.abs(alpha[i]));
            }
            mnAlpha = alpha;
            mnB = b;
            double bar = amax > 0 ? Math.sqrt(Math.max(tt, 0)) / (n * amax) : Double.NaN;
            return new AdvTrainThresholds(delta0, bar, Double.isNaN(bar) ? "y is constant" : "");
        }
        double[] a = MinL1Interpolation.dualSolution(data);
        if (a == null) {
            return new AdvTrainThresholds(delta0, Double.NaN, "min-l1 interpolation LP not solved for n·p > "
                    + MinL1Interpolation.MAX_ENTRIES);
        }
        double amax = 0;
        for (double v : a) {
            amax = Math.max(amax, Math.abs(v));
        }
        return new AdvTrainThresholds(delta0, amax > 0 ? 1 / (n * amax) : Double.NaN, "");
    }

    private double[] centredY() {
        double[] yc = data.y().clone();
        if (data.intercept()) {
            double mean = mean(yc);
            for (int i = 0; i < yc.length; i++) {
                yc[i] -= mean;
            }
        }
        return yc;
    }

    /** δ ≥ δ₀: θ̂ = 0, b = ȳ with an intercept. */
    AdvTrainFit zeroFit(double delta) {
        double b = data.intercept() ? mean(data.y()) : 0;
        double[] theta = new double[data.p()];
        double[] r = data.residuals(theta, b);
        double f = AdvTrainCertificate.objective(r, 0, delta);
        double d = AdvTrainCertificate.lowerBound(data, r, delta, attack.p());
        return new AdvTrainFit(delta, theta, b, f, Math.min(d, f), 0, AdvTrainStatus.ZERO);
    }

    /** l2 training, p > n, δ ≤ δ̄: the minimum-norm interpolator (call after {@link #thresholds()}). */
    AdvTrainFit interpolatorFit(double delta) {
        double[] theta = data.xtv(mnAlpha);
        double[] r = data.residuals(theta, mnB);
        double f = AdvTrainCertificate.objective(r, Norms.lq(theta, 2), delta);
        double d = AdvTrainCertificate.lowerBound(data, mnAlpha, delta, attack.p());
        return new AdvTrainFit(delta, theta, mnB, f, Math.min(d, f), 0, AdvTrainStatus.INTERPOLATOR);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
