package org.advrisk.theory;

import java.util.ArrayList;
import java.util.List;
import org.advrisk.model.AttackNorm;
import org.advrisk.linear.LinearRisks;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;

/**
 * The oracle frontier: the best (R, R_α) any linear predictor reaches when Σ and θ* are known (no
 * sampling), along the path θ(μ) of {@link OracleEstimator}. For a Gaussian design R_α = E e² + 2αD·E|e| +
 * α²D² ({@link LinearRisks#gaussianAdversarial}); with the clean or noisy target e does not involve θ
 * beyond R and D = ‖θ‖_q, and R_α grows in both, so for each R the best R_α has the least ‖θ‖_q among
 * the θ with ‖θ − θ*‖²_Σ ≤ R: the minimiser of ‖θ − θ*‖²_Σ + μ·pen(θ) for some μ (Lagrange). With the
 * consistent target D = ‖θ − θ*‖_q and the ground truth reaches (0, 0): the frontier is that single point
 * (the path is still listed, every μ &gt; 0 dominated). Other designs (Rademacher: E|e| is not a function
 * of R) are refused by the callers ({@link #checkDesign}).
 *
 * @param attack      attack norm (l2 or linf)
 * @param target      target convention
 * @param alpha       budget α
 * @param points      θ(μ) at each μ of the grid, in increasing μ
 * @param stdRisk     R at each μ
 * @param advRisk     R_α at each μ
 * @param normDual    the dual norm the attack sees at each μ
 * @param pareto      true for the points no other grid point dominates in (R, R_α)
 * @param groundTruth R_α(θ*) under the same attack and target
 * @param estimator   the path θ(μ) (for {@link #bestAdvAt} between grid points)
 * @param sigma       noise level σ (the noisy target)
 * @param noise       noise distribution (the noisy target)
 */
