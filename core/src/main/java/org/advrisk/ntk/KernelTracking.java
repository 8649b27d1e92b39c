package org.advrisk.ntk;

import java.util.Arrays;
import org.advrisk.linalg.Blas;

/**
 * How closely a trained finite network follows its infinite-width kernel predictor on test points
 * (the kernel after the same GD steps, {@link LazyTraining#kernelReference}), in values and in input
 * gradients.
 *
 * <p>The gradient part explains why a finite ReLU network's a.e. input gradient is larger than the
 * kernel predictor's although their values agree. With the antisymmetric initialisation the neurons
 * come in pairs (w₀ + δ, a), (w₀ − δ, −a). A pair whose two neurons are both active (or both off) at x
 * contributes 2aδ/√m to ∇f: summed, this is the kernel gradient's first term Σ c_i x_i (π − θ_i)/2π.
 * A pair split by the kink (|w₀ᵀx| &lt; |δᵀx|, one neuron on and one off) contributes ±w₀/√m, a vector of
 * norm about √(d/m) in a direction unrelated to f. About √m pairs are split at any x, so these terms
 * add a rough field of squared norm of order d/√m; their mean over the kink positions is the derivative
 * of the arc-cosine angle term of the smooth kernel. Each split pair only covers a slab of width about
 * 1/√(md) around its kink, so over any finite step the rough field averages out: a finite difference
 * of f_net over a step h ≫ 1/√(md) follows the kernel's slope, and PGD (which moves x by α) sees the
 * smooth kernel, while the first-order surrogate α‖∇f_net‖ counts the rough field.
 *
 * @param maxGap          max_t |f_net(z_t) − f_kernel(z_t)|
 * @param rmsGap          √mean_t (f_net − f_kernel)²
 * @param rmsKernel       √mean_t f_kernel² (the scale the gap is compared with)
 * @param netGradNorm     mean_t ‖∇f_net(z_t)‖ (a.e. gradient, activation indicators)
 * @param kernelGradNorm  mean_t ‖∇f_kernel(z_t)‖
 * @param netSlope        mean_t ∇f_net(z_t)·u_t with u_t = ∇f_kernel(z_t)/‖∇f_kernel(z_t)‖
 * @param fdNetSlope      mean_t (f_net(z_t + h u_t) − f_net(z_t − h u_t))/2h
 * @param fdKernelSlope   the same central difference of f_kernel
 * @param gradSameRms     √mean_t ‖g_same‖², g_same = the sum over pairs with equal activation
 * @param gradSplitRms    √mean_t ‖g_split‖², g_split = the sum over pairs split by the kink
 * @param splitPairs      mean_t number of split pairs at z_t
 * @param h               the finite-difference step
 */
