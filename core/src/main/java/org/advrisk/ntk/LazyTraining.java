package org.advrisk.ntk;

import org.advrisk.kernel.ActivationNtk;
import org.advrisk.kernel.Kernel;
import org.advrisk.kernel.KernelPredictor;
import org.advrisk.kernel.KernelRidgePath;
import org.advrisk.kernel.Kernels;
import org.advrisk.kernel.ReluNtk;
import org.advrisk.linalg.Blas;

/**
 * Full-batch gradient descent of a {@link TwoLayerNet} A·f on (1/(2A²))Σ(A·f(x_i) − y_i)² (docs/ntk.md §4,
 * §6; A = 1: (1/2)Σ(f − y)²), with the laziness diagnostics reported for every trained network. The 1/A²
 * keeps the function-space step at η·Θ̂ for every A, so η = 1/λ_max(Θ̂(0)) of f's empirical NTK stays the
 * default while the weights move ∝ 1/A (Chizat, Oyallon and Bach 2019). Each step costs two d×n×m
 * products (H = XᵀW and the weight gradient X·D). Step sizes are not refused; a run whose training
 * loss grows past {@link #DIVERGED} times its start (or turns non-finite) stops with an error naming eta.
 */
public final class LazyTraining {
    /** Divergence: the training loss exceeds this multiple of its initial value (or is not finite). */
    public static final double DIVERGED = 1e6;

    private LazyTraining() {
    }

    /**
     * A trained network and its diagnostics.
     *
     * @param net             the trained network
     * @param initial         the network at initialisation
     * @param kernel          the infinite-width kernel of the trained layers
     * @param eta             the step size used
     * @param lambdaMax       λ_max of the empirical NTK Gram Θ̂(0) on the training inputs
     * @param steps           steps taken
     * @param trainMse        (1/n)Σ(f(x_i) − y_i)² at the end
     * @param weightMove      ‖P_T − P_0‖_F/‖P_0‖_F over the trained parameters P
     * @param flipped         fraction of (training point, neuron) activation patterns that changed
     * @param ntkRelErrInit   ‖Θ̂(0) − Θ‖_op/‖Θ‖_op on the training inputs
     * @param ntkRelErrFinal  ‖Θ̂(T) − Θ‖_op/‖Θ‖_op
     * @param kernelMove      ‖Θ̂(T) − Θ̂(0)‖_op/‖Θ̂(0)‖_op: how far the empirical NTK moved in training
     */
    public record Result(TwoLayerNet net, TwoLayerNet initial, Kernel kernel, double eta, double lambdaMax,
                         int steps, double trainMse, double weightMove, double flipped, double ntkRelErrInit,
                         double ntkRelErrFinal, double kernelMove) {
    }

    /** The infinite-width relu kernel of the trained layers (its label for any activation). */
    public static ReluNtk kernelOf(GdOptions o) {
        if (o.trainFirst() && o.trainSecond()) {
            return ReluNtk.K1_PLUS_K2;
        }
        return o.trainFirst() ? ReluNtk.K1 : ReluNtk.K2;
    }

