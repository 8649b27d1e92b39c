package org.advrisk.linear;

import java.util.Optional;
import org.advrisk.linalg.Blas;
import org.advrisk.linalg.SymmetricEigen;
import org.advrisk.model.LinearProblem;
import org.advrisk.random.Purpose;

/**
 * Ridge path for p ≥ n through the n×n Gram matrix K = XXᵀ = U S Uᵀ. With c = Uᵀy and
 * w = (S + nλ)⁻¹c: ‖θ̂‖² = Σ s_i w_i², θ̂ᵀΣθ̂ = wᵀ(UᵀMU)w, θ̂ᵀΣθ* = (Uᵀb)ᵀw, θ̂ᵀθ* = (UᵀXθ*)ᵀw.
 *
 * <p>Fitted on sampled statistics ({@link GramStats}: θ̂ = XᵀUw rebuilt from the design streams, or
 * unavailable for a Wishart tail) or on an explicit design ({@link DesignData}: θ̂ = XᵀUw directly; a
 * user's table without a population gives θ̂, predictions and training errors only).
 */
public final class DualRidgePath implements RidgePath {
    /** How θ̂ = Xᵀv is produced. */
    private enum ThetaSource { STREAMS, EXPLICIT, NONE }

    private final SampleSource source;
    private final long seed;
    private final long trial;
    private final int threads;
    private final int n;
    private final long p;
    private final double[] s;
    private final double[] u;
    private final double[] c;
    private final ThetaSource thetaSource;
    private final DesignData explicit;
    // population part (null for a table without a population)
    private final double[] ub;
    private final double[] ut;
    private final double[] mt;
    private final double signalSq;
    private final double thetaSq;
    private final SpectralFamily family;

    /** The same decomposition seen through another filter family (arrays shared, never written). */
    private DualRidgePath(DualRidgePath base, SpectralFamily family) {
        this.source = base.source;
        this.seed = base.seed;
        this.trial = base.trial;
        this.threads = base.threads;
        this.n = base.n;
        this.p = base.p;
        this.s = base.s;
        this.u = base.u;
        this.c = base.c;
        this.thetaSource = base.thetaSource;
        this.explicit = base.explicit;
        this.ub = base.ub;
        this.ut = base.ut;
        this.mt = base.mt;
        this.signalSq = base.signalSq;
        this.thetaSq = base.thetaSq;
        this.family = family;
    }

    private DualRidgePath(SampleSource source, long p, int threads, double[] k, double[] m, double[] b,
                          double[] xTheta, double[] y, ThetaSource thetaSource, DesignData explicit) {
        this.source = source;
        this.seed = source == null ? 0 : source.seed();
        this.trial = source == null ? 0 : source.trial();
        this.threads = threads;
        this.n = y.length;
        this.p = p;
        this.thetaSource = thetaSource;
        this.explicit = explicit;
        this.family = SpectralFamily.RIDGE;
        SymmetricEigen e = SymmetricEigen.ofInPlace(n, k);
        this.s = e.values();
        this.u = e.vectors();
        this.c = e.project(y);
        if (source != null) {
            LinearProblem problem = source.problem();
            this.ub = e.project(b);
            this.ut = e.project(xTheta);
            this.mt = Congruence.of(e, m, threads);
            this.signalSq = problem.signalVariance();
            double t = problem.theta().norm(2);
            this.thetaSq = t * t;
        } else {
            this.ub = null;
            this.ut = null;
            this.mt = null;
            this.signalSq = Double.NaN;
            this.thetaSq = Double.NaN;
        }
    }

    /** Decomposes sampled statistics (the Gram K is decomposed in place: g is consumed). */
    public static DualRidgePath of(GramStats g, int threads) {
        return new DualRidgePath(g.origin(), g.p(), threads, g.k(), g.m(), g.b(), g.xTheta(), g.y(),
                g.streamed() ? ThetaSource.STREAMS : ThetaSource.NONE, null);
    }

    /**
     * Decomposes XXᵀ of an explicit design with p ≥ n (X kept by reference). With a source, M = XΣXᵀ,
     * XΣθ* and Xθ* are formed from X as well, so the exact risks follow as for sampled statistics.
     */
    public static DualRidgePath of(DesignData data, int threads) {
        int n = data.n();
        int p = data.columns();
        if (p < n) {
            throw new IllegalArgumentException("p: " + p + " < n=" + n + "; the dual path needs p >= n (use"
                    + " RidgeEstimator)");
        }
        double[] x = data.x();
        double[] k = new double[n * n];
        Blas.syrkLower(n, p, 1.0, x, 0.0, k);
        Blas.symmetrizeLower(n, k);
        double[] m = null;
        double[] b = null;
        double[] xTheta = null;
        SampleSource src = data.source().orElse(null);
        if (src != null) {
            ExplicitTheta.Population pop = ExplicitTheta.Population.of(src.problem());
            double[] xs = new double[n * p];
            double[] ls = new double[p];
            double[] lt = new double[p];
            for (int j = 0; j < p; j++) {
                double sq = Math.sqrt(pop.lam()[j]);
                for (int i = 0; i < n; i++) {
                    xs[i + j * n] = x[i + j * n] * sq;
                }
                ls[j] = pop.lam()[j] * pop.thetaStar()[j];
                lt[j] = pop.thetaStar()[j];
            }
            m = new double[n * n];
            Blas.syrkLower(n, p, 1.0, xs, 0.0, m);
            Blas.symmetrizeLower(n, m);
            b = new double[n];
            Blas.gemv(false, n, p, 1.0, x, ls, 0.0, b);
            xTheta = new double[n];
            Blas.gemv(false, n, p, 1.0, x, lt, 0.0, xTheta);
        }
        return new DualRidgePath(src, p, threads, k, m, b, xTheta, data.y(), ThetaSource.EXPLICIT, data);
    }

