package org.advrisk.linear;

import java.util.List;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.Target;
import org.advrisk.param.Parameters;

/**
 * What to evaluate on each training set: the ridge path, the attack budgets, norms and targets.
 *
 * @param lambdas  ridge parameters λ ≥ 0 (our convention; scikit-learn's alpha = nλ)
 * @param alphas   attack budgets α ≥ 0
 * @param attacks  attack norms
 * @param targets  target conventions
 * @param testSize test points used to estimate E|⟨x, θ̂ − θ*⟩| for non-Gaussian designs (≥ 2)
 */
public record LinearQuery(double[] lambdas, double[] alphas, List<AttackNorm> attacks, List<Target> targets,
                          int testSize) {
    public LinearQuery {
        if (lambdas.length == 0) {
            throw new IllegalArgumentException("lambda: at least one value is needed");
        }
        for (double l : lambdas) {
            Parameters.LAMBDA.check(l);
        }
        if (alphas.length == 0) {
            throw new IllegalArgumentException("alpha: at least one value is needed");
        }
        for (double a : alphas) {
            Parameters.ALPHA.check(a);
        }
        if (attacks.isEmpty()) {
            throw new IllegalArgumentException("attack: at least one attack is needed; allowed: " + AttackNorm.ALLOWED);
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("target: at least one target is needed; allowed: " + Target.ALLOWED);
        }
        Parameters.TEST_SIZE.check(testSize);
        lambdas = lambdas.clone();
        alphas = alphas.clone();
        attacks = List.copyOf(attacks);
        targets = List.copyOf(targets);
    }
}
