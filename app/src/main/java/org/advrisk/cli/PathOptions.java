package org.advrisk.cli;

import org.advrisk.param.Parameters;
import picocli.CommandLine.Option;

/**
 * Flags shared by the commands that fit a ridge path on sampled training sets ({@code linear} and
 * {@code ntk}): one declaration each.
 */
public final class PathOptions {
    /** {@code --lambda}: the ridge path (default 0, min-norm or the kernel interpolator). */
    public static final class Lambda {
        @Option(names = "--lambda", defaultValue = Parameters.LAMBDA_DEFAULT, paramLabel = "LIST",
                description = {"Ridge parameters λ >= 0: a list and/or logspace:LO,HI,COUNT (10^LO..10^HI), linspace:A,B,COUNT.",
                    "Example: --lambda 0,logspace:-6,1,20. Default: ${DEFAULT-VALUE} (min-norm)."})
        String lambda;

        /** The λ values. */
        public double[] values() {
            return Parameters.LAMBDA.parseList(lambda);
        }
    }

    /** {@code --trials}: independent training sets. */
    public static final class Trials {
        @Option(names = "--trials", defaultValue = Parameters.TRIALS_DEFAULT, paramLabel = "T",
                description = "Number of independent training sets. Default: ${DEFAULT-VALUE}.")
        int trials;
    }

    /** {@code --alpha}: attack budgets. */
    public static final class Alpha {
        @Option(names = "--alpha", defaultValue = Parameters.ALPHA_DEFAULT, paramLabel = "LIST",
                description = "Attack budgets α >= 0: a list and/or logspace:LO,HI,COUNT, linspace:A,B,COUNT."
                        + " Example: --alpha 0.05,0.1,0.25. Default: ${DEFAULT-VALUE}.")
        String alpha;

        /** The budgets. */
        public double[] values() {
            return Parameters.ALPHA.parseList(alpha);
        }
    }

    private PathOptions() {
    }
}