    /** Samples the training set (every feature streamed) and decomposes its Gram matrix. */
    public static DualRidgePath fit(LinearProblem problem, long seed, long trial, int threads) {
        return fit(problem, seed, trial, threads, TailMode.STREAM);
    }

    /**
     * Samples the training set, streaming every feature or drawing the constant tail exactly
     * ({@link WishartTail}) as the mode says, and decomposes its Gram matrix.
     */
    public static DualRidgePath fit(LinearProblem problem, long seed, long trial, int threads, TailMode mode) {
        if (problem.p() < problem.n()) {
            throw new IllegalArgumentException("p: " + problem.p() + " < n=" + problem.n()
                    + "; the dual path needs p >= n (use RidgePath.fit)");
        }
        return of((GramStats) TrainingSampler.sample(problem, seed, trial, threads, mode), threads);
    }

    /** Fits the path from already computed statistics (the source arguments must be g's). */
    public static DualRidgePath fromStats(LinearProblem problem, long seed, long trial, int threads, GramStats g) {
        SampleSource o = g.origin();
        if (o.seed() != seed || o.trial() != trial || (o.problem() != problem && !o.problem().equals(problem))) {
            throw new IllegalArgumentException("fromStats: the statistics were sampled from " + g.origin()
                    + ", not the given problem, seed and trial");
        }
        return of(g, threads);
    }

    /** True when the constant tail was drawn exactly (Wishart): only l2 quantities are available. */
    public boolean exactTail() {
        return thetaSource == ThetaSource.NONE;
    }

    private void requireStreamed(String what) {
        if (thetaSource == ThetaSource.NONE) {
            throw new IllegalStateException(what + " needs θ̂ itself, but this path drew its constant tail exactly"
                    + " (Wishart) and never sampled the tail features; fit with TailMode.STREAM");
        }
    }

    private void requirePopulation(String what) {
        if (source == null) {
            throw new IllegalStateException(what + " needs the model (Σ, θ*) the data were drawn from; this path"
                    + " was fitted on a table without one: use theta() and a test split");
        }
    }

    @Override
    public boolean hasTheta() {
        return thetaSource != ThetaSource.NONE;
    }

