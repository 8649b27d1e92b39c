package org.advrisk.linear;

import org.advrisk.linalg.Blas;
import org.advrisk.model.LinearProblem;
import org.advrisk.random.Purpose;

/**
 * Quantities of an explicit θ̂ (p coordinates) on explicit training data: the exact l2 quantities
 * ‖θ̂ − θ*‖²_Σ, ‖θ̂‖², ‖θ̂ − θ*‖², the training error, and the q-norms and test moments. Shared by every
 * path that holds θ̂ ({@link PrimalRidgePath}, {@link ThetaPath}, an explicit-design {@link DualRidgePath}).
 */
final class ExplicitTheta {
    private ExplicitTheta() {
    }

    /** The population as arrays: eigenvalues of Σ and θ* (p ≤ the explicit design's width). */
    record Population(double[] lam, double[] thetaStar) {
        static Population of(LinearProblem problem) {
            int p = (int) problem.p();
            double[] thetaStar = new double[p];
            for (int j = 0; j < p; j++) {
                thetaStar[j] = problem.theta().value(j);
            }
            return new Population(problem.spectrum().toArray(), thetaStar);
        }
    }

    /** (1/n)‖y − Xθ‖² for the n×p design x. */
    static double trainMse(int n, int p, double[] x, double[] y, double[] t) {
        double[] fit = new double[n];
        Blas.gemv(false, n, p, 1.0, x, t, 0.0, fit);
        double res = 0;
        for (int i = 0; i < n; i++) {
            res += (y[i] - fit[i]) * (y[i] - fit[i]);
        }
        return res / n;
    }

    /** The exact l2 quantities of θ̂ = t at the parameter value. */
    static PathPoint point(double param, double[] t, Population pop, int n, int p, double[] x, double[] y) {
        double risk = 0;
        double norm = 0;
        double err = 0;
        for (int j = 0; j < p; j++) {
            double dj = t[j] - pop.thetaStar()[j];
            risk += pop.lam()[j] * dj * dj;
            norm += t[j] * t[j];
            err += dj * dj;
        }
        return new PathPoint(param, risk, norm, err, trainMse(n, p, x, y, t));
    }

    /** Summaries of the explicit θ̂ vectors thetas[k] (one per parameter value). */
    static ThetaSummary[] summaries(SampleSource src, double[] params, double[][] thetas, double[] thetaStar,
                                    double[] exponents, int testSize) {
        LinearProblem problem = src.problem();
        int p = (int) problem.p();
        int l = params.length;
        int qn = exponents.length;
        double[] a = new double[l * qn];
        double[] e = new double[l * qn];
        double[] errs = new double[p * l];
        for (int k = 0; k < l; k++) {
            double[] t = thetas[k];
            ThetaStreamer.BlockSums b = ThetaStreamer.sums(t, p, 1, exponents, problem.theta(), 0);
            System.arraycopy(b.theta(), 0, a, k * qn, qn);
            System.arraycopy(b.error(), 0, e, k * qn, qn);
            for (int j = 0; j < p; j++) {
                errs[j + k * p] = t[j] - thetaStar[j];
            }
        }
        double[] test = null;
        if (testSize > 0) {
            double[] xt = DesignSampler.design(problem, src.seed(), src.trial(), Purpose.TEST_DESIGN, testSize);
            test = new double[testSize * l];
            Blas.gemm(false, false, testSize, l, p, 1.0, xt, errs, 0.0, test);
        }
        return ThetaStreamer.assemble(problem, src.seed(), src.trial(), params, exponents, a, e, test, testSize);
    }
}
