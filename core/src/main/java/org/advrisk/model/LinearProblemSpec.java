package org.advrisk.model;

import java.io.Serializable;
import org.advrisk.random.Distribution;

/**
 * A linear problem in its text form (the words of the CLI's flags): a {@link Serializable} value
 * from which any JVM rebuilds the same {@link LinearProblem}, so a cluster engine can ship the
 * problem to its executors instead of the (large, derived) problem object. A {@code file:} spectrum
 * or ground truth must be readable at the same path wherever it is rebuilt.
 *
 * @param n        sample size
 * @param spectrum the {@link SpectrumSpec} text, e.g. {@code powerlaw:a=1,b=0}
 * @param p        the dimension
 * @param theta    the {@link GroundTruthSpec} text, e.g. {@code top:k=1,norm=1}
 * @param sigma    noise level σ ≥ 0
 * @param noise    noise distribution name
 * @param design   design distribution name
 * @param seed     the seed (a random θ* is drawn from it)
 */
public record LinearProblemSpec(int n, String spectrum, long p, String theta, double sigma, String noise,
                                String design, long seed) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Builds the problem (validating every field on the way). */
    public LinearProblem problem() {
        if (n < 1) {
            throw new IllegalArgumentException("n: " + n + " must be >= 1");
        }
        Spectrum s = SpectrumSpec.parse(spectrum).withSize(p);
        return new LinearProblem(n, s, GroundTruthSpec.parse(theta).withSize(s.p(), seed), sigma,
                Distribution.parse("noise", noise), Distribution.parse("design", design));
    }
}
