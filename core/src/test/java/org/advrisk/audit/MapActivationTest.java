package org.advrisk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.advrisk.data.FeatureMap;
import org.advrisk.kernel.Activation;
import org.advrisk.kernel.ActivationNtk;
import org.advrisk.kernel.ReluNtk;
import org.junit.jupiter.api.Test;

/** --map ntk:activation=A and relu:m=M,activation=A (issue 23). */
class MapActivationTest {
    @Test
    void ntkMapTakesTheActivation() {
        assertThat(InputPath.kernelOf("ntk", 7)).isSameAs(ReluNtk.K1);
        assertThat(InputPath.kernelOf("NTK:activation=erf", 7)).isEqualTo(new ActivationNtk(Activation.ERF, ReluNtk.K1, 7));
        assertThat(InputPath.isKernel("ntk:activation=tanh")).isTrue();
        assertThatThrownBy(() -> InputPath.kernelOf("ntk:activation=cubic", 7)).hasMessageContaining(
                "activation 'cubic' in 'ntk:activation=cubic' is not allowed; allowed: relu, abs");
        assertThatThrownBy(() -> InputPath.kernelOf("ntk:m=3", 7)).hasMessageContaining("map: 'ntk:m=3' is not allowed");
    }

    /** φ_k(z) = σ(w_kᵀz)/√m with the same weights as relu; its gradient against central differences. */
    @Test
    void reluKindFeaturesTakeTheActivation() {
        int d = 5;
        FeatureMap relu = FeatureMap.parse("relu:m=8", d, 3);
        FeatureMap tanh = FeatureMap.parse("relu:m=8,activation=tanh", d, 3);
        assertThat(tanh.w()).isEqualTo(relu.w());
        double[] z = {0.3, -1.2, 0.5, 2.0, -0.7};
        double[] phi = new double[8];
        tanh.apply(z, 0, phi);
        for (int k = 0; k < 8; k++) {
            double a = 0;
            for (int j = 0; j < d; j++) {
                a += tanh.w()[k * d + j] * z[j];
            }
            assertThat(phi[k]).isCloseTo(Math.tanh(a) / Math.sqrt(8), org.assertj.core.data.Offset.offset(1e-15));
        }
        double[] c = {1, -0.5, 0.3, 0.2, -1, 0.7, 0.1, -0.2};
        double[] grad = new double[d];
        tanh.gradient(z, 0, c, grad);
        for (int j = 0; j < d; j++) {
            double[] zp = z.clone();
            double[] zm = z.clone();
            zp[j] += 1e-6;
            zm[j] -= 1e-6;
            double[] pp = new double[8];
            double[] pm = new double[8];
            tanh.apply(zp, 0, pp);
            tanh.apply(zm, 0, pm);
            double fd = 0;
            for (int k = 0; k < 8; k++) {
                fd += c[k] * (pp[k] - pm[k]) / 2e-6;
            }
            assertThat(grad[j]).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-8));
        }
        assertThatThrownBy(() -> FeatureMap.parse("relu:m=8,activation=sin", d, 3))
                .hasMessageContaining("activation 'sin' in 'relu:m=8,activation=sin' is not allowed");
    }
}