    /**
     * Trains a copy of {@code init} on the sample. Any η is accepted (η ≥ 2/λ_max(Θ̂(0)) leaves the lazy
     * regime but may still converge); divergence is an IllegalArgumentException naming eta.
     */
    public static Result train(TwoLayerNet init, NtkData.Sample s, GdOptions o) {
        int d = s.d();
        int n = s.n();
        int m = init.width();
        if (init.dim() != d) {
            throw new IllegalArgumentException("d: network input dimension " + init.dim() + " differs from data d=" + d);
        }
        Kernel kernel = ActivationNtk.of(init.activation(), kernelOf(o), d);
        double[] thetaInf = Kernels.gram(kernel, d, n, s.x());
        double[] theta0 = empiricalNtk(init, s, o);
        double lambdaMax = maxEigenvalue(n, theta0);
        double eta = Double.isNaN(o.eta()) ? 1 / lambdaMax : o.eta();
        double relInit = relativeOpError(n, theta0, thetaInf);
        double amp = init.scale();
        double etaStep = eta / (amp * amp);
        boolean relu = init.activation() == org.advrisk.kernel.Activation.RELU;
        double loss0 = Double.NaN;

        TwoLayerNet net = init.copy();
        double[] w = net.weights();
        double[] a = net.outer();
        double[] x = s.x();
        double[] y = s.y();
        double[] h = new double[n * m];
        boolean[] active0 = new boolean[n * m];
        double scale = amp / Math.sqrt(m);
        double[] ga = new double[m];
        for (int step = 0; step < o.steps(); step++) {
            Blas.gemm(true, false, n, m, d, 1.0, x, w, 0.0, h);
            if (step == 0) {
                for (int i = 0; i < h.length; i++) {
                    active0[i] = h[i] > 0;
                }
            }
            double[] r = net.outputs(n, h);
            double loss = 0;
            for (int i = 0; i < n; i++) {
                r[i] -= y[i];
                loss += r[i] * r[i];
            }
            if (step == 0) {
                loss0 = Math.max(loss, Double.MIN_NORMAL);
            }
            checkDiverged(loss, loss0, step, eta, lambdaMax);
            if (o.trainSecond()) {
                for (int j = 0; j < m; j++) {
                    int off = j * n;
                    double acc = 0;
                    for (int i = 0; i < n; i++) {
                        double hv = h[off + i];
                        if (relu) {
                            if (hv > 0) {
                                acc += r[i] * hv;
                            }
                        } else {
                            acc += r[i] * net.unit(hv);
                        }
                    }
                    ga[j] = acc * scale;
                }
            }
            if (o.trainFirst()) {
                for (int j = 0; j < m; j++) {
                    int off = j * n;
                    double aj = a[j] * scale;
                    for (int i = 0; i < n; i++) {
                        h[off + i] = relu ? (h[off + i] > 0 ? r[i] * aj : 0.0) : r[i] * aj * net.unitSlope(h[off + i]);
                    }
                }
                // W ← W − (η/A²) X·D, D_ij = r_i A a_j σ'(h_ij/√d)/√m  (the gradient of (1/2A²)Σr² in W)
                Blas.gemm(false, false, d, m, n, -etaStep, x, h, 1.0, w);
            }
            if (o.trainSecond()) {
                for (int j = 0; j < m; j++) {
                    a[j] -= etaStep * ga[j];
                }
            }
        }
        Blas.gemm(true, false, n, m, d, 1.0, x, w, 0.0, h);
        double[] f = net.outputs(n, h);
        double mse = 0;
        for (int i = 0; i < n; i++) {
            mse += (f[i] - y[i]) * (f[i] - y[i]);
        }
        mse /= n;
        if (o.steps() > 0) {
            checkDiverged(mse * n, loss0, o.steps(), eta, lambdaMax);
        }
        long flips = 0;
        if (o.steps() > 0) {
            for (int i = 0; i < h.length; i++) {
                if ((h[i] > 0) != active0[i]) {
                    flips++;
                }
            }
        }
        double move = movement(init, net, o);
        double[] thetaT = empiricalNtk(net, s, o);
        double relFinal = relativeOpError(n, thetaT, thetaInf);
        double kernelMove = relativeOpError(n, thetaT, theta0);
        return new Result(net, init, kernel, eta, lambdaMax, o.steps(), mse, move, flips / (double) h.length,
                relInit, relFinal, kernelMove);
    }

    private static void checkDiverged(double loss, double loss0, int step, double eta, double lambdaMax) {
        if (!Double.isFinite(loss) || loss > DIVERGED * loss0) {
            throw new IllegalArgumentException("eta: " + eta + " made gradient descent diverge (training loss "
                    + loss + " at step " + step + ", " + loss0 + " at the start; 2/lambda_max of the empirical NTK"
                    + " is " + (2 / lambdaMax) + "); use a smaller --eta (default 1/lambda_max = " + (1 / lambdaMax) + ")");
        }
    }

    /**
     * The infinite-width reference f_kernel(z) = f0(z) + Θ(z, X)·c with c after the same number of
     * kernel gradient-descent steps and the same η on the residual targets y − f0(X).
     */
    public static Reference kernelReference(Result r, NtkData.Sample s) {
        double[] f0 = new double[s.n()];
        r.initial().evaluate(s.n(), s.x(), f0, null);
        double[] target = new double[s.n()];
        for (int i = 0; i < s.n(); i++) {
            target[i] = s.y()[i] - f0[i];
        }
        KernelRidgePath path = KernelRidgePath.fit(r.kernel(), s.d(), s.n(), s.x(), target);
        KernelPredictor k = path.predictor(path.gradientDescentCoefficients(r.eta(), r.steps()));
        return new Reference(r.initial(), k);
    }

