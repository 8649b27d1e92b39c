package org.advrisk.linear;

/**
 * Quantities of θ̂_λ that need θ̂ itself (rebuilt block by block) or a test sample: its q-norms,
 * the q-norms of θ̂ − θ*, and Monte Carlo estimates of E|e| for the clean error e = ⟨x, θ̂ − θ*⟩ and
 * the noisy-label error e − σξ (only when a test sample was asked for, else NaN).
 *
 * @param lambda      the ridge parameter
 * @param exponents   the exponents q asked for
 * @param normTheta   ‖θ̂‖_q per exponent
 * @param normError   ‖θ̂ − θ*‖_q per exponent
 * @param meanAbsClean E|⟨x, θ̂ − θ*⟩| estimate
 * @param seClean      its standard error
 * @param meanAbsNoisy E|⟨x, θ̂ − θ*⟩ − σξ| estimate
 * @param seNoisy      its standard error
 */
public record ThetaSummary(double lambda, double[] exponents, double[] normTheta, double[] normError,
                           double meanAbsClean, double seClean, double meanAbsNoisy, double seNoisy) {
    /** ‖θ̂‖_q for one of the exponents asked for. */
    public double normTheta(double q) {
        return normTheta[index(q)];
    }

    /** ‖θ̂ − θ*‖_q for one of the exponents asked for. */
    public double normError(double q) {
        return normError[index(q)];
    }

    private int index(double q) {
        for (int i = 0; i < exponents.length; i++) {
            if (exponents[i] == q) {
                return i;
            }
        }
        throw new IllegalArgumentException("exponent " + q + " was not summarised");
    }
}
