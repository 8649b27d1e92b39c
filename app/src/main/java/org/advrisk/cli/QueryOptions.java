package org.advrisk.cli;

import java.util.List;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.Target;
import org.advrisk.param.Lists;
import org.advrisk.param.Parameters;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The attack flags shared by {@code advrisk linear} and {@code advrisk theory} (one declaration; the
 * default and range of α come from {@link Parameters#ALPHA}).
 */
public final class QueryOptions {
    @Mixin
    PathOptions.Alpha alpha;

    @Option(names = "--attack", defaultValue = "l2", paramLabel = "LIST",
            description = {"Attack norms: l2, linf, l1, lp:P (P > 1); advrisk theory takes l2 (proved) and linf",
                "(folded-normal ‖θ̂‖₁: empirical, no proof). Example: --attack l2,linf. Default: ${DEFAULT-VALUE}."})
    String attack;

    @Option(names = "--target", defaultValue = org.advrisk.param.Choices.TARGET_DEFAULT, paramLabel = "LIST",
            completionCandidates = ChoiceCandidates.Target.class,
            description = {"What the attacked prediction is compared with: clean (<x,θ*>, the paper's),",
                "consistent or truth-at-perturbed (<x+δ,θ*>: the target moves with δ), noisy (the label y). Example: --target clean,noisy. Default: ${DEFAULT-VALUE}."})
    String target;

    /** The budgets. */
    public double[] alphas() {
        return alpha.values();
    }

    /** The attack norms. */
    public List<AttackNorm> attacks() {
        return Lists.words("attack", attack).stream().map(AttackNorm::parse).toList();
    }

    /** The targets. */
    public List<Target> targets() {
        return Lists.words("target", target).stream().map(Target::parse).toList();
    }
}
