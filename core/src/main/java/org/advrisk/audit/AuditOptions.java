package org.advrisk.audit;

import java.util.List;
import java.util.Map;
import org.advrisk.linear.AttackNorm;
import org.advrisk.linear.FlowQuery;

/**
 * What an audit computes.
 *
 * @param lambdas      ridge parameters λ ≥ 0 (ours: scikit-learn's alpha = n_train·λ)
 * @param attacks      attack norms
 * @param alphas       budgets α ≥ 0
 * @param alphaScale   units of α
 * @param budgets      per-feature weights d_j (null: all 1)
 * @param standardize  z-score the features with the training statistics
 * @param dropConstant drop constant training columns instead of refusing them
 * @param advTrain     adversarial training beside the ridge path (null: ridge only)
 * @param flow         gradient flow / descent beside the ridge path, from its decomposition ({@link FlowQuery#NONE}: none)
 */
public record AuditOptions(double[] lambdas, List<AttackNorm> attacks, double[] alphas, AlphaScale alphaScale,
                           Map<String, Double> budgets, boolean standardize, boolean dropConstant,
                           AdvTrainSettings advTrain, FlowQuery flow) {
    /** Ridge and, when given, adversarial training (no early stopping). */
    public AuditOptions(double[] lambdas, List<AttackNorm> attacks, double[] alphas, AlphaScale alphaScale,
                        Map<String, Double> budgets, boolean standardize, boolean dropConstant, AdvTrainSettings advTrain) {
        this(lambdas, attacks, alphas, alphaScale, budgets, standardize, dropConstant, advTrain, FlowQuery.NONE);
    }

    /** The ridge path only. */
    public AuditOptions(double[] lambdas, List<AttackNorm> attacks, double[] alphas, AlphaScale alphaScale,
                        Map<String, Double> budgets, boolean standardize, boolean dropConstant) {
        this(lambdas, attacks, alphas, alphaScale, budgets, standardize, dropConstant, null);
    }

    /**
     * Adversarial training on the standardised training rows, with a free intercept optimised jointly.
     *
     * @param deltas the training budgets δ > 0
     * @param attack the training attack: l2 (penalty ‖θ‖₂) or linf (‖θ‖₁)
     */
    public record AdvTrainSettings(double[] deltas, AttackNorm attack) {
        public AdvTrainSettings {
            if (deltas == null || deltas.length == 0) {
                throw new IllegalArgumentException("delta: at least one value is needed");
            }
            for (double d : deltas) {
                if (!(d > 0) || !Double.isFinite(d)) {
                    throw new IllegalArgumentException("delta: " + d + " must be finite and > 0");
                }
            }
            if (!AttackNorm.L2.equals(attack) && !AttackNorm.LINF.equals(attack)) {
                throw new IllegalArgumentException("train-attack: " + (attack == null ? "null" : attack.label())
                        + " is not supported; allowed: l2, linf");
            }
            deltas = java.util.Arrays.stream(deltas).sorted().distinct().toArray();
        }
    }

    public AuditOptions {
        if (lambdas.length == 0) {
            throw new IllegalArgumentException("lambda: at least one value is needed");
        }
        for (double l : lambdas) {
            if (!(l >= 0) || !Double.isFinite(l)) {
                throw new IllegalArgumentException("lambda: " + l + " is not allowed; allowed: finite numbers >= 0");
            }
        }
        for (double a : alphas) {
            if (!(a >= 0) || !Double.isFinite(a)) {
                throw new IllegalArgumentException("alpha: " + a + " is not allowed; allowed: finite numbers >= 0");
            }
        }
        if (alphas.length == 0 || attacks.isEmpty()) {
            throw new IllegalArgumentException("--alpha/--attack: at least one value is needed");
        }
        attacks = List.copyOf(attacks);
        flow = flow == null ? FlowQuery.NONE : flow;
    }
}
