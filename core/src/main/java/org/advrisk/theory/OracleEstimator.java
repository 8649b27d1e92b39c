package org.advrisk.theory;

import java.util.ArrayList;
import java.util.List;
import org.advrisk.model.AttackNorm;

/**
 * The population estimator that knows Σ and θ*: θ(μ) = argmin_θ ‖θ − θ*‖²_Σ + μ·pen(θ), μ ≥ 0, with
 * pen = ‖θ‖²₂ for an l2 attack (population ridge, θ(μ) = (Σ + μI)⁻¹Σθ*, coordinate-wise
 * λ_jθ*_j/(λ_j + μ)) and pen = ‖θ‖₁ for an l∞ attack (Σ is diagonal in this model, so coordinate-wise
 * soft thresholding θ_j = sign(θ*_j)·max(|θ*_j| − μ/(2λ_j), 0)). μ = 0 is the ground truth θ* itself and
 * μ = ∞ gives θ = 0. Coordinates where θ* = 0 stay 0 for every μ, so only the support of θ* enters: an
 * infinite or truncated spectrum (whose tail carries θ* = 0) is handled exactly.
 */
public final class OracleEstimator {
    private final boolean l1;
    private final double[] lam;
    private final double[] count;
    private final double[] theta;

    /** The estimator for an attack with dual exponent q = 2 (l2) or q = 1 (linf); other attacks are refused. */
    public OracleEstimator(TheorySpectrum spectrum, AttackNorm attack) {
        this.l1 = checkAttack(attack);
        List<double[]> support = new ArrayList<>();
        for (int j = 0; j < spectrum.groups(); j++) {
            if (spectrum.theta()[j] != 0) {
                support.add(new double[] {spectrum.values()[j], spectrum.counts()[j], spectrum.theta()[j]});
            }
        }
        lam = support.stream().mapToDouble(v -> v[0]).toArray();
        count = support.stream().mapToDouble(v -> v[1]).toArray();
        theta = support.stream().mapToDouble(v -> v[2]).toArray();
    }

    /** True for linf (pen = ‖θ‖₁); refuses attacks other than l2 and linf with a one-line message. */
    static boolean checkAttack(AttackNorm attack) {
        if (attack.isL2()) {
            return false;
        }
        if (attack.q() == 1) {
            return true;
        }
        throw new IllegalArgumentException("attack: " + attack.label() + " has no oracle frontier; allowed: l2"
                + " (population ridge) and linf (soft thresholding)");
    }

    /**
     * The quantities of θ(μ) that the risks need.
     *
     * @param mu        μ ≥ 0 (+∞ allowed: θ = 0)
     * @param stdRisk   R = ‖θ(μ) − θ*‖²_Σ
     * @param normL2Sq  ‖θ(μ)‖²₂
     * @param normL1    ‖θ(μ)‖₁
     * @param errorL2Sq ‖θ(μ) − θ*‖²₂
     * @param errorL1   ‖θ(μ) − θ*‖₁
     */
    public record Point(double mu, double stdRisk, double normL2Sq, double normL1, double errorL2Sq, double errorL1) {
        /** ‖θ‖_q (clean and noisy targets) or ‖θ − θ*‖_q (consistent), q = 2 or 1. */
        public double dual(double q, boolean consistent) {
            if (q == 2) {
                return Math.sqrt(consistent ? errorL2Sq : normL2Sq);
            }
            return consistent ? errorL1 : normL1;
        }
    }

    /** θ(μ)'s risk and norms; μ must be ≥ 0 (NaN refused). */
    public Point at(double mu) {
        if (!(mu >= 0)) {
            throw new IllegalArgumentException("mu: " + mu + " must be >= 0");
        }
        double r = 0;
        double n2 = 0;
        double n1 = 0;
        double e2 = 0;
        double e1 = 0;
        for (int j = 0; j < lam.length; j++) {
            double t = theta[j];
            double a = Math.abs(t);
            double err; // |θ_j − θ*_j|, computed directly (no cancellation)
            if (mu == 0) {
                err = 0;
            } else if (lam[j] == 0 || Double.isInfinite(mu)) {
                err = a;
            } else if (l1) {
                err = Math.min(a, mu / (2 * lam[j]));
            } else {
                err = a * (mu / (lam[j] + mu));
            }
            double keep = l1 || mu == 0 || lam[j] == 0 || Double.isInfinite(mu) ? a - err : a * (lam[j] / (lam[j] + mu));
            double c = count[j];
            r += c * lam[j] * err * err;
            n2 += c * keep * keep;
            n1 += c * keep;
            e2 += c * err * err;
            e1 += c * err;
        }
        return new Point(mu, r, n2, n1, e2, e1);
    }

    /** True for the l∞ attack (soft thresholding). */
    public boolean isL1() {
        return l1;
    }

    /** The number of support groups (θ*_j ≠ 0). */
    public int supportGroups() {
        return lam.length;
    }

    /**
     * The default μ grid, chosen from the support's eigenvalues: 0, then {@code perDecade} log-spaced values
     * per decade (at most {@code maxPoints} in all) from 10⁻⁴ of the smallest scale to where θ = 0:
     * l2 from 10⁻⁴·min λ_j to 10⁴·max λ_j (θ within 10⁻⁴ of 0) then μ = ∞ (θ = 0 exactly); linf from
     * 10⁻⁴ of the smallest breakpoint 2λ_j|θ*_j| to the largest μ₀ (θ = 0 from there), with every breakpoint
     * added when there are at most 200 of them (the path is piecewise linear in μ between them).
     */
    public double[] autoGrid(int perDecade, int maxPoints) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        List<Double> breaks = new ArrayList<>();
        for (int j = 0; j < lam.length; j++) {
            if (lam[j] > 0) {
                double s = l1 ? 2 * lam[j] * Math.abs(theta[j]) : lam[j];
                lo = Math.min(lo, s);
                hi = Math.max(hi, s);
                breaks.add(s);
            }
        }
        List<Double> grid = new ArrayList<>();
        grid.add(0.0);
        if (hi > 0) {
            double from = Math.log10(lo) - 4;
            double to = Math.log10(hi) + (l1 ? 0 : 4);
            int k = (int) Math.max(2, Math.min(maxPoints, Math.ceil((to - from) * perDecade) + 1));
            for (int i = 0; i < k; i++) {
                grid.add(i == k - 1 ? (l1 ? hi : Math.pow(10, to)) : Math.pow(10, from + (to - from) * i / (k - 1)));
            }
            if (l1 && breaks.size() <= 200) {
                grid.addAll(breaks);
            }
        }
        if (!l1) {
            grid.add(Double.POSITIVE_INFINITY);
        }
        return grid.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
    }
}
