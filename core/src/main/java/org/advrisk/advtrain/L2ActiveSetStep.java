package org.advrisk.advtrain;

import java.util.Arrays;
import org.advrisk.model.Norms;

/**
 * The active-set step of l2 adversarial training (q = 2), the analogue of {@link ActiveSetStep}: F is
 * smooth on each piece (a set Z of residuals at 0, fixed signs elsewhere), so it is minimised there by
 * Newton's method ({@link PieceNewton}, in the reduced coordinates of {@link ReducedDesign}: at most
 * n + 1 unknowns) while the piece is updated. Z is first read off the reweighted-ridge iterate with a
 * relative threshold. A full Newton step that lowers the true F is taken, and the residuals it carries
 * across 0 join Z; otherwise the step stops at the first crossing (that residual joins Z), backtracked on
 * F. Zeros whose multiplier breaks the subgradient bound |λ_i| ≤ δt leave Z with the sign of −λ_i. The
 * multipliers give the dual vector w_Z = −λ (w_i = r_i + δt·sign(r_i) elsewhere): Newton stops as soon
 * as its certified relative gap reaches the tolerance. The caller keeps a candidate only if F decreased.
 */
final class L2ActiveSetStep {
    /**
     * Relative thresholds for the first zero set, larger first: too many zeros are released in blocks
     * (all multipliers beyond δt at once), too few only join a crossing at a time.
     */
    private static final double[] THRESHOLDS = {1e-3, 1e-5};
    /** Newton solves per threshold. */
    private static final int MAX_NEWTON = 20;

    private final AdvTrainData data;
    private final WeightedRidge ridge;
    private final int n;
    private ReducedDesign rd;
    private boolean rdTried;
    private int solves;

    L2ActiveSetStep(AdvTrainData data, WeightedRidge ridge) {
        this.data = data;
        this.ridge = ridge;
        this.n = data.n();
    }

    /** Newton solves done so far (over all calls). */
    int solves() {
        return solves;
    }

    /**
     * The candidate of lowest F over the thresholds, stopping at the first whose certified relative gap
     * is within {@code tolerance}; null when none could be formed.
     */
    ActiveSetStep.Candidate best(double[] theta, double b, double[] r, double delta, double tolerance) {
        if (!rdTried) {
            rdTried = true;
            rd = ReducedDesign.of(data, ridge);
        }
        if (rd == null || rd.m() + 1 > PieceNewton.MAX_SIZE || !(Norms.lq(theta, 2) > 0)) {
            return null;
        }
        double[] u = rd.toReduced(theta);
        ActiveSetStep.Candidate best = null;
        double lower = 0;
        boolean[] lastZ = null;
        for (double tau : THRESHOLDS) {
            boolean[] zero = zeroSet(r, Norms.lq(theta, 2), delta, tau);
            if (lastZ != null && Arrays.equals(zero, lastZ)) {
                continue;
            }
            lastZ = zero;
            ActiveSetStep.Candidate c;
            try {
                c = newton(u, b, delta, zero, tolerance);
            } catch (ArithmeticException e) {
                continue; // a singular piece (dependent rows in Z): try the next threshold
            }
            if (c == null) {
                continue;
            }
            lower = Math.max(lower, c.lowerBound());
            if (best == null || c.objective() < best.objective()) {
                best = c;
            }
            if (ReweightedRidge.gap(best.objective(), lower) <= tolerance) {
                break;
            }
        }
        return best == null ? null : new ActiveSetStep.Candidate(best.theta(), best.b(), best.objective(), lower);
    }

    private static boolean[] zeroSet(double[] r, double t, double delta, double tau) {
        double rmax = 0;
        for (double v : r) {
            rmax = Math.max(rmax, Math.abs(v));
        }
        double scale = rmax + delta * t;
        boolean[] zero = new boolean[r.length];
        for (int i = 0; i < r.length; i++) {
            zero[i] = Math.abs(r[i]) <= tau * scale;
        }
        return zero;
    }

