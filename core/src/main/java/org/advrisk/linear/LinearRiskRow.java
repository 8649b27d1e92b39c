package org.advrisk.linear;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One output row: the risks of θ̂_λ on one training set for one (α, attack, target).
 * Column names follow docs/architecture.md ("Output columns") and are never renamed.
 *
 * @param trial      training-set index
 * @param seed       experiment seed
 * @param n          sample size
 * @param p          dimension
 * @param lambda     ridge parameter
 * @param alpha      attack budget
 * @param attack     attack norm label (l2, linf, l1, lp:P)
 * @param target     target convention
 * @param design     design distribution
 * @param stdRisk    excess standard risk ‖θ̂ − θ*‖²_Σ (exact)
 * @param advRisk    adversarial risk (exact for Gaussian designs, else E|e| estimated on a test sample)
 * @param advRiskSe  standard error of advRisk (0 when exact)
 * @param gtAdvRisk  the ground truth's adversarial risk under the same attack and target
 * @param normL2     ‖θ̂‖₂
 * @param normDual   the dual norm the attack sees: ‖θ̂‖_q, or ‖θ̂ − θ*‖_q for the consistent target
 * @param alphaC     crossover budget √(R/‖θ̂‖²)
 * @param trainMse   training mean squared error
 */
public record LinearRiskRow(long trial, long seed, int n, long p, double lambda, double alpha, String attack,
                            String target, String design, double stdRisk, double advRisk, double advRiskSe,
                            double gtAdvRisk, double normL2, double normDual, double alphaC, double trainMse) {

    /** Column name → value, in output order. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial", trial);
        m.put("seed", seed);
        m.put("n", n);
        m.put("p", p);
        m.put("lambda", lambda);
        m.put("alpha", alpha);
        m.put("attack", attack);
        m.put("target", target);
        m.put("design", design);
        m.put("std_risk", stdRisk);
        m.put("adv_risk", advRisk);
        m.put("adv_risk_se", advRiskSe);
        m.put("gt_adv_risk", gtAdvRisk);
        m.put("norm_l2", normL2);
        m.put("norm_dual", normDual);
        m.put("alpha_c", alphaC);
        m.put("train_mse", trainMse);
        return m;
    }
}
