package org.advrisk.linear;

import org.advrisk.model.LinearProblem;
import org.advrisk.random.Distribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Nested;

/**
 * Gradient flow and gradient descent (the ridge path's decomposition read through their filters) pass
 * {@link LinearEstimatorContract} on every kind of training data, against independent computations:
 * gd against K explicit steps θ ← θ + (η/n)Xᵀ(y − Xθ) in plain loops; gf against commons-math's
 * SVD of X (another library and another factorisation than the path's eigendecomposition) and the filter
 * (1 − e^{−ts/n})/s, and at t = ∞ against the normal equations (min-norm / least squares). Tolerance
 * 1e-10 relative: every system here has condition number below 1e4, so both sides agree to κ·ε·p ≈ 1e-11.
 */
class FlowContractTest {
    private static final double[] TIMES = {0, 0.3, 3, 40, Double.POSITIVE_INFINITY};
    private static final double[] STEPS = {0, 1, 7, 60, 400};

    /** Shared: the explicit design of the training set under test. */
    abstract static class Case extends LinearEstimatorContract {
        private DesignData explicit;

        protected abstract TrainingData freshData();

        protected abstract DesignData makeExplicit();

        @Override
        protected TrainingData data() {
            return freshData();
        }

        @Override
        protected DesignData explicitData() {
            if (explicit == null) {
                explicit = makeExplicit();
            }
            return explicit;
        }

        @Override
        protected double tolerance() {
            return 1e-10;
        }
    }

    /** gf on the data: θ̂(t) against the p×p eigendecomposition by commons-math. */
    abstract static class FlowCase extends Case {
        @Override
        protected Estimator<TrainingData, LinearPath> estimator() {
            return d -> new RidgeEstimator(2).fit(d).filtered(SpectralFamily.FLOW);
        }

        @Override
        protected double[] params() {
            return TIMES;
        }

        @Override
        protected double[] directTheta(double t) {
            DesignData d = explicitData();
            if (t == Double.POSITIVE_INFINITY) {
                return ridgeByNormalEquations(d, 0);
            }
            return flowByPrimalEigen(d, t);
        }
    }

    /** gd on the data: θ̂ after K steps against K explicit steps. */
    abstract static class StepsCase extends Case {
        @Override
        protected Estimator<TrainingData, LinearPath> estimator() {
            double eta = eta(explicitData());
            return d -> new RidgeEstimator(2).fit(d).filtered(SpectralFamily.steps(eta));
        }

        @Override
        protected double[] params() {
            return STEPS;
        }

        @Override
        protected double[] directTheta(double k) {
            DesignData d = explicitData();
            return descend(d, eta(d), (long) k);
        }
    }

    /** A stable step: 1.5n/trace(XᵀX) ≤ 1.5n/s_max &lt; 2n/s_max. */
    static double eta(DesignData d) {
        double tr = 0;
        for (double v : d.x()) {
            tr += v * v;
        }
        return 1.5 * d.n() / tr;
    }

    /**
     * θ̂(t) = Σ_k v_k ((1 − e^{−tσ_k²/n})/σ_k²) σ_k u_kᵀy from commons-math's SVD X = U diag(σ) Vᵀ (the
     * eigenpairs of XᵀX are (σ_k², v_k)); a zero singular value contributes nothing (u_kᵀy is weighted by σ_k).
     */
    static double[] flowByPrimalEigen(DesignData d, double t) {
        int n = d.n();
        int p = d.columns();
        RealMatrix x = new Array2DRowRealMatrix(n, p);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x.setEntry(i, j, d.x()[i + j * n]);
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(x);
        double[] sv = svd.getSingularValues();
        RealMatrix u = svd.getU();
        RealMatrix v = svd.getV();
        double[] out = new double[p];
        for (int k = 0; k < sv.length; k++) {
            double s2 = sv[k] * sv[k];
            if (s2 == 0) {
                continue;
            }
            double proj = u.getColumnVector(k).dotProduct(new org.apache.commons.math3.linear.ArrayRealVector(d.y()));
            double coef = -Math.expm1(-t * s2 / n) / s2 * sv[k] * proj;
            for (int j = 0; j < p; j++) {
                out[j] += v.getEntry(j, k) * coef;
            }
        }
        return out;
    }

