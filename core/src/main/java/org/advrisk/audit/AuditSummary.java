package org.advrisk.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;
import org.advrisk.columns.RowTypes;

/**
 * The λ choice for one (attack, α), on the test and adversarial MSE averaged over the splits:
 * λ_std = argmin test MSE, λ_adv = argmin adversarial MSE, the regret ratios
 * A = adv(λ_std)/adv(λ_adv) (robustness lost by tuning for accuracy) and
 * S = test(λ_std at λ_adv)/test(λ_std) (accuracy lost by tuning for robustness), the Pareto frontier
 * of (test MSE, adversarial MSE) over λ, and the features carrying most of ‖Dθ̂‖_q at λ_adv.
 *
 * @param attack             attack label
 * @param alpha              budget α as given
 * @param lambdaStd          λ minimising the mean test MSE
 * @param lambdaAdv          λ minimising the mean adversarial MSE
 * @param testAtStd          mean test MSE at λ_std
 * @param advAtStd           mean adversarial MSE at λ_std
 * @param testAtAdv          mean test MSE at λ_adv
 * @param advAtAdv           mean adversarial MSE at λ_adv
 * @param regretA            A = advAtStd / advAtAdv
 * @param regretS            S = testAtAdv / testAtStd
 * @param advAtZeroOverBest  adv(λ = 0)/adv(λ_adv) when λ = 0 is in the grid, else NaN
 * @param optimumAtGridEdge  λ_std or λ_adv is the smallest positive or the largest λ of the grid
 * @param frontier           λ values on the Pareto frontier, in increasing test MSE
 * @param topFeatures        up to five features by |d_j θ̂_j| at λ_adv (share of ‖Dθ̂‖_q^q; of the max for q = ∞)
 * @param splits             number of splits averaged
 * @param certified          whether the adversarial MSE is exact
 * @param deltaChoice        adversarial training's best δ by test and by adversarial MSE (null without advtrain)
 */
public record AuditSummary(String attack, double alpha, double lambdaStd, double lambdaAdv, double testAtStd,
                           double advAtStd, double testAtAdv, double advAtAdv, double regretA, double regretS,
                           double advAtZeroOverBest, boolean optimumAtGridEdge, double[] frontier,
                           List<FeatureShare> topFeatures, int splits, boolean certified, DeltaChoice deltaChoice) {

    /** A summary without adversarial training. */
    public AuditSummary(String attack, double alpha, double lambdaStd, double lambdaAdv, double testAtStd,
                        double advAtStd, double testAtAdv, double advAtAdv, double regretA, double regretS,
                        double advAtZeroOverBest, boolean optimumAtGridEdge, double[] frontier,
                        List<FeatureShare> topFeatures, int splits, boolean certified) {
        this(attack, alpha, lambdaStd, lambdaAdv, testAtStd, advAtStd, testAtAdv, advAtAdv, regretA, regretS,
                advAtZeroOverBest, optimumAtGridEdge, frontier, topFeatures, splits, certified, null);
    }

    /**
     * Adversarial training's δ choice for one (attack, α), on means over the splits.
     *
     * @param deltaStd  δ minimising the mean test MSE
     * @param deltaAdv  δ minimising the mean adversarial MSE
     * @param testAtStd mean test MSE at δ_std
     * @param advAtStd  mean adversarial MSE at δ_std
     * @param testAtAdv mean test MSE at δ_adv
     * @param advAtAdv  mean adversarial MSE at δ_adv
     */
    public record DeltaChoice(double deltaStd, double deltaAdv, double testAtStd, double advAtStd, double testAtAdv,
                              double advAtAdv) {
    }

    /** One feature's part of the dual norm. */
    public record FeatureShare(String name, double weightedCoefficient, double share) {
    }

    /** Column name → value, in output order (lists joined with ';'). */
    public Map<String, Object> toMap() {
        return row().toMap();
    }

    /** The summary row (type {@link RowTypes#AUDIT_SUMMARY}; lists joined with ';'). */
    public Row row() {
        List<String> f = new ArrayList<>();
        for (double l : frontier) {
            f.add(String.format(Locale.ROOT, "%.4g", l));
        }
        List<String> t = new ArrayList<>();
        for (FeatureShare s : topFeatures) {
            t.add(String.format(Locale.ROOT, "%s:%.3f", s.name(), s.share()));
        }
        Row.Builder b = RowTypes.AUDIT_SUMMARY.row().set(Columns.ATTACK, attack).set(Columns.ALPHA, alpha)
                .set(Columns.LAMBDA_STD, lambdaStd).set(Columns.LAMBDA_ADV, lambdaAdv)
                .set(Columns.TEST_MSE_AT_LAMBDA_STD, testAtStd).set(Columns.ADV_TEST_MSE_AT_LAMBDA_STD, advAtStd)
                .set(Columns.TEST_MSE_AT_LAMBDA_ADV, testAtAdv).set(Columns.ADV_TEST_MSE_AT_LAMBDA_ADV, advAtAdv);
        if (deltaChoice != null) {
            b.set(Columns.DELTA_STD, deltaChoice.deltaStd()).set(Columns.DELTA_ADV, deltaChoice.deltaAdv())
                    .set(Columns.TEST_MSE_AT_DELTA_STD, deltaChoice.testAtStd())
                    .set(Columns.ADV_TEST_MSE_AT_DELTA_STD, deltaChoice.advAtStd())
                    .set(Columns.TEST_MSE_AT_DELTA_ADV, deltaChoice.testAtAdv())
                    .set(Columns.ADV_TEST_MSE_AT_DELTA_ADV, deltaChoice.advAtAdv());
        }
        return b.set(Columns.REGRET_A, regretA).set(Columns.REGRET_S, regretS)
                .set(Columns.ADV_AT_LAMBDA0_OVER_BEST, advAtZeroOverBest)
                .set(Columns.OPTIMUM_AT_GRID_EDGE, optimumAtGridEdge)
                .set(Columns.FRONTIER_LAMBDAS, String.join(";", f)).set(Columns.TOP_FEATURES, String.join(";", t))
                .set(Columns.SPLITS, splits).set(Columns.CERTIFIED, certified).build();
    }
}
