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
 * @param advFirstOrder with a feature map: the first-order estimate mean (|r| + α‖∇f‖_q)² (NaN otherwise)
 * @param advTrain      the adversarial-training fit of an advtrain row (null for every other row)
 */
public record AuditRow(String split, String estimator, double lambda, String attack, double alpha, double alphaEff,
                       double trainMse, double testMse, double advTestMse, double advTestMseSe, boolean certified,
                       double normDual, int nTrain, int nTest, int p, double advFirstOrder, AdvTrainColumns advTrain) {
    /**
     * The columns of an adversarially trained row, as {@code advrisk linear} prints them.
     *
     * @param delta       the training budget δ
     * @param trainAttack l2 or linf
     * @param iterations  solver iterations at this δ
     * @param trainGap    the certified relative duality gap of the fit
     * @param delta0      δ₀ of the split's training rows (θ̂ = 0 at and above it)
     * @param deltaBar    δ̄ (interpolation below it when p ≥ n_train; NaN when it does not apply)
     */
    public record AdvTrainColumns(double delta, String trainAttack, int iterations, double trainGap, double delta0,
                                  double deltaBar) {
    }

    /** A row without adversarial-training columns. */
    public AuditRow(String split, String estimator, double lambda, String attack, double alpha, double alphaEff,
                    double trainMse, double testMse, double advTestMse, double advTestMseSe, boolean certified,
                    double normDual, int nTrain, int nTest, int p, double advFirstOrder) {
        this(split, estimator, lambda, attack, alpha, alphaEff, trainMse, testMse, advTestMse, advTestMseSe, certified,
                normDual, nTrain, nTest, p, advFirstOrder, null);
    }

    /** A certified row of a linear model (no first-order column). */
    public AuditRow(String split, String estimator, double lambda, String attack, double alpha, double alphaEff,
                    double trainMse, double testMse, double advTestMse, double advTestMseSe, boolean certified,
                    double normDual, int nTrain, int nTest, int p) {
        this(split, estimator, lambda, attack, alpha, alphaEff, trainMse, testMse, advTestMse, advTestMseSe, certified,
                normDual, nTrain, nTest, p, Double.NaN);
    }

    /** Column name → value, in output order. */
    public Map<String, Object> toMap(boolean withAlphaEff) {
        return toMap(withAlphaEff, false);
    }

    /** Column name → value, in output order; {@code withFirstOrder} adds adv_test_mse_first_order. */
    public Map<String, Object> toMap(boolean withAlphaEff, boolean withFirstOrder) {
        return toMap(withAlphaEff, withFirstOrder, false);
    }

    /**
     * Column name → value, in output order; {@code withAdvTrain} adds, after {@code lambda}, the columns
     * of {@code advrisk linear --estimator ridge,advtrain}: delta, train_attack, iterations, train_gap,
     * delta0, delta_bar (NaN / empty / 0 on ridge rows, as there).
     */
    public Map<String, Object> toMap(boolean withAlphaEff, boolean withFirstOrder, boolean withAdvTrain) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("split", split);
        m.put("estimator", estimator);
        m.put("lambda", lambda);
        if (withAdvTrain) {
            AdvTrainColumns a = advTrain;
            m.put("delta", a == null ? Double.NaN : a.delta());
            m.put("train_attack", a == null ? "" : a.trainAttack());
            m.put("iterations", a == null ? 0 : a.iterations());
            m.put("train_gap", a == null ? 0.0 : a.trainGap());
            m.put("delta0", a == null ? Double.NaN : a.delta0());
            m.put("delta_bar", a == null ? Double.NaN : a.deltaBar());
        }
        m.put("attack", attack);
        m.put("alpha", alpha);
        if (withAlphaEff) {
            m.put("alpha_eff", alphaEff);
        }
        m.put("train_mse", trainMse);
        m.put("test_mse", testMse);
        m.put("adv_test_mse", advTestMse);
        m.put("adv_test_mse_se", advTestMseSe);
        if (withFirstOrder) {
            m.put("adv_test_mse_first_order", advFirstOrder);
        }
        m.put("certified", certified);
        m.put("norm_dual", normDual);
        m.put("n_train", nTrain);
        m.put("n_test", nTest);
        m.put("p", p);
        return m;
    }
}
