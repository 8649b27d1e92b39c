package org.advrisk.theory;

/**
 * Effective-rank summary of one spectrum at one sample size n (BLLT 2020; docs/theory.md §2–§3).
 *
 * @param n              sample size
 * @param b              the constant in k* = min{k : r_k ≥ b n}
 * @param r0             r_0 = tr Σ / λ_1
 * @param kStar          k* and how its search ended
 * @param r0OverN        r_0 / n (benign needs → 0)
 * @param kStarOverN     k* / n (benign needs → 0; NaN without k*)
 * @param nOverRkStar    n / R_{k*} (benign needs → 0; NaN without k*)
 * @param rKStar         R_{k*} (NaN without k*)
 * @param varianceProxy  σ²(k* / n + n/R_{k*}), BLLT's order of the min-norm variance (+∞ without k*)
 * @param normBoundTrace σ² n / tr Σ, a lower bound on the min-norm E‖θ̂‖² (docs/theory.md §3)
 * @param normBoundTail  σ² n / Σ_{i>k*} λ_i, the sharper order of ‖θ̂‖² (NaN without k*)
 */
public record RankSummary(long n, double b, double r0, KStar kStar, double r0OverN, double kStarOverN,
                          double nOverRkStar, double rKStar, double varianceProxy, double normBoundTrace,
                          double normBoundTail) {
    public RankSummary {
        if (n < 1) {
            throw new IllegalArgumentException("n: " + n + " must be >= 1");
        }
        EffectiveRanks.checkB(b);
    }
}