    @Override
    public Optional<SampleSource> source() {
        return Optional.ofNullable(source);
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
    public double[] eigenRange() {
        return new double[] {s[0], s[n - 1]};
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
    public DualRidgePath filtered(SpectralFamily other) {
        return new DualRidgePath(this, other);
    }

    @Override
    public PathPoint at(double lambda) {
        return at(new double[] {lambda})[0];
    }

    /** (1/n)‖y − Xθ̂‖² = (1/n) Σ r(s_i)² c_i², r the filter's residual (ridge: nλ/(s_i + nλ); no θ̂ needed). */
    @Override
    public double trainMse(double lambda) {
        SpectralFilter f = filter(lambda);
        double res = 0;
        for (int i = 0; i < n; i++) {
            double shrink = f.residual(Math.max(s[i], 0));
            res += shrink * shrink * c[i] * c[i];
        }
        return res / n;
    }

    private SpectralFilter filter(double param) {
        double cut = MinNormRule.cutoff(n, p, s[n - 1]);
        return family.filter(param, n, MinNormRule.smallestKept(s, cut, s[n - 1]), s[n - 1], cut, "XXᵀ");
    }

    /** w for every parameter value: the n×L matrix with columns g(S)c (ridge: (S + nλ)⁻¹c). */
    private double[] weights(double[] lambdas) {
        int l = lambdas.length;
        double[] w = new double[n * l];
        for (int j = 0; j < l; j++) {
            SpectralFilter f = filter(lambdas[j]);
            for (int i = 0; i < n; i++) {
                w[i + j * n] = f.apply(c[i], Math.max(s[i], 0));
            }
        }
        return w;
    }

    @Override
    public PathPoint[] at(double[] lambdas) {
        requirePopulation("exact risks");
        int l = lambdas.length;
        double[] w = weights(lambdas);
        double[] mw = new double[n * l];
        if (l == 1) {
            Blas.gemv(false, n, n, 1.0, mt, w, 0.0, mw); // a 1-column gemm would pack all of UᵀMU first
        } else {
            Blas.gemm(false, false, n, l, n, 1.0, mt, w, 0.0, mw);
        }
        PathPoint[] out = new PathPoint[l];
        for (int j = 0; j < l; j++) {
            SpectralFilter f = filter(lambdas[j]);
            double quad = 0;
            double cross = 0;
            double crossL2 = 0;
            double norm = 0;
            double res = 0;
            for (int i = 0; i < n; i++) {
                double wi = w[i + j * n];
                quad += wi * mw[i + j * n];
                cross += ub[i] * wi;
                crossL2 += ut[i] * wi;
                norm += Math.max(s[i], 0) * wi * wi;
                double shrink = f.residual(Math.max(s[i], 0));
                res += shrink * shrink * c[i] * c[i];
            }
            double risk = Math.max(0, quad - 2 * cross + signalSq);
            double err = Math.max(0, norm - 2 * crossL2 + thetaSq);
            out[j] = new PathPoint(lambdas[j], risk, norm, err, res / n);
        }
        return out;
    }

    @Override
    public ThetaSummary[] summarize(double[] lambdas, double[] exponents, int testSize) {
        requireStreamed("summarize (lq norms, test samples)");
        requirePopulation("summarize");
        if (thetaSource == ThetaSource.EXPLICIT) {
            double[][] ts = new double[lambdas.length][];
            for (int k = 0; k < lambdas.length; k++) {
                ts[k] = theta(lambdas[k]);
            }
            return ExplicitTheta.summaries(source, lambdas, ts, ExplicitTheta.Population.of(source.problem())
                    .thetaStar(), exponents, testSize);
        }
        LinearProblem problem = source.problem();
        int l = lambdas.length;
        double[] v = new double[n * l];
        Blas.gemm(false, false, n, l, n, 1.0, u, weights(lambdas), 0.0, v);
        int width = FeatureBlocks.blockWidth(n);
        int blocks = (int) ((p + width - 1) / width);
        int stripes = (int) Math.min(GramSampler.stripes(n), blocks);
        ThetaStreamer.BlockSums[] perBlock = new ThetaStreamer.BlockSums[blocks];
        double[][] tests = new double[stripes][];
        int workers = Math.max(1, Math.min(threads, stripes));
        Runnable[] jobs = new Runnable[stripes];
        for (int st = 0; st < stripes; st++) {
            final int stripe = st;
            jobs[st] = () -> tests[stripe] = ThetaStreamer.stripe(problem, seed, trial, v, l, exponents, testSize,
                    stripe, stripes, width, perBlock);
        }
        Congruence.runAll(jobs, workers);
        double[] test = testSize > 0 ? new double[testSize * l] : null;
        if (test != null) {
            for (double[] t : tests) {
                for (int i = 0; i < test.length; i++) {
                    test[i] += t[i];
                }
            }
        }
        return ThetaStreamer.finish(problem, seed, trial, lambdas, exponents, perBlock, test, testSize);
    }

    /** Streams θ̂'s first h coordinates (an exact-tail path: at most its streamed head; explicit: from X). */
    @Override
    public void visitTheta(double[] params, long h, ThetaBlocks sink) {
        requirePopulation("θ̂'s coordinates");
        if (thetaSource == ThetaSource.EXPLICIT || (thetaSource == ThetaSource.NONE
                && h > WishartTail.headSize(source.problem()))) {
            double[][] thetas = new double[params.length][]; // explicit; or refused by theta() for an exact tail
            for (int k = 0; k < params.length; k++) {
                thetas[k] = theta(params[k]);
            }
            ThetaBlocks.ofArrays(thetas, h, sink);
            return;
        }
        double[] v = new double[n * params.length];
        Blas.gemm(false, false, n, params.length, n, 1.0, u, weights(params), 0.0, v);
        ThetaBlocks.stream(source.problem(), seed, trial, v, params.length, h, sink);
    }

    @Override
    public double[] theta(double lambda) {
        requireStreamed("theta");
        if (p > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("p: " + p + " is too large to hold θ̂ as an array");
        }
        double[] v = new double[n];
        Blas.gemv(false, n, n, 1.0, u, weights(new double[] {lambda}), 0.0, v);
        double[] out = new double[(int) p];
        if (thetaSource == ThetaSource.EXPLICIT) {
            Blas.gemv(true, n, (int) p, 1.0, explicit.x(), v, 0.0, out);
            return out;
        }
        LinearProblem problem = source.problem();
        int width = FeatureBlocks.blockWidth(n);
        double[] z = new double[n * width];
        double[] lam = new double[width];
        double[] part = new double[width];
        for (long from = 0; from < p; from += width) {
            int len = (int) Math.min(width, p - from);
            FeatureBlocks.fillZ(problem.design(), seed, trial, Purpose.DESIGN, from, len, n, z);
            problem.spectrum().fill(from, lam, 0, len);
            Blas.gemv(true, n, len, 1.0, z, v, 0.0, part);
            for (int j = 0; j < len; j++) {
                out[(int) from + j] = Math.sqrt(lam[j]) * part[j];
            }
        }
        return out;
    }
}
