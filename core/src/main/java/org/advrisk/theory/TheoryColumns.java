package org.advrisk.theory;

import java.util.HashMap;
import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.LinearProblem;
import org.advrisk.model.Target;
import org.advrisk.linear.ThreatModel;

/**
 * Deterministic-equivalent prediction columns to put next to simulated rows
 * ({@code advrisk linear --theory}): de_std_risk, de_norm_l2 (‖θ̂‖₂) and de_adv_risk for a row's
 * (λ, α, attack, target). The equivalent is solved once per λ and cached. Attacks other than l2
 * and linf (empirical) have no prediction (NaN); neither has λ = 0 with too few positive
 * eigenvalues. Not thread-safe.
 */
public final class TheoryColumns {
    private final LinearProblem problem;
    private final DeterministicEquivalent equivalent;
    private final Map<Double, DePoint> cache = new HashMap<>();

    /** Prediction columns for one linear problem (its spectrum, θ*, n, σ and noise). */
    public TheoryColumns(LinearProblem problem) {
        this.problem = problem;
        this.equivalent = TheoryComposer.at(problem).equivalent();
    }

    /** The equivalent at λ, or null when it is undefined there (λ = 0 without enough eigenvalues). */
    public DePoint at(double lambda) {
        if (lambda == 0 && !equivalent.minNormAllowed()) {
            return null;
        }
        return cache.computeIfAbsent(lambda, equivalent::at);
    }

    /** The three predictions for one row's (λ, α, attack, target). */
    public DePrediction columns(double lambda, double alpha, AttackNorm attack, Target target) {
        DePoint d = at(lambda);
        if (d == null) {
            return DePrediction.NONE;
        }
        boolean covered = org.advrisk.model.AttackNorms.of(attack).deterministicEquivalent();
        return new DePrediction(d.stdRisk(), Math.sqrt(d.normL2Sq()),
                covered ? d.adversarialRisk(attack, target, alpha, problem.noise()) : Double.NaN);
    }

    /**
     * A simulated row (type {@link org.advrisk.columns.RowTypes#LINEAR}) with its de_* columns (NaN when the
     * row's λ is NaN: a row of another estimator, adversarial training, which has no equivalent here).
     */
    public Row addTo(Row row) {
        double lambda = row.number(Columns.LAMBDA);
        if (Double.isNaN(lambda)) {
            return DePrediction.NONE.addTo(row);
        }
        AttackNorm attack = AttackNorm.parse(row.text(Columns.ATTACK));
        Target target = Target.parse(row.text(Columns.TARGET));
        if (row.has(Columns.ATTACK_SCALE)) {
            ThreatModel threat = new ThreatModel(row.number(Columns.ATTACK_SCALE),
                    (Boolean) row.get(Columns.LABEL_PRESERVING));
            if (!threat.isIsotropic()) {
                return columns(lambda, row.number(Columns.ALPHA), attack, target, threat).addTo(row);
            }
        }
        return columns(lambda, row.number(Columns.ALPHA), attack, target).addTo(row);
    }

    /** The predictions for a shaped or label-preserving attacker ({@link ThreatEquivalent}; l2 only, else NaN). */
    public DePrediction columns(double lambda, double alpha, AttackNorm attack, Target target, ThreatModel threat) {
        DePoint d = at(lambda);
        if (d == null) {
            return DePrediction.NONE;
        }
        return new DePrediction(d.stdRisk(), Math.sqrt(d.normL2Sq()), ThreatEquivalent.adversarialRisk(
                equivalent.spectrum(), d, threat, attack, target, alpha, problem.noise()));
    }
}
