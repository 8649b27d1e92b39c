package org.advrisk.ntk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.random.Distribution;
import org.junit.jupiter.api.Test;

/** KernelTracking against direct per-point loops: gaps, slopes, and the split of ∇f_net into neuron pairs. */
class KernelTrackingTest {
    private static final int D = 40;
    private static final int M = 600;

    private static NtkData data() {
        return new NtkData(SpectrumSpec.parse("twolevel:spikes=3,spike=1,tail=5").withSize(D), false,
                GroundTruthSpec.parse("top:k=3,norm=1").withSize(D, 1), 0.5, Distribution.GAUSSIAN);
    }

    private static double[] column(double[] x, int t) {
        return java.util.Arrays.copyOfRange(x, t * D, (t + 1) * D);
    }

    @Test
    void diagnosticsEqualDirectLoopsAndThePairSplitAddsUpToTheGradient() {
        NtkData data = data();
        NtkData.Sample train = data.train(30, 2, 0);
        NtkData.Sample test = data.test(70, 2, 0);
        TwoLayerNet init = TwoLayerNet.initialise(D, M, TwoLayerNet.Init.ANTISYMMETRIC, 2, 0);
        assertThat(init.isAntisymmetric()).isTrue();
        LazyTraining.Result r = LazyTraining.train(init, train, GdOptions.firstLayer(100));
        assertThat(r.net().isAntisymmetric()).isFalse();
        double h = 0.02;
        KernelTracking k = KernelTracking.of(r, train, test, h);

        LazyTraining.Reference ref = LazyTraining.kernelReference(r, train);
        TwoLayerNet net = r.net();
        double[] w = net.weights();
        double[] a = net.outer();
        int half = M / 2;
        double max = 0;
        double gap2 = 0;
        double k2 = 0;
        double slope = 0;
        double fdN = 0;
        double fdK = 0;
        double same2 = 0;
        double split2 = 0;
        double splits = 0;
        for (int t = 0; t < test.n(); t++) {
            double[] z = column(test.x(), t);
            double fn = net.value(z);
            double fk = ref.value(z);
            max = Math.max(max, Math.abs(fn - fk));
            gap2 += (fn - fk) * (fn - fk);
            k2 += fk * fk;
            double[] gk = ref.gradient(z);
            double[] gn = net.gradient(z);
            double nk = Math.sqrt(dot(gk, gk));
            double[] zp = z.clone();
            double[] zm = z.clone();
            for (int i = 0; i < D; i++) {
                zp[i] += h * gk[i] / nk;
                zm[i] -= h * gk[i] / nk;
            }
            slope += dot(gn, gk) / nk;
            fdN += (net.value(zp) - net.value(zm)) / (2 * h);
            fdK += (ref.value(zp) - ref.value(zm)) / (2 * h);
            // Neuron by neuron: a_j 1{w_jᵀz > 0} w_j/√m, sorted by whether the pair (j, j + m/2) agrees.
            double[] gs = new double[D];
            double[] gp = new double[D];
            for (int j = 0; j < half; j++) {
                boolean on1 = dot(z, 0, w, j * D) > 0;
                boolean on2 = dot(z, 0, w, (j + half) * D) > 0;
                double[] target = on1 == on2 ? gs : gp;
                splits += on1 != on2 ? 1 : 0;
                for (int i = 0; i < D; i++) {
                    target[i] += ((on1 ? a[j] * w[j * D + i] : 0) + (on2 ? a[j + half] * w[(j + half) * D + i] : 0))
                            / Math.sqrt(M);
                }
            }
            for (int i = 0; i < D; i++) {
                // The two parts add up to the a.e. gradient (one gemm vs this loop: rounding only).
                assertThat(gs[i] + gp[i]).isCloseTo(gn[i], within(1e-10));
            }
            same2 += dot(gs, gs);
            split2 += dot(gp, gp);
        }
        int c = test.n();
        // Same arithmetic up to summation order: 1e-9 relative.
        assertThat(k.maxGap()).isCloseTo(max, within(1e-9 * max));
        assertThat(k.rmsGap()).isCloseTo(Math.sqrt(gap2 / c), within(1e-9));
        assertThat(k.rmsKernel()).isCloseTo(Math.sqrt(k2 / c), within(1e-9));
        assertThat(k.netSlope()).isCloseTo(slope / c, within(1e-9));
        assertThat(k.fdNetSlope()).isCloseTo(fdN / c, within(1e-7));
        assertThat(k.fdKernelSlope()).isCloseTo(fdK / c, within(1e-7));
        assertThat(k.gradSameRms()).isCloseTo(Math.sqrt(same2 / c), within(1e-9));
        assertThat(k.gradSplitRms()).isCloseTo(Math.sqrt(split2 / c), within(1e-9));
        assertThat(k.splitPairs()).isEqualTo(splits / c);
        assertThat(k.splitPairs()).isGreaterThan(0);
        // The kernel predictor is smooth: its central difference matches its gradient norm up to O(h²)
        // curvature terms (‖x‖ ≈ 2.8 here, h = 0.02): 1% is loose.
        assertThat(k.fdKernelSlope()).isCloseTo(k.kernelGradNorm(), within(0.01 * k.kernelGradNorm()));
    }

    @Test
    void independentInitialisationHasNoPairs() {
        NtkData data = data();
        NtkData.Sample train = data.train(20, 4, 0);
        NtkData.Sample test = data.test(10, 4, 0);
        TwoLayerNet init = TwoLayerNet.initialise(D, 200, TwoLayerNet.Init.INDEPENDENT, 4, 0);
        assertThat(init.isAntisymmetric()).isFalse();
        KernelTracking k = KernelTracking.of(LazyTraining.train(init, train, GdOptions.firstLayer(20)), train, test, 0.02);
        assertThat(k.splitPairs()).isNaN();
        assertThat(k.gradSplitRms()).isNaN();
        assertThat(k.rmsGap()).isFinite();
    }

    private static double dot(double[] x, double[] y) {
        return dot(x, 0, y, 0);
    }

    private static double dot(double[] x, int ox, double[] y, int oy) {
        double s = 0;
        for (int i = 0; i < D; i++) {
            s += x[ox + i] * y[oy + i];
        }
        return s;
    }
}
