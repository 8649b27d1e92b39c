package org.advrisk.linear;

/**
 * A spectral filter g: the estimator θ̂ = Σ_i g(s_i) v_i v_iᵀ Xᵀy over the eigenpairs (s_i, v_i) of
 * XᵀX (equivalently θ̂ = Xᵀ U diag(g(s_i)) Uᵀ y with XXᵀ = U S Uᵀ). Ridge (g = 1/(s + nλ)), gradient
 * flow (g = (1 − e^{−ts/n})/s) and gradient descent (g = (1 − (1 − ηs/n)^K)/s) are filters of the same
 * eigendecomposition, so each path costs one decomposition and O(n) work per parameter value.
 * Eigenvalues are passed clamped at 0.
 */
public interface SpectralFilter {
    /** c·g(s): the coefficient of an eigendirection with eigenvalue s ≥ 0 and projection c. */
    double apply(double c, double s);

    /** 1 − s·g(s): the fraction of the projection c that stays in the training residual. */
    double residual(double s);

    /**
     * The minimum-norm limit (ridge at λ = 0, gradient flow at t = ∞): g(s) = 1/s for s above the
     * {@link MinNormRule} cut-off and 0 below it (the pseudo-inverse).
     */
    record MinNorm(double cutoff) implements SpectralFilter {
        @Override
        public double apply(double c, double s) {
            return s > cutoff ? c / s : 0.0;
        }

        @Override
        public double residual(double s) {
            return s > cutoff ? 0.0 : 1.0;
        }
    }

    /** Ridge: g(s) = 1/(s + ν) with ν = nλ (λ = 0: the min-norm interpolator or least squares). */
    record Ridge(double nu) implements SpectralFilter {
        @Override
        public double apply(double c, double s) {
            return c / (s + nu);
        }

        @Override
        public double residual(double s) {
            return nu / (s + nu);
        }
    }

    /**
     * Gradient flow on (1/(2n))‖y − Xθ‖² from θ = 0 for time t: g(s) = (1 − e^{−ts/n})/s, t/n at s = 0;
     * t = ∞ is 1/s, computed as ridge at λ = 0 computes it (so the two agree bit for bit).
     */
    record Flow(double time, int n) implements SpectralFilter {
        @Override
        public double apply(double c, double s) {
            if (time == Double.POSITIVE_INFINITY) {
                return c / s;
            }
            if (s == 0) {
                return c * (time / n);
            }
            return c * (-Math.expm1(-time * s / n) / s);
        }

        @Override
        public double residual(double s) {
            return time == Double.POSITIVE_INFINITY ? 0 : Math.exp(-time * s / n);
        }
    }

    /**
     * K steps of gradient descent with step η on (1/(2n))‖y − Xθ‖² from θ = 0:
     * g(s) = (1 − (1 − ηs/n)^K)/s, Kη/n at s = 0 (stable for η &lt; 2n/s_max).
     */
    record Steps(double eta, long steps, int n) implements SpectralFilter {
        @Override
        public double apply(double c, double s) {
            if (s == 0) {
                return c * (steps * eta / n);
            }
            double x = eta * s / n;
            double kept = x < 1 ? -Math.expm1(steps * Math.log1p(-x)) : 1 - Math.pow(1 - x, steps);
            return c * (kept / s);
        }

        /** (1 − ηs/n)^K, through log1p for 0 &lt; ηs/n &lt; 1 (accurate when ηs/n is small). */
        @Override
        public double residual(double s) {
            double x = eta * s / n;
            if (x < 1) {
                return Math.exp(steps * Math.log1p(-x));
            }
            return Math.pow(1 - x, steps);
        }
    }
}
