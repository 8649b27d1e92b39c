package org.advrisk.cli;

import java.util.List;
import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;
import org.advrisk.model.AttackNorm;
import org.advrisk.linear.ThreatModel;
import org.advrisk.param.Parameters;
import picocli.CommandLine.Option;

/**
 * Who the attacker is, beyond its norm (the {@link ThreatModel} flags of {@code advrisk linear} and
 * {@code advrisk theory}): the budget's shape G ({@link Parameters#ATTACK_SCALE}) and the label constraint.
 */
public final class ThreatOptions {
    @Option(names = "--attack-scale", defaultValue = "0", paramLabel = "LIST",
            description = {"Shape of the attack budget G in [0, 2]: the attack set is {δ : ‖Σ^(-G/2)δ‖_p <= α}; 0 = the",
                "isotropic ball (the paper's), 1 = budgets in units of each direction's standard deviation. A list",
                "(e.g. 0,0.5,1) gives rows per G with the columns attack_scale, label_preserving. Default: ${DEFAULT-VALUE}."})
    String attackScale;

    @Option(names = "--label-preserving",
            description = {"Attacks keep the ground truth's prediction: δ ⊥ θ* (l2 only); the ground truth pays 0 and",
                "the attack sees ‖P⊥θ̂‖₂, P⊥ = I - θ*θ*ᵀ/‖θ*‖² (in the geometry of --attack-scale)."})
    boolean labelPreserving;

    /** The threat models (scales × the label constraint). */
    public List<ThreatModel> threats() {
        return ThreatModel.grid(Parameters.ATTACK_SCALE.parseList(attackScale), List.of(labelPreserving));
    }

    /**
     * {@code advrisk theory}: true when a shaped or label-preserving attacker is asked for; refuses it with a
     * non-l2 attack (no equivalent) or the frontier/oracle sections (they carry no threat columns).
     */
    boolean checkForTheory(List<AttackNorm> attacks, List<String> sections) {
        List<ThreatModel> ts = threats();
        if (ts.size() == 1 && ts.get(0).isIsotropic()) {
            return false;
        }
        for (AttackNorm at : attacks) {
            if (!at.isL2()) {
                throw new IllegalArgumentException("attack-scale: shaped or label-preserving attackers have"
                        + " deterministic equivalents for l2 only, not " + at.label() + "; allowed: --attack l2");
            }
        }
        if (sections.contains("frontier") || sections.contains("oracle")) {
            throw new IllegalArgumentException("attack-scale: shaped or label-preserving attackers are in the de and"
                    + " tradeoff sections only; allowed: --show ranks,de,tradeoff");
        }
        return true;
    }

    /** The row with the attacker's columns (attack_scale, label_preserving); unchanged when threat is null. */
    static Row withThreat(Row row, ThreatModel threat) {
        return threat == null ? row : row.toBuilder().set(Columns.ATTACK_SCALE, threat.attackScale())
                .set(Columns.LABEL_PRESERVING, threat.labelPreserving()).build();
    }
}
