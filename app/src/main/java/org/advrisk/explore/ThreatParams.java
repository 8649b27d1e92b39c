package org.advrisk.explore;

import java.util.Locale;
import java.util.Map;
import org.advrisk.linear.ThreatModel;
import org.advrisk.model.AttackNorm;
import org.advrisk.param.Parameters;

/**
 * Who the attacker is in a view or a simulation: {@code attack-scale} (one G in [0, 2], the budget set
 * {δ : ‖Σ^{−G/2}δ‖ ≤ α}) and {@code label-preserving} (δ ⊥ θ*, l2 only), read as {@code advrisk linear}'s and
 * {@code advrisk theory}'s flags of the same names ({@link ThreatModel}; defaults: the isotropic ball).
 */
final class ThreatParams {
    static final String SCALE_ALLOWED = "one number in [0, 2] (0 = the isotropic ball, 1 = budgets in units of each"
            + " direction's standard deviation)";
    static final String LABEL_ALLOWED = "true or false (true: δ ⊥ θ*, l2 attacks only)";

    private ThreatParams() {
    }

    /** Adds the two parameters to an ALLOWED table. */
    static void allow(Map<String, String> m) {
        m.put("attack-scale", SCALE_ALLOWED);
        m.put("label-preserving", LABEL_ALLOWED);
    }

    /**
     * The attacker of one request. {@code theory}: a shaped or label-preserving attacker needs an l2 attack
     * (its deterministic equivalents are l2's), as {@code advrisk theory} requires.
     */
    static ThreatModel parse(Query q, AttackNorm attack, boolean theory) {
        double g = q.get("attack-scale", "0", Parameters.ATTACK_SCALE::parse);
        boolean lp = q.get("label-preserving", "false", ThreatParams::bool);
        if (lp && !attack.isL2()) {
            throw q.refuse("label-preserving", "true", "label-preserving: attack '" + attack.label()
                    + "' is not allowed with it; allowed: attack=l2 (δ ⊥ θ* in the l2 geometry)");
        }
        ThreatModel threat = new ThreatModel(g, lp);
        if (theory && !threat.isIsotropic() && !attack.isL2()) {
            throw q.refuse("attack-scale", q.text("attack-scale", "0"), "attack-scale: shaped attackers have"
                    + " deterministic equivalents for l2 only, not " + attack.label() + "; allowed: attack=l2 or attack-scale=0");
        }
        return threat;
    }

    private static boolean bool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("label-preserving: '" + text + "' is not allowed; allowed: "
                    + LABEL_ALLOWED);
        };
    }
}
