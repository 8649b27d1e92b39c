package org.advrisk.ntk;

import org.advrisk.kernel.Activation;
import org.advrisk.kernel.GaussianPairs;
import org.advrisk.kernel.ReluNtk;

/**
 * Linearisation coefficients K/d ≈ c0·11ᵀ + c1·XXᵀ/d + c2·I of an activation's NTK (docs/ntk.md §6) from
 * the Gaussian moments of σ at the typical pre-activation variance τ = tr Σ/d, g ~ N(0, 1):
 * μ0 = E[σ'(√τ g)], μ1 = E[σ''(√τ g)] = E[σ'(√τ g) g]/√τ (Stein), ν0 = E[σ(√τ g)]. Expanding
 * E1 and E2 of {@link org.advrisk.kernel.GaussianPairs} to second order in c = ⟨x, x'⟩/d (whose square
 * averages tr Σ²/d² = t2 off the diagonal):
 * K1: c0 = μ1²·t2, c1 = μ0², c2 = τ(E[σ'²] − μ0²);
 * K2: c0 = ν0² + μ1²·t2/2, c1 = μ0², c2 = E[σ²] − ν0² − τμ0²; K1 + K2: the sums.
 * For relu these are the table of docs/ntk.md §3. Even activations (abs, quadratic) have μ0 = 0 exactly:
 * c1 = 0, the kernel has no linear part and there is no linear ridge it behaves like.
 */
final class ActivationCoefficients {
    private ActivationCoefficients() {
    }

    /** {c0, c1, c2}. */
    static double[] of(Activation act, ReluNtk layers, double tau, double t2) {
        double mu0;
        double mu1;
        double nu0;
        double sigmaSq;
        double slopeSq;
        if (act == Activation.ABS) {
            // σ' = sign (mean 0), σ'' = 2δ: E[σ''(√τ g)] = 2/√(2πτ); E|√τ g| = √(2τ/π).
            mu0 = 0;
            mu1 = 2 / Math.sqrt(2 * Math.PI * tau);
            nu0 = Math.sqrt(2 * tau / Math.PI);
            sigmaSq = tau;
            slopeSq = 1;
        } else {
            mu0 = act.even() ? 0 : GaussianPairs.mean(act, tau, 1);
            mu1 = GaussianPairs.mean(act, tau, 4) / Math.sqrt(tau);
            nu0 = GaussianPairs.mean(act, tau, 0);
            sigmaSq = GaussianPairs.mean(act, tau, 2);
            slopeSq = GaussianPairs.mean(act, tau, 3);
        }
        double c0 = 0;
        double c1 = 0;
        double c2 = 0;
        if (layers.firstLayer()) {
            c0 += mu1 * mu1 * t2;
            c1 += mu0 * mu0;
            c2 += tau * (slopeSq - mu0 * mu0);
        }
        if (layers.secondLayer()) {
            c0 += nu0 * nu0 + mu1 * mu1 * t2 / 2;
            c1 += mu0 * mu0;
            c2 += sigmaSq - nu0 * nu0 - tau * mu0 * mu0;
        }
        return new double[] {c0, c1, c2};
    }
}
