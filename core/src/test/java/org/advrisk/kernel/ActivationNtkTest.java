package org.advrisk.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Activation kernels: relu is ReluNtk itself; input gradients against central differences of the kernel predictor. */
class ActivationNtkTest {
    @Test
    void reluIsTheEarlierKernel() {
        assertThat(ActivationNtk.of(Activation.RELU, ReluNtk.K1, 10)).isSameAs(ReluNtk.K1);
        assertThat(ActivationNtk.of(Activation.ERF, ReluNtk.K2, 10)).isInstanceOf(ActivationNtk.class);
    }

    /**
     * K1: ⟨x,x'⟩E1 with p = ‖x‖²/d etc.; K2 = d·E2. abs's K1 is ⟨x,x'⟩(2/π)arcsin u (σ' = sign), so on
     * x' = x it is ‖x‖² (E[sign²] = 1), up to arcsin's √ε sensitivity at u = 1 (u = g/(ab) rounds to
     * 1 − ~1e-16, arcsin loses √(2·1e-16) ≈ 1.5e-8: 1e-6 relative allows for it).
     */
    @Test
    void valuesFollowTheDefinition() {
        int d = 50;
        Kernel k1 = ActivationNtk.of(Activation.ABS, ReluNtk.K1, d);
        assertThat(k1.value(60, Math.sqrt(60), Math.sqrt(60))).isCloseTo(60, org.assertj.core.data.Offset.offset(6e-5));
        Kernel both = ActivationNtk.of(Activation.QUADRATIC, ReluNtk.K1_PLUS_K2, d);
        double g = 7;
        double a = 8;
        double b = 6;
        double p = a * a / d;
        double q = b * b / d;
        double c = g / d;
        assertThat(both.value(g, a, b)).isCloseTo(g * 4 * c + d * (p * q + 2 * c * c), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void predictorGradientMatchesCentralDifferences() {
        int d = 20;
        int n = 6;
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[d * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        double[] c = {0.5, -1, 0.3, 0.8, -0.2, 0.1};
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            z[i] = r.nextGaussian();
        }
        for (Activation act : Activation.values()) {
            for (ReluNtk layers : ReluNtk.values()) {
                KernelPredictor f = new KernelPredictor(ActivationNtk.of(act, layers, d), d, n, x,
                        Kernels.columnNorms(d, n, x), c);
                double[] v = new double[1];
                double[] grad = new double[d];
                f.evaluate(1, z, v, grad);
                double h = 1e-5;
                for (int k = 0; k < d; k++) {
                    double[] zp = z.clone();
                    double[] zm = z.clone();
                    zp[k] += h;
                    zm[k] -= h;
                    double[] vp = new double[1];
                    double[] vm = new double[1];
                    f.evaluate(1, zp, vp, null);
                    f.evaluate(1, zm, vm, null);
                    double fd = (vp[0] - vm[0]) / (2 * h);
                    assertThat(Math.abs(grad[k] - fd)).as(act + " " + layers + " " + k)
                            .isLessThan(1e-5 * Math.max(1, Math.abs(fd)));
                }
            }
        }
    }
}
