package org.advrisk.cli;

import org.advrisk.model.LinearProblem;
import org.advrisk.model.LinearProblemSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.theory.DimensionRule;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags that define a linear problem, shared by {@code advrisk linear} and {@code advrisk theory}
 * (n, σ, noise, θ* and the seed through {@link SampleOptions}, which {@code advrisk ntk} shares too).
 */
public final class ProblemOptions {
    @Option(names = "--spectrum", defaultValue = "isotropic", paramLabel = "SPEC",
            description = {"Eigenvalues of Σ: isotropic | powerlaw:a=A,b=B (λ_k = k^-a ln^-b(k+1))",
                "| twolevel:spikes=S,spike=V,tail=T (S eigenvalues V, the other p-S share tail mass T)",
                "| geometric:r=R (λ_k = r^(k-1)) | file:PATH (one eigenvalue a line).",
                "Example: --spectrum twolevel:spikes=10,spike=1,tail=1. Default: ${DEFAULT-VALUE}."})
    String spectrum;

    @Option(names = "--p", paramLabel = "P",
            description = {"Dimension p: a number, a multiple of n (2n, 4*n) or a power of n (n^2); `advrisk theory`",
                "also takes inf (powerlaw/geometric, truncated at P with an analytic tail).",
                "Default: 2n, or the length of a file spectrum. Example: --p 10000 or --p n^2."})
    String p;

    @Mixin
    SampleOptions.Size sample;

    @Option(names = "--design", defaultValue = org.advrisk.param.Choices.DISTRIBUTION_DEFAULT, paramLabel = "DIST",
            completionCandidates = ChoiceCandidates.Design.class,
            description = {"Distribution of the coordinates of z in x = Σ^1/2 z: gaussian | rademacher.",
                "Rademacher designs estimate E|<x,θ̂-θ*>| on a test sample (see --test-size). Default: ${DEFAULT-VALUE}."})
    String design;

    @Mixin
    SampleOptions.Truth truth;

    /** Checks n before anything else uses it. */
    public void checkN() {
        sample.checkN();
    }

    /** n. */
    public int n() {
        return sample.n;
    }

    /** The seed. */
    public long seed() {
        return truth.seed;
    }

    /** The parsed spectrum family. */
    public SpectrumSpec spectrumSpec() {
        return SpectrumSpec.parse(spectrum);
    }

    /** The dimension p: the flag, else the file's length, else 2n. */
    public long dimension() {
        checkN();
        DimensionRule rule = dimensionRule();
        if (rule.isInfinite()) {
            throw new IllegalArgumentException(org.advrisk.param.SizeExpr.FINITE_ONLY);
        }
        return rule.at(sample.n);
    }

    /** The dimension as a rule in n: the flag, else the file's length, else 2n. */
    public DimensionRule dimensionRule() {
        if (p != null) {
            return DimensionRule.parse(p);
        }
        SpectrumSpec s = spectrumSpec();
        return s.fixedSize().isPresent() ? DimensionRule.parse(Long.toString(s.fixedSize().getAsLong()))
                : DimensionRule.parse("2n");
    }

    /** The problem these flags describe. */
    public LinearProblem problem() {
        return problemSpec().problem();
    }

    /** The problem in its text form (what a cluster engine ships to its executors). */
    public LinearProblemSpec problemSpec() {
        checkN();
        spectrumSpec();
        return new LinearProblemSpec(sample.n, spectrum, dimension(), truth.theta, sample.sigma, sample.noise, design,
                truth.seed);
    }
}
