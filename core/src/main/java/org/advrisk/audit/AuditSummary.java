package org.advrisk.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attack", attack);
        m.put("alpha", alpha);
        m.put("lambda_std", lambdaStd);
        m.put("lambda_adv", lambdaAdv);
        if (deltaChoice != null) {
            m.put("delta_std", deltaChoice.deltaStd());
            m.put("delta_adv", deltaChoice.deltaAdv());
        }
        m.put("test_mse_at_lambda_std", testAtStd);
        m.put("adv_test_mse_at_lambda_std", advAtStd);
        m.put("test_mse_at_lambda_adv", testAtAdv);
        m.put("adv_test_mse_at_lambda_adv", advAtAdv);
        if (deltaChoice != null) {
            m.put("test_mse_at_delta_std", deltaChoice.testAtStd());
            m.put("adv_test_mse_at_delta_std", deltaChoice.advAtStd());
            m.put("test_mse_at_delta_adv", deltaChoice.testAtAdv());
            m.put("adv_test_mse_at_delta_adv", deltaChoice.advAtAdv());
        }
        m.put("A", regretA);
        m.put("S", regretS);
        m.put("adv_at_lambda0_over_best", advAtZeroOverBest);
        m.put("optimum_at_grid_edge", optimumAtGridEdge);
        List<String> f = new ArrayList<>();
        for (double l : frontier) {
            f.add(String.format(Locale.ROOT, "%.4g", l));
        }
        m.put("frontier_lambdas", String.join(";", f));
        List<String> t = new ArrayList<>();
        for (FeatureShare s : topFeatures) {
            t.add(String.format(Locale.ROOT, "%s:%.3f", s.name(), s.share()));
        }
        m.put("top_features", String.join(";", t));
        m.put("splits", splits);
        m.put("certified", certified);
        return m;
    }
}