public record KernelTracking(double maxGap, double rmsGap, double rmsKernel, double netGradNorm,
                             double kernelGradNorm, double netSlope, double fdNetSlope, double fdKernelSlope,
                             double gradSameRms, double gradSplitRms, double splitPairs, double h) {

    /** Evaluates the tracking diagnostics of a trained network on the test columns with step h. */
    public static KernelTracking of(LazyTraining.Result r, NtkData.Sample train, NtkData.Sample test, double h) {
        if (!(h > 0)) {
            throw new IllegalArgumentException("h: " + h + " must be > 0");
        }
        LazyTraining.Reference ref = LazyTraining.kernelReference(r, train);
        TwoLayerNet net = r.net();
        int d = test.d();
        int m = net.width();
        int half = m / 2;
        boolean pairs = r.initial().isAntisymmetric() && net.activation() == org.advrisk.kernel.Activation.RELU;
        double maxGap = 0;
        double sumGap2 = 0;
        double sumK2 = 0;
        double sumGn = 0;
        double sumGk = 0;
        double sumSlope = 0;
        double sumFdN = 0;
        double sumFdK = 0;
        double sumSame2 = 0;
        double sumSplit2 = 0;
        double sumSplit = 0;
        int count = test.n();
        int batch = 128;
        double s = net.scale() / Math.sqrt(m);
        double[] w = net.weights();
        double[] a = net.outer();
        for (int from = 0; from < count; from += batch) {
            int c = Math.min(batch, count - from);
            double[] z = Arrays.copyOfRange(test.x(), from * d, (from + c) * d);
            double[] vn = new double[c];
            double[] gn = new double[c * d];
            double[] vk = new double[c];
            double[] gk = new double[c * d];
            net.evaluate(c, z, vn, gn);
            ref.evaluate(c, z, vk, gk);
            double[] zp = new double[c * d];
            double[] zm = new double[c * d];
            for (int t = 0; t < c; t++) {
                double gkn = 0;
                double dot = 0;
                double gnn = 0;
                for (int i = 0; i < d; i++) {
                    double k = gk[t * d + i];
                    gkn += k * k;
                    dot += k * gn[t * d + i];
                    gnn += gn[t * d + i] * gn[t * d + i];
                }
                gkn = Math.sqrt(gkn);
                sumGk += gkn;
                sumGn += Math.sqrt(gnn);
                sumSlope += gkn > 0 ? dot / gkn : 0;
                for (int i = 0; i < d; i++) {
                    double u = gkn > 0 ? gk[t * d + i] / gkn : 0;
                    zp[t * d + i] = z[t * d + i] + h * u;
                    zm[t * d + i] = z[t * d + i] - h * u;
                }
                double gap = vn[t] - vk[t];
                maxGap = Math.max(maxGap, Math.abs(gap));
                sumGap2 += gap * gap;
                sumK2 += vk[t] * vk[t];
            }
            double[] np = new double[c];
            double[] nm = new double[c];
            double[] kp = new double[c];
            double[] km = new double[c];
            net.evaluate(c, zp, np, null);
            net.evaluate(c, zm, nm, null);
            ref.evaluate(c, zp, kp, null);
            ref.evaluate(c, zm, km, null);
            for (int t = 0; t < c; t++) {
                sumFdN += (np[t] - nm[t]) / (2 * h);
                sumFdK += (kp[t] - km[t]) / (2 * h);
            }
            if (pairs) {
                // Split the a.e. gradient W·Dᵀ into pairs with equal activation and pairs split by the kink.
                double[] hz = net.preActivations(c, z);
                double[] same = new double[c * m];
                double[] split = new double[c * m];
                for (int j = 0; j < half; j++) {
                    int o1 = j * c;
                    int o2 = (j + half) * c;
                    for (int t = 0; t < c; t++) {
                        boolean on1 = hz[o1 + t] > 0;
                        boolean on2 = hz[o2 + t] > 0;
                        double[] target = on1 == on2 ? same : split;
                        if (on1) {
                            target[o1 + t] = a[j] * s;
                        }
                        if (on2) {
                            target[o2 + t] = a[j + half] * s;
                        }
                        if (on1 != on2) {
                            sumSplit++;
                        }
                    }
                }
                double[] g1 = new double[d * c];
                double[] g2 = new double[d * c];
                Blas.gemm(false, true, d, c, m, 1.0, w, same, 0.0, g1);
                Blas.gemm(false, true, d, c, m, 1.0, w, split, 0.0, g2);
                for (int i = 0; i < g1.length; i++) {
                    sumSame2 += g1[i] * g1[i];
                    sumSplit2 += g2[i] * g2[i];
                }
            }
        }
        double nan = Double.NaN;
        return new KernelTracking(maxGap, Math.sqrt(sumGap2 / count), Math.sqrt(sumK2 / count), sumGn / count,
                sumGk / count, sumSlope / count, sumFdN / count, sumFdK / count,
                pairs ? Math.sqrt(sumSame2 / count) : nan, pairs ? Math.sqrt(sumSplit2 / count) : nan,
                pairs ? sumSplit / count : nan, h);
    }
}
