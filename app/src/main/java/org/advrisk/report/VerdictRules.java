package org.advrisk.report;

import static org.advrisk.report.Verdicts.FAR;
import static org.advrisk.report.Verdicts.GAP_FACTOR;
import static org.advrisk.report.Verdicts.REGRET;

import org.advrisk.stats.Bootstrap;

/** The verdicts' rules, in words (printed under the verdict table). */
final class VerdictRules {
    /** How every bootstrap condition is decided (the start of every rule with intervals). */
    static final String BOOTSTRAP = "Each condition is a statistic with a 95% bootstrap interval (training sets"
            + " resampled within each n, B = " + Bootstrap.DEFAULT_REPLICATES + ", t-calibrated); a condition HOLDS"
            + " when its whole interval is on the required side of the threshold, DOES NOT HOLD when it is wholly on"
            + " the other side, and is INCONCLUSIVE otherwise; the verdict HOLDS when every condition holds, DOES NOT"
            + " HOLD when one fails, INCONCLUSIVE otherwise. ";

    /** Rule of claim (i). */
    static final String RULE_I = BOOTSTRAP + "Over n at λ = 0 (min-norm), per setting: the log-log slope of R on n < 0"
            + " (R falls); the slope of ‖θ̂‖² > 0 and ‖θ̂‖²(n_max)/‖θ̂‖²(n_min) > 2; for every α > 0 the slope of R_α > 0"
            + " and R_α(n_max) > " + (int) FAR + "× the ground truth's α²‖θ*‖²_q. (Spearman ρ is printed, not ruled on.)";

    /** Rule of claim (ii). */
    static final String RULE_II = BOOTSTRAP + "Along the λ grid (including 0), per n: A = R_α(θ̂_λstd)/min_λ R_α and"
            + " S = R(θ̂_λadv)/min_λ R, the argmins recomputed on every resample. HOLDS when A(n_max) > " + REGRET
            + ", S(n_max) > " + REGRET + " and the log-log slopes of A and S on n are > 0.";

    /** Rule of the contrast setting. */
    static final String RULE_CONTRAST = "The claim (ii) rule applied where theory predicts a mild trade-off"
            + " (a κ between κ₀ and the signal eigenvalue serves both risks). HOLDS (as predicted) when the claim (ii)"
            + " rule clearly fails (one of its conditions' intervals lies wholly on the wrong side: A(n_max) or"
            + " S(n_max) < " + REGRET + ", or a slope < 0); INCONCLUSIVE when the claim (ii) rule is itself inconclusive.";

    /** Rule of claim (iii), the NTK interpolator. */
    static final String RULE_III = BOOTSTRAP + "NTK (K1 kernel interpolator, λ = 0, the limit of gradient descent), over"
            + " n per setting: slope of ln R on ln n < 0; slope of E‖∇f̂‖² > 0 and E‖∇f̂‖²(n_max)/E‖∇f̂‖²(n_min) > 2; at"
            + " the largest α the slope of R_α (PGD) > 0 and R_α(n_max) > the ground truth's α²‖θ*‖²_q. The numbers"
            + " also give the implicit ridge λ_eff = tr Σ/n, the correlation with linear ridge at λ_eff and the"
            + " relative error of the deterministic equivalent (linear ridge at λ_eff with the kernel's constant term"
            + " as an extra feature) at each n.";

    /** Rule of the finite-network part of claim (iii). */
    static final String RULE_III_NET = BOOTSTRAP + "One network of finite width m (antisymmetric start, first layer trained"
            + " by full-batch GD with η = 1/λ_max(Θ̂(0))) against the infinite-width K1 kernel predictor after the same"
            + " GD steps, on the test points, per training set (each with its own initialisation): HOLDS when"
            + " RMS|f_net − f_kernel| / RMS f_kernel (means over training sets) < " + (int) GAP_FACTOR
            + "/√(m/2). Why this threshold: the network's function is the empirical-NTK predictor up to its"
            + " non-linearity (lin_gap, O(1/m)-small), and the empirical NTK averages m/2 independent neuron pairs,"
            + " each an O(1) relative fluctuation of the kernel, so the predictor's relative error is O(1/√(m/2)) (the"
            + " measured ‖Θ̂ − Θ‖/‖Θ‖ is shown next to it); " + (int) GAP_FACTOR + " is the margin. The numbers also"
            + " give the laziness diagnostics, the risks of the network next to the kernel's (width inf), and the input"
            + " gradients, which do NOT track the kernel's pointwise (see the part's text).";

    /** Rule of the NTK kernel-ridge part of claim (iii). */
    static final String RULE_III_RIDGE = BOOTSTRAP + "The rule of claim (ii) on the K1 kernel ridge path (λ grid"
            + " including 0, our convention; PGD R_α): A(n_max) > " + REGRET + ", S(n_max) > " + REGRET + ", slopes of"
            + " ln A and ln S on ln n > 0, at the largest budget α of the run (the interpolator verdict's); smaller"
            + " budgets are listed with their point values of A and S, not ruled on.";

    private VerdictRules() {
    }
}
