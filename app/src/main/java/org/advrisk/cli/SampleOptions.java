package org.advrisk.cli;

import org.advrisk.param.Parameters;
import picocli.CommandLine.Option;

/**
 * The flags of a sample shared by every command that draws one ({@code linear}, {@code theory} through
 * {@link ProblemOptions}, {@code ntk}): the size n, the noise, θ* and the seed. One declaration each; a
 * command whose n has another default says so with a picocli default provider ({@link NtkCommand}).
 */
public final class SampleOptions {
    /** The first part, in the order of the help: n, then σ and the noise distribution. */
    public static final class Size {
        @Option(names = "--n", defaultValue = "100", paramLabel = "N",
                description = "Training sample size n. Example: --n 400. Default: ${DEFAULT-VALUE}.")
        int n;

        @Option(names = "--sigma", defaultValue = Parameters.SIGMA_DEFAULT, paramLabel = "SIGMA",
                description = "Noise standard deviation σ >= 0. Example: --sigma 0.5. Default: ${DEFAULT-VALUE}.")
        double sigma;

        @Option(names = "--noise", defaultValue = org.advrisk.param.Choices.DISTRIBUTION_DEFAULT, paramLabel = "DIST",
                completionCandidates = ChoiceCandidates.Noise.class,
                description = "Noise distribution: gaussian | rademacher (scaled by σ). Default: ${DEFAULT-VALUE}.")
        String noise;

        /** Checks n before anything else uses it. */
        public void checkN() {
            Parameters.N.check(n);
        }
    }

    /** The second part: θ* and the seed. */
    public static final class Truth {
        @Option(names = "--theta", defaultValue = "top:k=1,norm=1", paramLabel = "SPEC",
                description = {"Ground truth θ* in the eigenbasis: top:k=K,norm=C (uniform on the top K directions)",
                    "| random:k=K,norm=C (Gaussian direction in the top K, drawn from the seed) | file:PATH.",
                    "Example: --theta top:k=10,norm=1. Default: ${DEFAULT-VALUE}."})
        String theta;

        @Option(names = "--seed", defaultValue = Parameters.SEED_DEFAULT, paramLabel = "K",
                converter = DeclaredConverters.Seed.class,
                description = "Random seed: the same seed gives bit-identical results for any --threads."
                        + " Default: ${DEFAULT-VALUE}.")
        long seed;
    }

    private SampleOptions() {
    }
}
