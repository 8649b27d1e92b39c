package org.advrisk.linear;

import org.advrisk.columns.Columns;

/**
 * A one-parameter family of {@link SpectralFilter}s: the path parameter's column and, for each value,
 * its filter after the value has been checked against the spectrum (smallest and largest eigenvalue).
 * Ridge (λ), gradient flow (time t) and gradient descent with step η (steps K) share one spectral path
 * ({@link RidgePath#filtered}); their λ = 0 / t = ∞ limit is one rule ({@link MinNormRule}: the pseudo-inverse).
 */
public interface SpectralFamily {
    /** The path parameter's column name ({@code lambda}, {@code time}, {@code steps}). */
    String parameter();

    /** The estimator's label ({@code ridge}, {@code gf}, {@code gd}). */
    String label();

    /**
     * The filter at one parameter value on a spectrum with smallest and largest eigenvalue minEig, maxEig
     * of n samples; refuses a value outside its range or one the spectrum cannot serve, naming it.
     *
     * @param cutoff eigenvalues at or below it count as zero in the minimum-norm limit ({@link MinNormRule})
     * @param what the decomposed matrix, for messages ({@code XXᵀ}, {@code XᵀX})
     */
    SpectralFilter filter(double param, int n, double minEig, double maxEig, double cutoff, String what);

    /** Ridge: λ ≥ 0; λ = 0 is the minimum-norm least-squares fit ({@link MinNormRule}). */
    SpectralFamily RIDGE = new SpectralFamily() {
        @Override
        public String parameter() {
            return Columns.LAMBDA.name();
        }

        @Override
        public String label() {
            return "ridge";
        }

        @Override
        public SpectralFilter filter(double lambda, int n, double minEig, double maxEig, double cutoff, String what) {
            RidgePath.checkLambda(lambda, minEig, maxEig, what);
            return lambda == 0 ? new SpectralFilter.MinNorm(cutoff) : new SpectralFilter.Ridge(n * lambda);
        }

        @Override
        public String toString() {
            return "ridge";
        }
    };

    /** Gradient flow: t ≥ 0 or ∞; t = ∞ is ridge at λ = 0 (the same rule). */
    SpectralFamily FLOW = new SpectralFamily() {
        @Override
        public String parameter() {
            return Columns.TIME.name();
        }

        @Override
        public String label() {
            return "gf";
        }

        @Override
        public SpectralFilter filter(double time, int n, double minEig, double maxEig, double cutoff, String what) {
            FlowParams.checkTime(time);
            return time == Double.POSITIVE_INFINITY ? new SpectralFilter.MinNorm(cutoff) : new SpectralFilter.Flow(time, n);
        }

        @Override
        public String toString() {
            return "gf";
        }
    };

    /** Gradient descent with step η: the parameter is the number of steps K ≥ 0. */
    static SpectralFamily steps(double eta) {
        return new GradientDescentFamily(eta);
    }

    /** Gradient descent with a fixed step η, parameterised by the number of steps K. */
    record GradientDescentFamily(double eta) implements SpectralFamily {
        public GradientDescentFamily {
            FlowParams.checkEta(eta);
        }

        @Override
        public String parameter() {
            return Columns.STEPS.name();
        }

        @Override
        public String label() {
            return "gd";
        }

        @Override
        public SpectralFilter filter(double steps, int n, double minEig, double maxEig, double cutoff, String what) {
            FlowParams.checkSteps(steps);
            FlowParams.checkStable(eta, n, maxEig, what);
            return new SpectralFilter.Steps(eta, (long) steps, n);
        }
    }
}
