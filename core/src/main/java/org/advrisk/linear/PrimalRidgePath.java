package org.advrisk.linear;

import java.util.Optional;
import org.advrisk.linalg.Blas;
import org.advrisk.linalg.SymmetricEigen;
import org.advrisk.model.LinearProblem;

/**
 * Ridge path for p &lt; n through the p×p covariance XᵀX = V D Vᵀ: θ̂_λ = V (D + nλ)⁻¹ Vᵀ Xᵀy, held
 * explicitly (it has only p coordinates). λ = 0 is ordinary least squares. Fitted on an explicit design
 * ({@link DesignData}): sampled by {@link DesignSampler} from the same feature streams as the dual path
 * (so a sweep across p/n = 1 changes nothing but the algebra), or a user's centred table.
 */
public final class PrimalRidgePath implements RidgePath {
    private final DesignData data;
    private final int n;
    private final int p;
    private final double[] x;
    private final double[] y;
    private final double[] d;
    private final double[] v;
    private final double[] h;
    private final ExplicitTheta.Population population;
    private final SpectralFamily family;

    /** The same decomposition seen through another filter family (arrays shared, never written). */
    private PrimalRidgePath(PrimalRidgePath base, SpectralFamily family) {
        this.data = base.data;
        this.n = base.n;
        this.p = base.p;
        this.x = base.x;
        this.y = base.y;
        this.d = base.d;
        this.v = base.v;
        this.h = base.h;
        this.population = base.population;
        this.family = family;
    }

    private PrimalRidgePath(DesignData data) {
        this.family = SpectralFamily.RIDGE;
        this.data = data;
        this.n = data.n();
        this.p = data.columns();
        this.population = data.source().map(s -> ExplicitTheta.Population.of(s.problem())).orElse(null);
        this.x = data.x();
        this.y = data.y();
        double[] cov = new double[p * p];
        Blas.syrkLowerTrans(n, p, 1.0, x, 0.0, cov);
        SymmetricEigen e = SymmetricEigen.ofInPlace(p, cov);
        this.d = e.values();
        this.v = e.vectors();
        double[] g = new double[p];
        Blas.gemv(true, n, p, 1.0, x, y, 0.0, g);
        this.h = e.project(g);
    }

    /** Decomposes XᵀX of explicit training data with p &lt; n (X is kept by reference, not copied). */
    public static PrimalRidgePath of(DesignData data) {
        if (data.p() >= data.n()) {
            throw new IllegalArgumentException("p: " + data.p() + " >= n=" + data.n()
                    + "; the primal path is for p < n (use RidgeEstimator)");
        }
        return new PrimalRidgePath(data);
    }

    /** Samples the training set (X held explicitly: n·p &lt; n² numbers) and decomposes XᵀX. */
    public static PrimalRidgePath fit(LinearProblem problem, long seed, long trial, int threads) {
        if (problem.p() >= problem.n()) {
            throw new IllegalArgumentException("p: " + problem.p() + " >= n=" + problem.n()
                    + "; the primal path is for p < n (use RidgePath.fit)");
        }
        return of(DesignSampler.sample(problem, seed, trial));
    }

    @Override
    public int n() {
        return n;
    }

    @Override
    public long p() {
        return p;
    }

    @Override
    public Optional<SampleSource> source() {
        return data.source();
    }

    @Override
    public boolean hasTheta() {
        return true;
    }

    @Override
    public double[] eigenRange() {
        return new double[] {d[0], d[p - 1]};
    }

    @Override
    public String parameter() {
        return family.parameter();
    }

    @Override
    public SpectralFamily family() {
        return family;
    }

    @Override
    public PrimalRidgePath filtered(SpectralFamily other) {
        return new PrimalRidgePath(this, other);
    }

    @Override
    public double[] theta(double lambda) {
        double cut = MinNormRule.cutoff(n, p, d[p - 1]);
        SpectralFilter f = family.filter(lambda, n, MinNormRule.smallestKept(d, cut, d[p - 1]), d[p - 1], cut, "XᵀX");
        double[] w = new double[p];
        for (int i = 0; i < p; i++) {
            w[i] = f.apply(h[i], Math.max(d[i], 0));
        }
        double[] out = new double[p];
        Blas.gemv(false, p, p, 1.0, v, w, 0.0, out);
        return out;
    }

    @Override
    public double trainMse(double lambda) {
        return ExplicitTheta.trainMse(n, p, x, y, theta(lambda));
    }

    @Override
    public PathPoint at(double lambda) {
        problem();
        return ExplicitTheta.point(lambda, theta(lambda), population, n, p, x, y);
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
        SampleSource src = source().orElseThrow(() -> new IllegalStateException(
                "summarize needs the model the data were drawn from (θ*, test streams)"));
        double[][] ts = new double[lambdas.length][];
        for (int k = 0; k < lambdas.length; k++) {
            ts[k] = theta(lambdas[k]);
        }
        return ExplicitTheta.summaries(src, lambdas, ts, population.thetaStar(), exponents, testSize);
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