    /** Newton's method with active-set updates from (u0, b0) and the initial zero set. */
    private ActiveSetStep.Candidate newton(double[] u0, double b0, double delta, boolean[] zero0, double tolerance) {
        boolean[] zero = zero0.clone();
        double[] u = u0.clone();
        double b = b0;
        double[] r = rd.residuals(u, b);
        double[] sign = new double[n];
        for (int i = 0; i < n; i++) {
            sign[i] = r[i] >= 0 ? 1 : -1;
        }
        double t = Norms.lq(u, 2);
        double f = AdvTrainCertificate.objective(r, t, delta);
        double[] lambda = null;
        boolean[] lambdaZ = null;
        double lower = 0;
        for (int iter = 0; iter < MAX_NEWTON && t > 0; iter++) {
            PieceNewton.Direction d = PieceNewton.direction(rd, u, r, t, delta, zero, sign);
            if (d == null) {
                break;
            }
            solves++;
            lambda = d.lambda();
            lambdaZ = zero.clone();
            // The multipliers at this point certify it: stop as soon as the gap is closed.
            lower = Math.max(lower, AdvTrainCertificate.lowerBound(data, dualVector(r, t, delta, zero, lambda), delta, 2));
            if (ReweightedRidge.gap(f, lower) <= tolerance) {
                break;
            }
            // Zeros whose multiplier breaks the subgradient bound |λ_i| ≤ δt.
            boolean[] release = new boolean[n];
            boolean anyRelease = false;
            int zi = 0;
            for (int i = 0; i < n; i++) {
                if (zero[i]) {
                    if (Math.abs(lambda[zi]) > delta * t * (1 + 1e-9)) {
                        release[i] = true;
                        anyRelease = true;
                    }
                    zi++;
                }
            }
            // The full Newton step; residuals off Z that it carries across 0 join Z (block update).
            Trial full = trial(u, b, d, 1, delta);
            if (full.f <= f) {
                boolean anyCross = false;
                for (int i = 0; i < n; i++) {
                    if (!zero[i] && full.r[i] * sign[i] < 0) {
                        zero[i] = true;
                        anyCross = true;
                    }
                }
                double decrease = f - full.f;
                u = full.u;
                b = full.b;
                r = full.r;
                t = Norms.lq(u, 2);
                f = full.f;
                releaseAll(zero, release, sign, lambdaZ, lambda);
                if (!anyCross && !anyRelease && decrease <= 1e-15 * f) {
                    break; // the minimum of this piece, and its multipliers fit: done
                }
                continue;
            }
            // The piece's model is wrong beyond the first crossing: stop there (that residual joins Z),
            // backtracking on the true F.
            double sMax = 1;
            int cross = -1;
            for (int i = 0; i < n; i++) {
                if (zero[i] || d.dr()[i] == 0) {
                    continue;
                }
                double si = r[i] / d.dr()[i]; // r_i(s) = r_i − s·dr_i
                if (si > 0 && si < sMax) {
                    sMax = si;
                    cross = i;
                }
            }
            double s = sMax;
            Trial tr = null;
            for (int h = 0; h < 40; h++) {
                Trial c = trial(u, b, d, s, delta);
                if (c.f <= f) {
                    tr = c;
                    break;
                }
                s *= 0.5;
            }
            if (tr == null) {
                if (!anyRelease) {
                    break;
                }
                releaseAll(zero, release, sign, lambdaZ, lambda);
                continue;
            }
            u = tr.u;
            b = tr.b;
            r = tr.r;
            t = Norms.lq(u, 2);
            f = tr.f;
            if (cross >= 0 && s == sMax) {
                zero[cross] = true;
            }
        }
        double[] theta = rd.fromReduced(u);
        double[] rt = data.residuals(theta, b);
        double tt = Norms.lq(theta, 2);
        double ft = AdvTrainCertificate.objective(rt, tt, delta);
        if (!Double.isFinite(ft)) {
            return null;
        }
        if (lambda != null) {
            lower = Math.max(lower, AdvTrainCertificate.lowerBound(data, dualVector(rt, tt, delta, lambdaZ, lambda), delta,
                    2));
        }
        if (ReweightedRidge.gap(ft, lower) > tolerance) {
            lower = Math.max(lower, KktDual.lowerBound(data, theta, rt, delta, ridge.dualMode() ? ridge.gram() : null));
        }
        return new ActiveSetStep.Candidate(theta, b, ft, lower);
    }

    /** w_Z = −λ on the zero set, w_i = r_i + δt·sign(r_i) elsewhere: the dual vector of the certificate. */
    private double[] dualVector(double[] r, double t, double delta, boolean[] zero, double[] lambda) {
        double[] w = new double[n];
        int zi = 0;
        for (int i = 0; i < n; i++) {
            w[i] = zero[i] ? -lambda[zi++] : r[i] + delta * t * (r[i] >= 0 ? 1 : -1);
        }
        return w;
    }

    /** A trial point along a direction: unknowns, residuals and the true F. */
    private record Trial(double[] u, double b, double[] r, double f) {
    }

    private Trial trial(double[] u, double b, PieceNewton.Direction d, double s, double delta) {
        int k = rd.k();
        double[] un = new double[k];
        for (int j = 0; j < k; j++) {
            un[j] = u[j] + s * d.du()[j];
        }
        double bn = data.intercept() ? b + s * d.du()[k] : 0;
        double[] rn = rd.residuals(un, bn);
        return new Trial(un, bn, rn, AdvTrainCertificate.objective(rn, Norms.lq(un, 2), delta));
    }

    /** Moves the flagged zeros out of Z with the sign their multiplier asks for (w_i = −λ_i). */
    private void releaseAll(boolean[] zero, boolean[] release, double[] sign, boolean[] lambdaZ, double[] lambda) {
        int zi = 0;
        for (int i = 0; i < n; i++) {
            if (lambdaZ[i]) {
                if (release[i]) {
                    zero[i] = false;
                    sign[i] = -lambda[zi] >= 0 ? 1 : -1;
                }
                zi++;
            }
        }
    }
}