public record OracleFrontier(AttackNorm attack, Target target, double alpha, List<OracleEstimator.Point> points,
                             double[] stdRisk, double[] advRisk, double[] normDual, boolean[] pareto,
                             double groundTruth, OracleEstimator estimator, double sigma, Distribution noise) {
    /** Log-spaced μ values per decade of the default grid. */
    public static final int PER_DECADE = 16;
    /** Most log-spaced μ values of the default grid. */
    public static final int MAX_POINTS = 400;

    /** The frontier on the default μ grid ({@link OracleEstimator#autoGrid}). */
    public static OracleFrontier of(TheorySpectrum spectrum, AttackNorm attack, Target target, double alpha,
                                    double sigma, Distribution noise) {
        OracleEstimator est = new OracleEstimator(spectrum, attack);
        return of(spectrum, est, est.autoGrid(PER_DECADE, MAX_POINTS), attack, target, alpha, sigma, noise);
    }

    /** The frontier on a given μ grid (values ≥ 0, +∞ allowed; sorted here). */
    public static OracleFrontier of(TheorySpectrum spectrum, OracleEstimator est, double[] mus, AttackNorm attack,
                                    Target target, double alpha, double sigma, Distribution noise) {
        OracleEstimator.checkAttack(attack);
        if (mus.length == 0) {
            throw new IllegalArgumentException("mu: empty grid; give values >= 0");
        }
        double[] grid = mus.clone();
        java.util.Arrays.sort(grid);
        List<OracleEstimator.Point> pts = new ArrayList<>();
        double[] r = new double[grid.length];
        double[] ra = new double[grid.length];
        double[] d = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            OracleEstimator.Point p = est.at(grid[i]);
            pts.add(p);
            r[i] = p.stdRisk();
            d[i] = p.dual(attack.q(), target == Target.CONSISTENT);
            ra[i] = LinearRisks.gaussianAdversarial(r[i], d[i], alpha, target, sigma, noise);
        }
        boolean[] pareto = new boolean[grid.length];
        for (int i : TradeOff.frontier(r, ra)) {
            pareto[i] = true;
        }
        double gt = LinearRisks.groundTruthAdversarial(spectrum.thetaNorm(attack.q()), alpha, target, sigma, noise);
        return new OracleFrontier(attack, target, alpha, List.copyOf(pts), r, ra, d, pareto, gt, est, sigma, noise);
    }

    /** Refuses designs other than Gaussian: the closed form of R_α, and with it the frontier, needs one. */
    public static void checkDesign(Distribution design) {
        if (design != Distribution.GAUSSIAN) {
            throw new IllegalArgumentException("design: " + design.name().toLowerCase(java.util.Locale.ROOT)
                    + " has no oracle frontier (E|<x, θ − θ*>| is not a function of the risk); allowed: gaussian");
        }
    }

    /** μ at grid point i. */
    public double mu(int i) {
        return points.get(i).mu();
    }

    /** The number of grid points. */
    public int size() {
        return points.size();
    }

    /**
     * The oracle's best R_α among linear predictors with standard risk at most {@code r}: the least R_α of
     * the path θ(μ) over μ ∈ [0, μ_r], R(μ_r) = r (R grows with μ; μ_r by bisection), from the grid points
     * there, μ_r itself and a golden-section refinement around the best grid point. For r at or beyond
     * R(θ = 0) = ‖θ*‖²_Σ the least R_α of the whole path.
     */
    public double bestAdvAt(double r) {
        OracleEstimator est = estimator;
        if (!(r >= 0)) {
            throw new IllegalArgumentException("std_risk: " + r + " must be >= 0");
        }
        double muR = muAt(r);
        double best = adv(est.at(muR));
        int iBest = -1;
        for (int i = 0; i < size(); i++) {
            if (mu(i) <= muR && advRisk[i] < best) {
                best = advRisk[i];
                iBest = i;
            }
        }
        if (iBest >= 0) {
            double a = iBest > 0 ? mu(iBest - 1) : 0;
            double b = iBest + 1 < size() ? Math.min(mu(iBest + 1), muR) : muR;
            if (Double.isFinite(b) && b > a) {
                best = Math.min(best, golden(est, a, b));
            }
        }
        return best;
    }

    /**
     * R_α of the path's own point with standard risk r, θ(μ_r) with R(μ_r) = r (NaN beyond R(θ = 0), which
     * the path does not reach); never below {@link #bestAdvAt}, which also looks at the μ &lt; μ_r.
     */
    public double pathAdvAt(double r) {
        if (!(r >= 0)) {
            throw new IllegalArgumentException("std_risk: " + r + " must be >= 0");
        }
        double mu = muAt(r);
        return Double.isInfinite(mu) && estimator.at(mu).stdRisk() < r ? Double.NaN : adv(estimator.at(mu));
    }

    /** The μ with R(μ) = r by bisection (R grows with μ); +∞ when r ≥ R(θ = 0). */
    private double muAt(double r) {
        OracleEstimator est = estimator;
        if (est.at(Double.POSITIVE_INFINITY).stdRisk() <= r) {
            return Double.POSITIVE_INFINITY;
        }
        double lo = 0;
        double hi = 1;
        while (est.at(hi).stdRisk() <= r) {
            lo = hi;
            hi *= 4;
        }
        for (int k = 0; k < 200 && hi - lo > 1e-15 * hi; k++) {
            double mid = 0.5 * (lo + hi);
            if (est.at(mid).stdRisk() <= r) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The least R_α on [a, b] by golden-section search (R_α along the path is smooth between breakpoints). */
    private double golden(OracleEstimator est, double a, double b) {
        double g = (Math.sqrt(5) - 1) / 2;
        double x1 = b - g * (b - a);
        double x2 = a + g * (b - a);
        double f1 = adv(est.at(x1));
        double f2 = adv(est.at(x2));
        for (int k = 0; k < 100 && b - a > 1e-12 * b; k++) {
            if (f1 <= f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - g * (b - a);
                f1 = adv(est.at(x1));
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + g * (b - a);
                f2 = adv(est.at(x2));
            }
        }
        return Math.min(f1, f2);
    }

    private double adv(OracleEstimator.Point p) {
        return LinearRisks.gaussianAdversarial(p.stdRisk(), p.dual(attack.q(), target == Target.CONSISTENT), alpha,
                target, sigma, noise);
    }
}
