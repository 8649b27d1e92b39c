package org.advrisk.cli;

import java.util.List;
import org.advrisk.linear.AttackNorm;
import org.advrisk.linear.Target;
import org.advrisk.param.Parameters;
import picocli.CommandLine.Option;

/**
 * The attack flags shared by {@code advrisk linear} and {@code advrisk theory} (one declaration; the
 * default and range of α come from {@link Parameters#ALPHA}).
 */
public final class QueryOptions {
    @Option(names = "--alpha", defaultValue = Parameters.ALPHA_DEFAULT, paramLabel = "LIST",
            description = "Attack budgets α >= 0: a list and/or logspace:LO,HI,COUNT, linspace:A,B,COUNT."
                    + " Example: --alpha 0.05,0.1,0.25. Default: ${DEFAULT-VALUE}.")
    String alpha;

    @Option(names = "--attack", defaultValue = "l2", paramLabel = "LIST",
            description = {"Attack norms: l2, linf, l1, lp:P (P > 1); advrisk theory takes l2 (proved) and linf",
                "(folded-normal ‖θ̂‖₁: empirical, no proof). Example: --attack l2,linf. Default: ${DEFAULT-VALUE}."})
    String attack;

    @Option(names = "--target", defaultValue = "clean", paramLabel = "LIST",
            description = {"What the attacked prediction is compared with: clean (<x,θ*>, the paper's),",
                "consistent (<x+δ,θ*>), noisy (the label y). Example: --target clean,noisy. Default: ${DEFAULT-VALUE}."})
    String target;

    /** The budgets. */
    public double[] alphas() {
        return Parameters.ALPHA.parseList(alpha);
    }

    /** The attack norms. */
    public List<AttackNorm> attacks() {
        return Lists.attacks(attack);
    }

    /** The targets. */
    public List<Target> targets() {
        return Lists.targets(target);
    }
}
