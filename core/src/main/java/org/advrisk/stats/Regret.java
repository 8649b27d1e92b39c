package org.advrisk.stats;

/**
 * The regret ratios along a λ grid at one n, from mean risks: λ_std = argmin R, λ_adv = argmin R_α,
 * the adversarial regret A = R_α(λ_std)/min R_α and the standard regret S = R(λ_adv)/min R (both ≥ 1;
 * 1 when one λ minimises both). Ties go to the first (smallest) grid index.
 *
 * @param a    A
 * @param s    S
 * @param iStd grid index of λ_std
 * @param iAdv grid index of λ_adv
 */
public record Regret(double a, double s, int iStd, int iAdv) {

    /** The ratios from R and R_α along the grid (same length, positive). */
    public static Regret of(double[] std, double[] adv) {
        if (std.length != adv.length || std.length == 0) {
            throw new IllegalArgumentException("lambda: " + std.length + " standard and " + adv.length
                    + " adversarial risks; allowed: the same positive number");
        }
        int iStd = 0;
        int iAdv = 0;
        for (int i = 1; i < std.length; i++) {
            if (std[i] < std[iStd]) {
                iStd = i;
            }
            if (adv[i] < adv[iAdv]) {
                iAdv = i;
            }
        }
        return new Regret(adv[iStd] / adv[iAdv], std[iAdv] / std[iStd], iStd, iAdv);
    }

    /**
     * Statistics A or S at one cell from quantities laid out as {@code std[0..L), adv[L..2L)} (offset
     * {@code from}): the argmins are recomputed from the means of each resample.
     */
    public static Statistic at(int cell, int from, int grid, boolean adversarial) {
        return (ns, means) -> {
            int j = cell < 0 ? ns.length + cell : cell;
            double[] std = new double[grid];
            double[] adv = new double[grid];
            System.arraycopy(means[j], from, std, 0, grid);
            System.arraycopy(means[j], from + grid, adv, 0, grid);
            Regret r = of(std, adv);
            return adversarial ? r.a() : r.s();
        };
    }

    /** The slope over n of ln A (or ln S), same layout as {@link #at}. */
    public static Statistic slope(int from, int grid, boolean adversarial) {
        return (ns, means) -> {
            double[] y = new double[ns.length];
            for (int j = 0; j < ns.length; j++) {
                y[j] = at(j, from, grid, adversarial).apply(ns, means);
            }
            return LogLogSlope.of(ns, y);
        };
    }
}