    /** K explicit steps of θ ← θ + (η/n)Xᵀ(y − Xθ) from θ = 0. */
    static double[] descend(DesignData d, double eta, long steps) {
        int n = d.n();
        int p = d.columns();
        double[] x = d.x();
        double[] theta = new double[p];
        double[] r = new double[n];
        for (long k = 0; k < steps; k++) {
            for (int i = 0; i < n; i++) {
                double f = 0;
                for (int j = 0; j < p; j++) {
                    f += x[i + j * n] * theta[j];
                }
                r[i] = d.y()[i] - f;
            }
            for (int j = 0; j < p; j++) {
                double gj = 0;
                for (int i = 0; i < n; i++) {
                    gj += x[i + j * n] * r[i];
                }
                theta[j] += eta / n * gj;
            }
        }
        return theta;
    }

    static LinearProblem problem(int n, long p, String spectrum) {
        return RidgeContractTest.problem(n, p, spectrum, Distribution.GAUSSIAN);
    }

    static DesignData explicit(LinearProblem pr, long seed, long trial) {
        double[] x = Designs.x(pr, seed, trial);
        return new DesignData(pr.n(), (int) pr.p(), x, Designs.y(pr, seed, trial, x), new SampleSource(pr, seed, trial));
    }

    /** p ≥ n, streamed Gram statistics: gf. */
    @Nested
    class FlowStreamedGram extends FlowCase {
        final LinearProblem pr = problem(30, 120, "powerlaw:a=1,b=0");

        @Override
        protected TrainingData freshData() {
            return GramSampler.sample(pr, 7, 2, 2);
        }

        @Override
        protected DesignData makeExplicit() {
            return explicit(pr, 7, 2);
        }
    }

    /** p ≥ n, streamed Gram statistics: gd. */
    @Nested
    class StepsStreamedGram extends StepsCase {
        final LinearProblem pr = problem(30, 120, "powerlaw:a=1,b=0");

        @Override
        protected TrainingData freshData() {
            return GramSampler.sample(pr, 7, 2, 2);
        }

        @Override
        protected DesignData makeExplicit() {
            return explicit(pr, 7, 2);
        }
    }

    /** p &lt; n, sampled explicit design (primal path): gf; t = ∞ is least squares. */
    @Nested
    class FlowPrimal extends FlowCase {
        final LinearProblem pr = problem(60, 20, "powerlaw:a=1,b=0");

        @Override
        protected TrainingData freshData() {
            return DesignSampler.sample(pr, 5, 1);
        }

        @Override
        protected DesignData makeExplicit() {
            return explicit(pr, 5, 1);
        }
    }

    /** p &lt; n, sampled explicit design: gd. */
    @Nested
    class StepsPrimal extends StepsCase {
        final LinearProblem pr = problem(60, 20, "powerlaw:a=1,b=0");

        @Override
        protected TrainingData freshData() {
            return DesignSampler.sample(pr, 5, 1);
        }

        @Override
        protected DesignData makeExplicit() {
            return explicit(pr, 5, 1);
        }
    }

    /** p ≥ n, explicit design through XXᵀ: gf. */
    @Nested
    class FlowExplicitDual extends FlowCase {
        final LinearProblem pr = problem(25, 90, "isotropic");

        @Override
        protected TrainingData freshData() {
            return DesignSampler.sample(pr, 4, 0);
        }

        @Override
        protected DesignData makeExplicit() {
            return explicit(pr, 4, 0);
        }
    }

    /** A centred table with p ≥ n (XXᵀ singular): finite times only (t = ∞ needs full rank). */
    @Nested
    class FlowTableDual extends FlowCase {
        @Override
        protected double[] params() {
            return new double[] {0, 0.3, 3, 40};
        }

        @Override
        protected TrainingData freshData() {
            return RidgeContractTest.table(20, 45, 32);
        }

        @Override
        protected DesignData makeExplicit() {
            return RidgeContractTest.table(20, 45, 32);
        }
    }

    /** A centred table with p &lt; n: gd. */
    @Nested
    class StepsTablePrimal extends StepsCase {
        @Override
        protected TrainingData freshData() {
            return RidgeContractTest.table(50, 12, 31);
        }

        @Override
        protected DesignData makeExplicit() {
            return RidgeContractTest.table(50, 12, 31);
        }
    }
}
