package org.advrisk.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of an audit: a (split, estimator, λ, attack, α) with its risks on the test part.
 *
 * @param split         split label (split-1, fold-3, test-file, all)
 * @param estimator     estimator name (ridge, external)
 * @param lambda        ridge λ (NaN for an external model without one)
 * @param attack        attack norm label
 * @param alpha         budget α as given
 * @param alphaEff      the budget actually used (α times the mean training norm under mean-norm)
 * @param trainMse      training MSE (NaN when the model was not trained here)
 * @param testMse       test MSE
 * @param advTestMse    mean over test rows of sup (f(x+δ) − y)²
 * @param advTestMseSe  its standard error over test rows
 * @param certified     true when advTestMse is exact (linear model), false for an attack's lower bound
 * @param normDual      ‖Dθ̂‖_q, the norm the attack sees
 * @param nTrain        training rows
 * @param nTest         test rows
 * @param p             features
 */
public record AuditRow(String split, String estimator, double lambda, String attack, double alpha, double alphaEff,
                       double trainMse, double testMse, double advTestMse, double advTestMseSe, boolean certified,
                       double normDual, int nTrain, int nTest, int p) {
    /** Column name → value, in output order. */
    public Map<String, Object> toMap(boolean withAlphaEff) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("split", split);
        m.put("estimator", estimator);
        m.put("lambda", lambda);
        m.put("attack", attack);
        m.put("alpha", alpha);
        if (withAlphaEff) {
            m.put("alpha_eff", alphaEff);
        }
        m.put("train_mse", trainMse);
        m.put("test_mse", testMse);
        m.put("adv_test_mse", advTestMse);
        m.put("adv_test_mse_se", advTestMseSe);
        m.put("certified", certified);
        m.put("norm_dual", normDual);
        m.put("n_train", nTrain);
        m.put("n_test", nTest);
        m.put("p", p);
        return m;
    }
}