    /** The sum of the initial network and a kernel expansion: f0 + f_kernel. */
    public record Reference(TwoLayerNet initial, KernelPredictor kernel) implements org.advrisk.attack.Predictor {
        @Override
        public int dim() {
            return initial.dim();
        }

        @Override
        public void evaluate(int count, double[] xs, double[] values, double[] grads) {
            double[] v0 = new double[count];
            double[] g0 = grads == null ? null : new double[grads.length];
            initial.evaluate(count, xs, v0, g0);
            kernel.evaluate(count, xs, values, grads);
            for (int t = 0; t < count; t++) {
                values[t] += v0[t];
            }
            if (grads != null) {
                for (int i = 0; i < g0.length; i++) {
                    grads[i] += g0[i];
                }
            }
        }
    }

    /** max_t |f_net(z_t) − f_kernel(z_t)| over the test columns. */
    public static double kernelGap(Result r, NtkData.Sample train, NtkData.Sample test) {
        Reference ref = kernelReference(r, train);
        int count = test.n();
        double[] fn = new double[count];
        double[] fk = new double[count];
        int batch = 256;
        for (int from = 0; from < count; from += batch) {
            int c = Math.min(batch, count - from);
            double[] z = java.util.Arrays.copyOfRange(test.x(), from * test.d(), (from + c) * test.d());
            double[] v1 = new double[c];
            double[] v2 = new double[c];
            r.net().evaluate(c, z, v1, null);
            ref.evaluate(c, z, v2, null);
            System.arraycopy(v1, 0, fn, from, c);
            System.arraycopy(v2, 0, fk, from, c);
        }
        double gap = 0;
        for (int t = 0; t < count; t++) {
            gap = Math.max(gap, Math.abs(fn[t] - fk[t]));
        }
        return gap;
    }

    /**
     * max_t |f_net(z_t) − f_lin(z_t)| where f_lin is the network linearised at initialisation:
     * f0 + Θ̂0(z, X)·c with c after the same kernel gradient-descent steps on the empirical NTK Θ̂0
     * (docs/ntk.md §4). It isolates the non-linearity of training from the finite-width kernel error.
     */
    public static double linearisedGap(Result r, NtkData.Sample train, NtkData.Sample test, GdOptions o) {
        int n = train.n();
        int d = train.d();
        TwoLayerNet init = r.initial();
        double[] theta0 = empiricalNtk(init, train, o);
        org.advrisk.linalg.SymmetricEigen e = org.advrisk.linalg.SymmetricEigen.of(n, theta0);
        double[] f0 = new double[n];
        init.evaluate(n, train.x(), f0, null);
        double[] res = new double[n];
        for (int i = 0; i < n; i++) {
            res[i] = train.y()[i] - f0[i];
        }
        double[] w = e.project(res);
        double[] s = e.values();
        for (int i = 0; i < n; i++) {
            double si = Math.max(s[i], 0);
            double step = r.eta() * si;
            double factor = si == 0 ? r.eta() * r.steps()
                    : (step < 1 ? -Math.expm1(r.steps() * Math.log1p(-step)) : 1 - Math.pow(1 - step, r.steps())) / si;
            w[i] *= factor;
        }
        double[] c = e.expand(w);
        double gap = 0;
        int batch = 256;
        for (int from = 0; from < test.n(); from += batch) {
            int cnt = Math.min(batch, test.n() - from);
            double[] z = java.util.Arrays.copyOfRange(test.x(), from * d, (from + cnt) * d);
            double[] cross = empiricalCross(init, cnt, z, train, o);
            double[] fl = new double[cnt];
            Blas.gemv(false, cnt, n, 1.0, cross, c, 0.0, fl);
            double[] fz0 = new double[cnt];
            init.evaluate(cnt, z, fz0, null);
            double[] fn = new double[cnt];
            r.net().evaluate(cnt, z, fn, null);
            for (int t = 0; t < cnt; t++) {
                gap = Math.max(gap, Math.abs(fn[t] - fz0[t] - fl[t]));
            }
        }
        return gap;
    }

