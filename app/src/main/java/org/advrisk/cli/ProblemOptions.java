package org.advrisk.cli;

import org.advrisk.linear.LinearProblem;
import org.advrisk.linear.LinearProblemSpec;
import org.advrisk.linear.SpectrumSpec;
import org.advrisk.theory.DimensionRule;
import org.advrisk.param.Parameters;
import picocli.CommandLine.Option;

/** The flags that define a linear problem, shared by {@code advrisk linear} and {@code advrisk theory}. */
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

    @Option(names = "--n", defaultValue = "100", paramLabel = "N",
            description = "Training sample size n. Example: --n 400. Default: ${DEFAULT-VALUE}.")
    int n;

    @Option(names = "--sigma", defaultValue = Parameters.SIGMA_DEFAULT, paramLabel = "SIGMA",
            description = "Noise standard deviation σ >= 0. Example: --sigma 0.5. Default: ${DEFAULT-VALUE}.")
    double sigma;

    @Option(names = "--noise", defaultValue = "gaussian", paramLabel = "DIST",
            description = "Noise distribution: gaussian | rademacher (scaled by σ). Default: ${DEFAULT-VALUE}.")
    String noise;

    @Option(names = "--design", defaultValue = "gaussian", paramLabel = "DIST",
            description = {"Distribution of the coordinates of z in x = Σ^1/2 z: gaussian | rademacher.",
                "Rademacher designs estimate E|<x,θ̂-θ*>| on a test sample (see --test-size). Default: ${DEFAULT-VALUE}."})
    String design;

    @Option(names = "--theta", defaultValue = "top:k=1,norm=1", paramLabel = "SPEC",
            description = {"Ground truth θ* in the eigenbasis: top:k=K,norm=C (uniform on the top K directions)",
                "| random:k=K,norm=C (Gaussian direction in the top K, drawn from the seed) | file:PATH.",
                "Example: --theta top:k=10,norm=1. Default: ${DEFAULT-VALUE}."})
    String theta;

    @Option(names = "--seed", defaultValue = Parameters.SEED_DEFAULT, paramLabel = "K",
            description = "Random seed: the same seed gives bit-identical results for any --threads. Default: ${DEFAULT-VALUE}.")
    long seed;

    /** Checks n before anything else uses it. */
    public void checkN() {
        Parameters.N.check(n);
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
            throw new IllegalArgumentException("p: inf is only available in advrisk theory; give a finite p");
        }
        return rule.at(n);
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
        return new LinearProblemSpec(n, spectrum, dimension(), theta, sigma, noise, design, seed);
    }
}
