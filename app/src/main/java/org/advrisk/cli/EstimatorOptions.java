package org.advrisk.cli;

import org.advrisk.linear.AttackNorm;
import picocli.CommandLine.Option;

/**
 * The estimator flags shared by {@code advrisk linear} and {@code advrisk audit} (one declaration, a
 * picocli mixin): which estimators run, adversarial training's budgets δ and the attack it trains
 * against. Parsed and validated once by {@link #choice()}.
 */
public final class EstimatorOptions {
    @Option(names = "--estimator", defaultValue = "ridge", paramLabel = "LIST",
            description = {"Estimators: ridge (the whole λ path) and/or advtrain (adversarial training,",
                "argmin (1/n)Σ(|y_i − b − x_iᵀθ| + δ‖θ‖_q)², one fit per --delta; b = 0 in linear, free in audit;",
                "holds the n×p training design, n·p <= 5e7). Both see the same training sets.",
                "Example: --estimator ridge,advtrain. Default: ${DEFAULT-VALUE}."})
    String estimator;

    @Option(names = "--delta", paramLabel = "LIST",
            description = {"Training budgets δ > 0 of advtrain: a list and/or logspace:LO,HI,COUNT.",
                "Example: --delta 0.05,0.1,logspace:-2,0,5."})
    String delta;

    @Option(names = "--train-attack", defaultValue = "l2", paramLabel = "NORM",
            description = "The attack advtrain trains against: l2 (penalty ‖θ‖₂) or linf (‖θ‖₁). Default: ${DEFAULT-VALUE}.")
    String trainAttack;

    /**
     * What the flags ask for.
     *
     * @param ridge    the ridge path
     * @param advtrain adversarial training
     * @param deltas   its budgets δ > 0 (null without advtrain)
     * @param attack   its training attack, l2 or linf (null without advtrain)
     */
    public record Choice(boolean ridge, boolean advtrain, double[] deltas, AttackNorm attack) {
    }

    /** Parses and checks the flags (unknown estimator, --delta without advtrain or missing, δ ≤ 0, attack). */
    public Choice choice() {
        boolean ridge = false;
        boolean adv = false;
        for (String e : Lists.words("estimator", estimator)) {
            switch (e) {
                case "ridge" -> ridge = true;
                case "advtrain" -> adv = true;
                default -> throw new IllegalArgumentException("estimator: '" + e + "' is unknown; allowed: ridge, advtrain");
            }
        }
        // a bad δ is named before anything else, whichever estimators are asked for
        double[] d = delta == null ? null : org.advrisk.param.Parameters.DELTA.parseList(delta);
        if (!adv) {
            if (delta != null) {
                throw new IllegalArgumentException("delta: given, but --estimator has no advtrain");
            }
            return new Choice(ridge, false, null, null);
        }
        if (delta == null) {
            throw new IllegalArgumentException("delta: --estimator advtrain needs --delta LIST (budgets δ > 0)");
        }
        AttackNorm a = switch (trainAttack) {
            case "l2" -> AttackNorm.L2;
            case "linf" -> AttackNorm.LINF;
            default -> throw new IllegalArgumentException("train-attack: '" + trainAttack + "' is unknown; allowed: l2, linf");
        };
        return new Choice(ridge, true, d, a);
    }
}
