package org.advrisk.linear;

import org.advrisk.linalg.Blas;
import org.advrisk.random.Purpose;

/**
 * The inputs of the risk rows ({@link PathPoint}, {@link ThetaSummary}) for estimators whose θ̂ is held
 * explicitly, computed exactly as for the ridge path: R = Σ_j λ_j(θ̂_j − θ*_j)², the norms through the
 * same block sums as {@code ThetaStreamer}, and for non-Gaussian designs the same test sample (streams
 * TEST_DESIGN/TEST_NOISE of the training set), so rows of different estimators are comparable.
 */
public final class ExplicitThetaRisks {
    private ExplicitThetaRisks() {
    }

    /**
     * The l2 quantities of θ̂ on training set (x, y); {@code label} goes into {@link PathPoint#lambda}
     * (the estimator's own parameter).
     */
    public static PathPoint point(LinearProblem problem, AdvTrainData data, double[] theta, double intercept,
                                  double label) {
        long p = problem.p();
        double risk = 0;
        double nsq = 0;
        double esq = 0;
        for (int j = 0; j < p; j++) {
            double d = theta[j] - problem.theta().value(j);
            risk += problem.spectrum().value(j) * d * d;
            nsq += theta[j] * theta[j];
            esq += d * d;
        }
        double[] r = data.residuals(theta, intercept);
        double mse = 0;
        for (double v : r) {
            mse += v * v;
        }
        return new PathPoint(label, risk, nsq, esq, mse / data.n());
    }

    /** Norms for the exponents and (testSize > 0) test-sample moments, for several θ̂ at once. */
    public static ThetaSummary[] summarize(LinearProblem problem, long seed, long trial, double[] labels,
                                           double[][] thetas, double[] exponents, int testSize) {
        int l = thetas.length;
        int qn = exponents.length;
        int n = problem.n();
        int p = (int) problem.p();
        int width = FeatureBlocks.blockWidth(n);
        double[] a = new double[l * qn];
        double[] e = new double[l * qn];
        double[] test = testSize > 0 ? new double[testSize * l] : null;
        double[] th = new double[width * l];
        double[] zt = testSize > 0 ? new double[testSize * width] : null;
        double[] lam = new double[width];
        for (int from = 0; from < p; from += width) {
            int len = Math.min(width, p - from);
            for (int k = 0; k < l; k++) {
                System.arraycopy(thetas[k], from, th, k * len, len);
            }
            ThetaStreamer.BlockSums b = ThetaStreamer.sums(th, len, l, exponents, problem.theta(), from);
            for (int i = 0; i < l * qn; i++) {
                a[i] = ThetaStreamer.combine(a[i], b.theta()[i], exponents[i % qn]);
                e[i] = ThetaStreamer.combine(e[i], b.error()[i], exponents[i % qn]);
            }
            if (testSize > 0) {
                problem.spectrum().fill(from, lam, 0, len);
                for (int k = 0; k < l; k++) {
                    for (int j = 0; j < len; j++) {
                        th[j + k * len] = Math.sqrt(lam[j]) * (th[j + k * len] - problem.theta().value(from + j));
                    }
                }
                FeatureBlocks.fillZ(problem.design(), seed, trial, Purpose.TEST_DESIGN, from, len, testSize, zt);
                Blas.gemm(false, false, testSize, l, len, 1.0, zt, th, 1.0, test);
            }
        }
        return ThetaStreamer.assemble(problem, seed, trial, labels, exponents, a, e, test, testSize);
    }
}
