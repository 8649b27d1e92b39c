package org.advrisk.ntk;

import org.advrisk.attack.Ball;
import org.advrisk.attack.LinearWorstCase;
import org.advrisk.linalg.Blas;
import org.advrisk.linear.LinearRisks;
import org.advrisk.model.Target;

/**
 * The linear ridge estimator θ̂ = X(XᵀX + nλI)⁻¹y on the same training columns (d×n), by a direct
 * Cholesky solve, with its exact standard risk ‖θ̂ − θ*‖²_Σ and its clean-target adversarial risk:
 * the Gaussian closed form of docs/theory.md §1 for Gaussian inputs, and for inputs on the sphere (not
 * Gaussian) R + 2α‖θ̂‖_q·E|⟨x, θ̂ − θ*⟩| + α²‖θ̂‖²_q with E|·| estimated on the test sample.
 *
 * @param lambda   the ridge parameter (our convention)
 * @param theta    θ̂
 * @param stdRisk  exact ‖θ̂ − θ*‖²_Σ
 * @param meanAbsError E|⟨x, θ̂ − θ*⟩| (Gaussian closed form or test-sample estimate)
 */
public record LinearRidgeReference(double lambda, double[] theta, double stdRisk, double meanAbsError) {

    /** Fits θ̂ at λ > 0 (λ = 0 allowed when XᵀX is positive definite). */
    public static LinearRidgeReference fit(NtkData data, NtkData.Sample train, NtkData.Sample test, double lambda) {
        int d = train.d();
        int n = train.n();
        double[] a = new double[n * n];
        Blas.gemm(true, false, n, n, d, 1.0, train.x(), train.x(), 0.0, a);
        for (int i = 0; i < n; i++) {
            a[i + i * n] += n * lambda;
        }
        double[] w = train.y().clone();
        if (!org.advrisk.linalg.Cholesky.solveInPlace(n, a, w, 1)) {
            throw new IllegalArgumentException("lambda: linear ridge at " + lambda + " is singular (n > d at lambda 0?)");
        }
        double[] theta = new double[d];
        Blas.gemv(false, d, n, 1.0, train.x(), w, 0.0, theta);
        double[] star = data.thetaVector();
        double[] eig = new double[d];
        if (data.sphere()) {
            java.util.Arrays.fill(eig, 1.0);
        } else {
            data.spectrum().fill(0, eig, 0, d);
        }
        double risk = 0;
        for (int k = 0; k < d; k++) {
            double v = theta[k] - star[k];
            risk += eig[k] * v * v;
        }
        double m1;
        if (data.sphere()) {
            double s = 0;
            for (int t = 0; t < test.n(); t++) {
                double e = -test.fStar()[t];
                for (int k = 0; k < d; k++) {
                    e += test.x()[t * d + k] * theta[k];
                }
                s += Math.abs(e);
            }
            m1 = s / test.n();
        } else {
            m1 = Math.sqrt(2 / Math.PI) * Math.sqrt(risk);
        }
        return new LinearRidgeReference(lambda, theta, risk, m1);
    }

    /** ‖θ̂‖₂. */
    public double normL2() {
        return LinearWorstCase.norm(theta, 2);
    }

    /** Clean-target adversarial risk under the ball (l2: ‖θ̂‖₂, linf: ‖θ̂‖₁ as dual norm). */
    public double adversarial(Ball ball, double alpha) {
        double dual = LinearWorstCase.norm(theta, ball.dualExponent());
        return LinearRisks.adversarial(stdRisk, meanAbsError, dual, alpha);
    }

    /** Predictions ⟨x_t, θ̂⟩ at the test columns. */
    public double[] predict(NtkData.Sample test) {
        double[] out = new double[test.n()];
        Blas.gemv(true, test.d(), test.n(), 1.0, test.x(), theta, 0.0, out);
        return out;
    }

    /** The target convention these risks use. */
    public static Target target() {
        return Target.CLEAN;
    }
}