    /** Empirical NTK between query columns z (count of them) and the training inputs: count×n. */
    static double[] empiricalCross(TwoLayerNet net, int count, double[] z, NtkData.Sample s, GdOptions o) {
        int n = s.n();
        int m = net.width();
        double[] hz = net.preActivations(count, z);
        double[] hx = net.preActivations(n, s.x());
        double[] out = new double[count * n];
        double[] a = net.outer();
        if (o.trainSecond()) {
            double[] rz = new double[hz.length];
            double[] rx = new double[hx.length];
            for (int i = 0; i < hz.length; i++) {
                rz[i] = net.unit(hz[i]);
            }
            for (int i = 0; i < hx.length; i++) {
                rx[i] = net.unit(hx[i]);
            }
            Blas.gemm(false, true, count, n, m, 1.0 / m, rz, rx, 0.0, out);
        }
        if (o.trainFirst()) {
            for (int j = 0; j < m; j++) {
                double aj = Math.abs(a[j]);
                for (int t = 0; t < count; t++) {
                    hz[t + j * count] = aj * net.unitSlope(hz[t + j * count]);
                }
                for (int i = 0; i < n; i++) {
                    hx[i + j * n] = aj * net.unitSlope(hx[i + j * n]);
                }
            }
            double[] act = new double[count * n];
            Blas.gemm(false, true, count, n, m, 1.0 / m, hz, hx, 0.0, act);
            double[] g = new double[count * n];
            Blas.gemm(true, false, count, n, s.d(), 1.0, z, s.x(), 0.0, g);
            for (int i = 0; i < out.length; i++) {
                out[i] += g[i] * act[i];
            }
        }
        return out;
    }

    /**
     * The empirical NTK Gram Θ̂ = J Jᵀ of f (without the scale A) on the training inputs over the trained
     * parameters: first layer (XᵀX) ∘ (S diag(a²) Sᵀ)/m with S = σ'(XᵀW/√d) (relu: 1{XᵀW > 0}); second
     * layer σ̃(H) σ̃(H)ᵀ/m with σ̃(h) = √d σ(h/√d).
     */
    public static double[] empiricalNtk(TwoLayerNet net, NtkData.Sample s, GdOptions o) {
        int n = s.n();
        int m = net.width();
        double[] h = net.preActivations(n, s.x());
        double[] out = new double[n * n];
        double[] a = net.outer();
        if (o.trainSecond()) {
            double[] relu = new double[h.length];
            for (int i = 0; i < h.length; i++) {
                relu[i] = net.unit(h[i]);
            }
            Blas.gemm(false, true, n, n, m, 1.0 / m, relu, relu, 0.0, out);
        }
        if (o.trainFirst()) {
            for (int j = 0; j < m; j++) {
                int off = j * n;
                double aj = Math.abs(a[j]);
                for (int i = 0; i < n; i++) {
                    h[off + i] = aj * net.unitSlope(h[off + i]);
                }
            }
            double[] act = new double[n * n];
            Blas.gemm(false, true, n, n, m, 1.0 / m, h, h, 0.0, act);
            double[] g = new double[n * n];
            Blas.gemm(true, false, n, n, s.d(), 1.0, s.x(), s.x(), 0.0, g);
            for (int i = 0; i < out.length; i++) {
                out[i] += g[i] * act[i];
            }
        }
        return out;
    }

    /** Largest eigenvalue of a symmetric n×n matrix (values-only LAPACK). */
    public static double maxEigenvalue(int n, double[] sym) {
        double[] v = Blas.eigenvaluesInPlace(n, sym.clone());
        return v[n - 1];
    }

    /** ‖A − B‖_op/‖B‖_op for symmetric n×n matrices. */
    public static double relativeOpError(int n, double[] a, double[] b) {
        double[] diff = new double[n * n];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = a[i] - b[i];
        }
        double[] v = Blas.eigenvaluesInPlace(n, diff);
        double[] vb = Blas.eigenvaluesInPlace(n, b.clone());
        double num = Math.max(Math.abs(v[0]), Math.abs(v[n - 1]));
        double den = Math.max(Math.abs(vb[0]), Math.abs(vb[n - 1]));
        return num / den;
    }

    private static double movement(TwoLayerNet init, TwoLayerNet net, GdOptions o) {
        double num = 0;
        double den = 0;
        if (o.trainFirst()) {
            double[] w0 = init.weights();
            double[] w1 = net.weights();
            for (int i = 0; i < w0.length; i++) {
                num += (w1[i] - w0[i]) * (w1[i] - w0[i]);
                den += w0[i] * w0[i];
            }
        }
        if (o.trainSecond()) {
            double[] a0 = init.outer();
            double[] a1 = net.outer();
            for (int i = 0; i < a0.length; i++) {
                num += (a1[i] - a0[i]) * (a1[i] - a0[i]);
                den += a0[i] * a0[i];
            }
        }
        return Math.sqrt(num / den);
    }
}
