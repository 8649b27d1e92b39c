package org.advrisk.theory;

import org.advrisk.model.GroundTruth;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.LinearProblem;
import org.advrisk.model.SpectrumSpec;

/**
 * Builds the {@link TheorySpectrum} of a problem given as specs (spectrum, θ*, p-rule) at a
 * sample size n: the bridge from the command-line problem to the theory.
 */
public final class TheoryProblem {
    private TheoryProblem() {
    }

    /** The spectrum with θ* at sample size n (p from the rule; ∞ truncated at P with a tail). */
    public static TheorySpectrum spectrum(SpectrumSpec spectrum, GroundTruthSpec theta, DimensionRule p, long n,
                                          long seed, int truncation) {
        if (p.isInfinite()) {
            GroundTruth head = theta.withSize(Math.max(truncation, 1), seed);
            return TheorySpectrum.infinite(spectrum, head.head(), truncation);
        }
        long dim = p.at(n);
        return TheorySpectrum.of(spectrum.withSize(dim), theta.withSize(dim, seed), truncation);
    }

    /** The spectrum with θ* of an already built linear problem (the {@code linear --theory} columns). */
    public static TheorySpectrum spectrum(LinearProblem problem, int truncation) {
        return TheorySpectrum.of(problem.spectrum(), problem.theta(), truncation);
    }

    /**
     * The deterministic equivalent of an already built linear problem at its n and σ: the entry
     * point for putting theory columns next to simulated ones.
     */
    public static DeterministicEquivalent equivalent(LinearProblem problem) {
        return new DeterministicEquivalent(spectrum(problem, TheorySpectrum.DEFAULT_TRUNCATION), problem.n(),
                problem.sigma());
    }
}
