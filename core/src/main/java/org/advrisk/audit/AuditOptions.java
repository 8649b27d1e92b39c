package org.advrisk.audit;

import java.util.List;
import java.util.Map;
import org.advrisk.estimator.SpectralSelection;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.AttackNorms;
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
 * @param plugins      the registry's plug-in spectral estimators beside the ridge path, from its decomposition
 * @param attackScale  G: feature j's budget is α·sd_j^G in raw units (sd_j of the training rows), times its
 *                     budget weight; 0 = today's attack; needs standardize off (standardised, G = 1 is the default)
 */
public record AuditOptions(double[] lambdas, List<AttackNorm> attacks, double[] alphas, AlphaScale alphaScale,
                           Map<String, Double> budgets, boolean standardize, boolean dropConstant,
                           AdvTrainSettings advTrain, FlowQuery flow, List<SpectralSelection> plugins,
                           double attackScale) {
    /** Without plug-in estimators, budgets not shaped by the features' spread (attack scale 0). */
    public AuditOptions(double[] lambdas, List<AttackNorm> attacks, double[] alphas, AlphaScale alphaScale,
                        Map<String, Double> budgets, boolean standardize, boolean dropConstant, AdvTrainSettings advTrain,
                        FlowQuery flow) {
        this(lambdas, attacks, alphas, alphaScale, budgets, standardize, dropConstant, advTrain, flow, List.of());
    }

    /** With plug-in estimators, budgets not shaped by the features' spread (attack scale 0). */
    public AuditOptions(double[] lambdas, List<AttackNorm> attacks, double[] alphas, AlphaScale alphaScale,
                        Map<String, Double> budgets, boolean standardize, boolean dropConstant, AdvTrainSettings advTrain,
                        FlowQuery flow, List<SpectralSelection> plugins) {
        this(lambdas, attacks, alphas, alphaScale, budgets, standardize, dropConstant, advTrain, flow, plugins, 0);
    }

    /** The same options with budgets α·sd_j^G in raw units (G = attackScale; needs standardize off). */
    public AuditOptions withAttackScale(double g) {
        return new AuditOptions(lambdas, attacks, alphas, alphaScale, budgets, standardize, dropConstant, advTrain, flow,
                plugins, g);
    }

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
            if (!AttackNorms.isTrainable(attack)) {
                throw new IllegalArgumentException("train-attack: " + (attack == null ? "null" : attack.label())
                        + " is not supported; allowed: " + String.join(", ", AttackNorms.trainable()));
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
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
        org.advrisk.param.Parameters.ATTACK_SCALE.check(attackScale);
        if (attackScale != 0 && standardize) {
            throw new IllegalArgumentException("attack-scale: " + attackScale + " needs --standardize off (budgets α·sd_j^G"
                    + " in raw units; standardised features have sd 1, so --standardize on already is G = 1)");
        }
    }

    /**
     * The per-feature budget weights d_j of the kept features: the budget file's weights times sd_j^G (G = the
     * attack scale, sd_j the training rows' standard deviation, ddof 0), so feature j moves by at most α·d_j.
     */
    double[] weights(List<String> features, org.advrisk.data.Rows train, org.advrisk.data.Split split, int[] kept) {
        double[] d = Budgets.weights(budgets, features);
        if (attackScale != 0) {
            double[] sd = org.advrisk.data.ColumnMoments.of(train, split).sd();
            for (int k = 0; k < d.length; k++) {
                d[k] *= Math.pow(sd[kept[k]], attackScale);
            }
        }
        return d;
    }

    /** Refuses a shaped budget where it is not implemented. */
    void refuseAttackScale(String where) {
        if (attackScale != 0) {
            throw new IllegalArgumentException("attack-scale: " + attackScale + " is not available " + where
                    + "; allowed: 0 there (use a budget file instead)");
        }
    }
}
