package org.advrisk.audit;

import java.util.List;
import org.advrisk.stats.Bootstrap;
import org.advrisk.stats.Criterion;
import org.advrisk.stats.Decision;
import org.advrisk.stats.Numbers;
import org.advrisk.stats.Verdict;

/**
 * The two {@link Verdict}s of one data set at one α of {@link RealDataClaims}: the claim, the setting, what
 * was measured, the numbers with the reason ("Why: …") and the rule, with the decision of each claim the
 * conjunction ({@link Decision#all}) of its criteria.
 */
record RealDataVerdicts(String name, int nTrain, int nTest, int p, int splits, String attack, double alpha,
                        double lambdaStd, double lambdaAdv, double testAtZero, double advAtZero, double minTest,
                        double minAdv) {
    /** The rule of both claims, in words. */
    static final String RULE = "Random train/test splits of a shipped data set (features z-scored with the"
            + " training statistics, free unpenalised intercept, l2 attack with α in standardised units, certified"
            + " adversarial test MSE (|r| + α‖θ̂‖₂)²); the ridge path λ ∈ {0} ∪ logspace(−8, 2, 41), λ = 0 the"
            + " minimum-norm interpolator (p > n_train). Ratios of mean test MSEs over the splits with 95% bootstrap"
            + " intervals (splits resampled, B = " + Bootstrap.DEFAULT_REPLICATES + ", argmins"
            + " recomputed). Claim (i) HOLDS when R(0)/min_λ R < " + RealDataClaims.THRESHOLD + " (the interpolator is"
            + " nearly as accurate as the best ridge) and R_α(0)/min_λ R_α > " + RealDataClaims.THRESHOLD + " (but"
            + " fragile); claim (ii) HOLDS when A > " + RealDataClaims.THRESHOLD + " and S > "
            + RealDataClaims.THRESHOLD + ". One training size, so no trend over n; R is measured against the label"
            + " (no ground truth); the splits share rows, so the intervals understate the uncertainty about a fresh"
            + " sample.";

    Verdict claimOne(List<Criterion> one) {
        return new Verdict("(i) on real data: the interpolator is accurate but fragile", setting(),
                "test and certified adversarial MSE of ridge at λ = 0 against the best λ",
                Numbers.builder().words(base() + ". Why: " + whyOne(one)).build(), decide(one), one, RULE);
    }

    Verdict claimTwo(List<Criterion> two) {
        return new Verdict("(ii) on real data: no λ makes both risks small", setting(),
                "regret ratios A, S along λ from mean test MSEs",
                Numbers.builder().words(base() + ". Why: " + whyTwo(two)).build(), decide(two), two, RULE);
    }

    private String setting() {
        return name + ": n_train " + nTrain + " of " + (nTrain + nTest) + " rows, p = " + p + ", " + splits + " splits, "
                + attack + " α = " + fmt(alpha) + " (standardised units)";
    }

    private String base() {
        return "test MSE at λ = 0 " + fmt(testAtZero) + ", min over λ " + fmt(minTest) + " (λ_std = " + fmt(lambdaStd)
                + "); adversarial test MSE at λ = 0 " + fmt(advAtZero) + ", min over λ " + fmt(minAdv) + " (λ_adv = "
                + fmt(lambdaAdv) + ")";
    }

    static String whyOne(List<Criterion> c) {
        Decision r = c.get(0).decision();
        Decision f = c.get(1).decision();
        String acc = r == Decision.HOLDS ? "the interpolator is nearly as accurate as the best ridge (benign)"
                : r == Decision.DOES_NOT_HOLD ? "the interpolator is not benign here: its test MSE is "
                + fmt(c.get(0).interval().estimate()) + "× the best ridge's, so the first half of the claim fails"
                : "whether the interpolator is benign is not decided by these splits";
        String frag = f == Decision.HOLDS ? "it is fragile (adversarial MSE " + fmt(c.get(1).interval().estimate())
                + "× the best)" : f == Decision.DOES_NOT_HOLD ? "it is not fragile" : "its fragility is not decided";
        return acc + "; " + frag + ".";
    }

    private String whyTwo(List<Criterion> c) {
        if (lambdaStd == lambdaAdv) {
            return "one λ (" + fmt(lambdaStd) + ") minimises both mean risks, so there is no trade-off at this budget.";
        }
        return "the λ best for accuracy (" + fmt(lambdaStd) + ") and for robustness (" + fmt(lambdaAdv) + ") differ;"
                + " A = " + fmt(c.get(0).interval().estimate()) + " and S = "
                + fmt(c.get(1).interval().estimate()) + " say how much each choice costs the other risk.";
    }

    private static Decision decide(List<Criterion> c) {
        return Decision.all(c.stream().map(Criterion::decision).toList());
    }

    private static String fmt(double v) {
        return Numbers.fmt(v);
    }
}
