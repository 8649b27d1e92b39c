package org.advrisk.theory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.advrisk.linear.AttackNorm;
import org.advrisk.linear.LinearProblem;
import org.advrisk.linear.Target;

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
        this.equivalent = TheoryProblem.equivalent(problem);
    }

    /** The equivalent at λ, or null when it is undefined there (λ = 0 without enough eigenvalues). */
    public DePoint at(double lambda) {
        if (lambda == 0 && !equivalent.minNormAllowed()) {
            return null;
        }
        return cache.computeIfAbsent(lambda, equivalent::at);
    }

    /** The three columns for one row, in output order. */
    public Map<String, Object> columns(double lambda, double alpha, AttackNorm attack, Target target) {
        Map<String, Object> m = new LinkedHashMap<>();
        DePoint d = at(lambda);
        m.put("de_std_risk", d == null ? Double.NaN : d.stdRisk());
        m.put("de_norm_l2", d == null ? Double.NaN : Math.sqrt(d.normL2Sq()));
        boolean covered = attack.isL2() || attack.q() == 1;
        m.put("de_adv_risk", d == null || !covered ? Double.NaN
                : d.adversarialRisk(attack, target, alpha, problem.noise()));
        return m;
    }

    /**
     * A copy of a simulated row (columns as in LinearRiskRow: lambda, alpha, attack, target, …)
     * with de_std_risk after std_risk, de_adv_risk after adv_risk and de_norm_l2 after norm_l2 (NaN when the
     * row's λ is NaN: another estimator's row).
     */
    public Map<String, Object> addTo(Map<String, Object> row) {
        double lambda = ((Number) row.get("lambda")).doubleValue();
        // λ = NaN: a row of another estimator (adversarial training), which has no equivalent here.
        Map<String, Object> de = Double.isNaN(lambda) ? Map.of("de_std_risk", Double.NaN, "de_norm_l2", Double.NaN,
                "de_adv_risk", Double.NaN) : columns(lambda, ((Number) row.get("alpha")).doubleValue(),
                AttackNorm.parse((String) row.get("attack")), Target.parse((String) row.get("target")));
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            out.put(k, v);
            if (k.equals("std_risk")) {
                out.put("de_std_risk", de.get("de_std_risk"));
            } else if (k.equals("adv_risk")) {
                out.put("de_adv_risk", de.get("de_adv_risk"));
            } else if (k.equals("norm_l2")) {
                out.put("de_norm_l2", de.get("de_norm_l2"));
            }
        });
        return out;
    }
}
