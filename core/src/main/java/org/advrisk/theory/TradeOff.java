package org.advrisk.theory;

import java.util.ArrayList;
import java.util.List;
import org.advrisk.model.AttackNorm;
import org.advrisk.linear.LinearRisks;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;

/**
 * The standard-versus-adversarial trade-off over a λ grid from the deterministic equivalents
 * (docs/theory.md §6): λ_std = argmin R, λ_adv = argmin R_α, the regret ratios
 * A = R_α(λ_std)/min R_α and S = R(λ_adv)/min R, the same risks relative to the ground truth's
 * R_α(θ*) and to the best standard risk, and the Pareto frontier (R, R_α).
 *
 * @param n            sample size
 * @param attack       attack norm
 * @param target       target convention
 * @param alpha        budget α
 * @param points       the equivalent at each λ of the grid (λ = 0 first when it was allowed)
 * @param stdRisk      R at each grid point
 * @param advRisk      R_α at each grid point
 * @param groundTruth  R_α(θ*) (α²‖θ*‖²_q for the clean target)
 * @param iStd         index of λ_std
 * @param iAdv         index of λ_adv
 * @param frontier     indices of the Pareto frontier, in increasing R
 * @param minNormIncluded whether λ = 0 is part of the grid
 */
public record TradeOff(long n, AttackNorm attack, Target target, double alpha, List<DePoint> points,
                       double[] stdRisk, double[] advRisk, double groundTruth, int iStd, int iAdv,
                       int[] frontier, boolean minNormIncluded) {

    /**
     * Evaluates the trade-off on {@code lambdas}; λ = 0 is added when the spectrum allows it (more
     * than n positive eigenvalues) and dropped with {@code minNormIncluded = false} otherwise.
     */
    public static TradeOff of(DeterministicEquivalent de, double[] lambdas, AttackNorm attack, Target target,
                              double alpha, Distribution noise) {
        return of(de, lambdas, attack, target, alpha, noise, org.advrisk.linear.ThreatModel.ISOTROPIC);
    }

    /** The trade-off for a shaped or label-preserving attacker ({@link ThreatEquivalent}; l2 only). */
    public static TradeOff of(DeterministicEquivalent de, double[] lambdas, AttackNorm attack, Target target,
                              double alpha, Distribution noise, org.advrisk.linear.ThreatModel threat) {
        boolean allowed = de.minNormAllowed();
        List<Double> grid = new ArrayList<>();
        if (allowed) {
            grid.add(0.0);
        }
        for (double l : lambdas) {
            if (l > 0 || (l == 0 && !allowed)) {
                if (l > 0) {
                    grid.add(l);
                }
            } else if (l < 0 || Double.isNaN(l)) {
                throw new IllegalArgumentException("lambda: " + l + " must be >= 0");
            }
        }
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("lambda: the grid has no usable value (0 needs more than n="
                    + de.n() + " positive eigenvalues)");
        }
        grid.sort(Double::compare);
        List<DePoint> points = new ArrayList<>();
        double[] std = new double[grid.size()];
        double[] adv = new double[grid.size()];
        int iStd = 0;
        int iAdv = 0;
        List<DePoint> path = de.path(grid.stream().mapToDouble(Double::doubleValue).toArray());
        for (int i = 0; i < grid.size(); i++) {
            DePoint pt = path.get(i);
            points.add(pt);
            std[i] = pt.stdRisk();
            adv[i] = threat.isIsotropic() ? pt.adversarialRisk(attack, target, alpha, noise)
                    : ThreatEquivalent.adversarialRisk(de.spectrum(), pt, threat, attack, target, alpha, noise);
            if (std[i] < std[iStd]) {
                iStd = i;
            }
            if (adv[i] < adv[iAdv]) {
                iAdv = i;
            }
        }
        double gtDual = threat.isIsotropic() ? de.spectrum().thetaNorm(attack.q())
                : ThreatEquivalent.of(de.spectrum(), path.get(0), threat.attackScale()).truthDual(threat.labelPreserving());
        double gt = LinearRisks.groundTruthAdversarial(gtDual, alpha, target, de.sigma(), noise);
        return new TradeOff(de.n(), attack, target, alpha, List.copyOf(points), std, adv, gt, iStd, iAdv,
                frontier(std, adv), allowed);
    }

    /** Indices not dominated in (R, R_α), in increasing R. */
    static int[] frontier(double[] std, double[] adv) {
        Integer[] order = new Integer[std.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> std[a] != std[b] ? Double.compare(std[a], std[b])
                : Double.compare(adv[a], adv[b]));
        List<Integer> keep = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int i : order) {
            if (adv[i] < best) {
                keep.add(i);
                best = adv[i];
            }
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    /** λ_std = argmin R. */
    public double lambdaStd() {
        return points.get(iStd).lambda();
    }

    /** λ_adv = argmin R_α. */
    public double lambdaAdv() {
        return points.get(iAdv).lambda();
    }

    /** A = R_α(λ_std) / min R_α, the adversarial regret of tuning for the standard risk. */
    public double adversarialRegret() {
        return advRisk[iStd] / advRisk[iAdv];
    }

    /** S = R(λ_adv) / min R, the standard regret of tuning for the adversarial risk. */
    public double standardRegret() {
        return stdRisk[iAdv] / stdRisk[iStd];
    }

    /** R_α(λ_std) / R_α(θ*). */
    public double advAtStdOverGroundTruth() {
        return advRisk[iStd] / groundTruth;
    }

    /** min R_α / R_α(θ*). */
    public double bestAdvOverGroundTruth() {
        return advRisk[iAdv] / groundTruth;
    }

    /**
     * True when λ_std or λ_adv sits at the largest λ of the grid, or at the smallest when λ = 0 is
     * not included: the true optimum may lie outside the grid (widen it).
     */
    public boolean optimumAtGridEdge() {
        int last = points.size() - 1;
        return iStd == last || iAdv == last || (!minNormIncluded && (iStd == 0 || iAdv == 0));
    }

    /** R_α at λ = 0 (min-norm), NaN when λ = 0 is not in the grid. */
    public double minNormAdvRisk() {
        return minNormIncluded ? advRisk[0] : Double.NaN;
    }

    /** Threshold of the verdict rule: both regret ratios above it at the largest n. */
    public static final double CLEAR_REGRET = 1.5;
    /** The trade-off verdict rule, for outputs. */
    public static final String VERDICT_RULE = "the trade-off holds when A and S are both > " + CLEAR_REGRET
            + " at the largest n and neither decreases as n grows";

    /**
     * The verdict of docs/theory.md §6 over trade-offs at increasing n (same attack, target, α):
     * "holds", "mild or absent", or "undetermined" for a single n, with the numbers.
     */
    public static String verdict(List<TradeOff> byN) {
        if (byN.isEmpty()) {
            throw new IllegalArgumentException("n-grid: empty");
        }
        StringBuilder nums = new StringBuilder();
        boolean monotone = true;
        for (int i = 0; i < byN.size(); i++) {
            TradeOff t = byN.get(i);
            nums.append(i == 0 ? "" : "; ").append(String.format(java.util.Locale.ROOT, "n=%d A=%.3g S=%.3g",
                    t.n(), t.adversarialRegret(), t.standardRegret()));
            if (i > 0) {
                TradeOff prev = byN.get(i - 1);
                monotone &= t.adversarialRegret() >= prev.adversarialRegret() * (1 - 1e-9)
                        && t.standardRegret() >= prev.standardRegret() * (1 - 1e-9);
            }
        }
        TradeOff last = byN.get(byN.size() - 1);
        boolean clear = last.adversarialRegret() > CLEAR_REGRET && last.standardRegret() > CLEAR_REGRET;
        if (byN.size() < 2) {
            return (clear ? "undetermined (one n; both ratios > " + CLEAR_REGRET + " here)"
                    : "undetermined (one n)") + ": " + nums;
        }
        return (clear && monotone ? "holds" : "mild or absent") + ": " + nums;
    }
}
