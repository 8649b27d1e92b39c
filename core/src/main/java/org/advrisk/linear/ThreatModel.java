package org.advrisk.linear;

import org.advrisk.model.AttackNorm;

import java.util.ArrayList;
import java.util.List;
import org.advrisk.param.Parameters;

/**
 * Who the attacker is, beyond the norm of its ball: the shape of the budget and whether the attack must
 * keep the ground truth's prediction. The attack set is {δ : ‖Σ^{−G/2}δ‖_p ≤ α} (G = {@code attackScale};
 * G = 0 is the isotropic ball of the paper, G = 1 measures the budget in each direction's standard
 * deviation), intersected, when {@code labelPreserving}, with θ*'s orthogonal complement in the budget's
 * geometry (⟨δ, θ*⟩ = 0: the ground truth's prediction never moves). The attack then sees
 * D = ‖Σ^{G/2}θ‖_q, or, label-preserving (l2 only), D² = θᵀΣ^Gθ − (θᵀΣ^Gθ*)²/θ*ᵀΣ^Gθ*
 * (with G = 0: ‖P⊥θ‖², P⊥ = I − θ*θ*ᵀ/‖θ*‖²).
 *
 * @param attackScale     G in [0, 2]
 * @param labelPreserving δ restricted to ⟨δ, θ*⟩ = 0 (l2 attacks only)
 */
public record ThreatModel(double attackScale, boolean labelPreserving) {
    /** The paper's attacker: an isotropic ball, no constraint. */
    public static final ThreatModel ISOTROPIC = new ThreatModel(0, false);

    public ThreatModel {
        Parameters.ATTACK_SCALE.check(attackScale);
        attackScale = attackScale + 0.0; // −0 → 0
    }

    /** True for today's attacker (G = 0, no label constraint): rows then carry no threat columns. */
    public boolean isIsotropic() {
        return attackScale == 0 && !labelPreserving;
    }

    /** Every combination of the scales and label constraints, scales outer (values in order, each once). */
    public static List<ThreatModel> grid(double[] scales, List<Boolean> labelPreserving) {
        if (scales.length == 0 || labelPreserving.isEmpty()) {
            throw new IllegalArgumentException("attack_scale: at least one value is needed");
        }
        List<ThreatModel> out = new ArrayList<>();
        for (double g : scales) {
            for (boolean lp : labelPreserving) {
                ThreatModel t = new ThreatModel(g, lp);
                if (!out.contains(t)) {
                    out.add(t);
                }
            }
        }
        return List.copyOf(out);
    }

    /** Refuses a label-preserving threat with a non-l2 attack norm (no closed form is implemented there). */
    public void checkAttack(AttackNorm attack) {
        if (labelPreserving && !attack.isL2()) {
            throw new IllegalArgumentException("label-preserving: attack '" + attack.label()
                    + "' is not allowed with it; allowed: l2 only (δ ⊥ θ* in the l2 geometry)");
        }
    }
}
