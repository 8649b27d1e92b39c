package org.advrisk.experiment;

import java.util.Map;
import org.advrisk.stats.Regret;

/**
 * The deterministic equivalent of the regret ratios A and S along a λ grid at sample sizes that need
 * not have been simulated: at each n the DE's standard and adversarial risks
 * ({@code de_std_risk}, {@code de_adv_risk} of {@link TheoryCurves#at}) on the same λ grid the
 * simulation used, and {@link Regret#of} on them, so the DE's A(n), S(n) are read exactly as the
 * simulated ones (same grid, same argmin rule). Draws the claim (ii) trend past the largest simulated n.
 */
public final class TheoryRegrets {
    private TheoryRegrets() {
    }

    /** One n: the DE's regret ratios, or {@code null} where the DE is undefined at some λ of the grid. */
    public static Regret at(Family family, Map<String, Object> setting, long seed, int n, double[] lambdas,
                            double alpha) {
        double[] std = new double[lambdas.length];
        double[] adv = new double[lambdas.length];
        for (int i = 0; i < lambdas.length; i++) {
            org.advrisk.theory.DePrediction c = TheoryCurves.at(family, setting, seed, n, lambdas[i], alpha);
            std[i] = c.stdRisk();
            adv[i] = c.advRisk();
            if (!(std[i] > 0) || !(adv[i] > 0) || !Double.isFinite(std[i]) || !Double.isFinite(adv[i])) {
                return null;
            }
        }
        return Regret.of(std, adv);
    }
}
