package org.advrisk.linear;

import org.advrisk.linalg.Blas;
import org.advrisk.linalg.SymmetricEigen;
import org.advrisk.random.Purpose;

/**
 * Ridge path for p < n through the p×p covariance XᵀX = V D Vᵀ: θ̂_λ = V (D + nλ)⁻¹ Vᵀ Xᵀy, held
 * explicitly (it has only p coordinates). λ = 0 is ordinary least squares. The design is drawn from
 * the same feature streams as the dual path, so a sweep across p/n = 1 changes nothing but the algebra.
 */
public final class PrimalRidgePath implements RidgePath {
    private final LinearProblem problem;
    private final long seed;
    private final long trial;
    private final int n;
    private final int p;
    private final double[] x;
    private final double[] y;
    private final double[] d;
    private final double[] v;
    private final double[] h;
    private final double[] lam;
    private final double[] thetaStar;

    private PrimalRidgePath(LinearProblem problem, long seed, long trial) {
        this.problem = problem;
        this.seed = seed;
        this.trial = trial;
        this.n = problem.n();
        this.p = (int) problem.p();
        this.lam = problem.spectrum().toArray();
        this.thetaStar = new double[p];
        for (int j = 0; j < p; j++) {
            thetaStar[j] = problem.theta().value(j);
        }
        this.x = design(problem, seed, trial, Purpose.DESIGN, n);
        double[] clean = new double[n];
        Blas.gemv(false, n, p, 1.0, x, thetaStar, 0.0, clean);
        double[] xi = FeatureBlocks.noise(problem.noise(), seed, trial, Purpose.NOISE, n);
        this.y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = clean[i] + problem.sigma() * xi[i];
        }
        double[] cov = new double[p * p];
        Blas.syrkLowerTrans(n, p, 1.0, x, 0.0, cov);
        SymmetricEigen e = SymmetricEigen.ofInPlace(p, cov);
        this.d = e.values();
        this.v = e.vectors();
        double[] g = new double[p];
        Blas.gemv(true, n, p, 1.0, x, y, 0.0, g);
        this.h = e.project(g);
    }

    /** Samples the training set (X held explicitly: n·p < n² numbers) and decomposes XᵀX. */
    public static PrimalRidgePath fit(LinearProblem problem, long seed, long trial, int threads) {
        if (problem.p() >= problem.n()) {
            throw new IllegalArgumentException("p: " + problem.p() + " >= n=" + problem.n()
                    + "; the primal path is for p < n (use RidgePath.fit)");
        }
        return new PrimalRidgePath(problem, seed, trial);
    }

    /** The rows×p design X = Z Σ^{1/2} drawn from the given purpose's streams. */
    static double[] design(LinearProblem problem, long seed, long trial, Purpose purpose, int rows) {
        int p = (int) problem.p();
        double[] z = new double[rows * p];
        FeatureBlocks.fillZ(problem.design(), seed, trial, purpose, 0, p, rows, z);
        double[] sq = new double[p];
        for (int j = 0; j < p; j++) {
            sq[j] = Math.sqrt(problem.spectrum().value(j));
        }
        FeatureBlocks.scaleColumns(z, rows, p, sq);
        return z;
    }

    @Override
    public LinearProblem problem() {
        return problem;
    }

    @Override
    public double[] eigenRange() {
        return new double[] {d[0], d[p - 1]};
    }

    @Override
    public double[] theta(double lambda) {
        RidgePath.checkLambda(lambda, d[0], d[p - 1], "XᵀX");
        double nu = n * lambda;
        double[] w = new double[p];
        for (int i = 0; i < p; i++) {
            w[i] = h[i] / (Math.max(d[i], 0) + nu);
        }
        double[] out = new double[p];
        Blas.gemv(false, p, p, 1.0, v, w, 0.0, out);
        return out;
    }

    @Override
    public PathPoint at(double lambda) {
        double[] t = theta(lambda);
        double risk = 0;
        double norm = 0;
        double err = 0;
        for (int j = 0; j < p; j++) {
            double dj = t[j] - thetaStar[j];
            risk += lam[j] * dj * dj;
            norm += t[j] * t[j];
            err += dj * dj;
        }
        double[] fit = new double[n];
        Blas.gemv(false, n, p, 1.0, x, t, 0.0, fit);
        double res = 0;
        for (int i = 0; i < n; i++) {
            res += (y[i] - fit[i]) * (y[i] - fit[i]);
        }
        return new PathPoint(lambda, risk, norm, err, res / n);
    }

    @Override
    public PathPoint[] at(double[] lambdas) {
        PathPoint[] out = new PathPoint[lambdas.length];
        for (int i = 0; i < lambdas.length; i++) {
            out[i] = at(lambdas[i]);
        }
        return out;
    }

    @Override
    public ThetaSummary[] summarize(double[] lambdas, double[] exponents, int testSize) {
        int l = lambdas.length;
        int qn = exponents.length;
        double[] a = new double[l * qn];
        double[] e = new double[l * qn];
        double[] errs = new double[p * l];
        for (int k = 0; k < l; k++) {
            double[] t = theta(lambdas[k]);
            ThetaStreamer.BlockSums b = ThetaStreamer.sums(t, p, 1, exponents, problem.theta(), 0);
            System.arraycopy(b.theta(), 0, a, k * qn, qn);
            System.arraycopy(b.error(), 0, e, k * qn, qn);
            for (int j = 0; j < p; j++) {
                errs[j + k * p] = t[j] - thetaStar[j];
            }
        }
        double[] test = null;
        if (testSize > 0) {
            double[] xt = design(problem, seed, trial, Purpose.TEST_DESIGN, testSize);
            test = new double[testSize * l];
            Blas.gemm(false, false, testSize, l, p, 1.0, xt, errs, 0.0, test);
        }
        return ThetaStreamer.assemble(problem, seed, trial, lambdas, exponents, a, e, test, testSize);
    }

    /** The design (for tests). */
    double[] x() {
        return x.clone();
    }

    /** The labels (for tests). */
    double[] y() {
        return y.clone();
    }
}
