package org.advrisk.ntk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.random.Distribution;
import org.junit.jupiter.api.Test;

/** The finite network: exact zero start, lazy training tracks the kernel, step-size guard. */
class LazyTrainingTest {
    private static NtkData sphere(int d) {
        return new NtkData(SpectrumSpec.parse("isotropic").withSize(d), true,
                GroundTruthSpec.parse("top:k=1,norm=1").withSize(d, 1), 0.5, Distribution.GAUSSIAN);
    }

    @Test
    void antisymmetricInitialisationIsExactlyZero() {
        NtkData data = sphere(30);
        NtkData.Sample s = data.test(50, 3, 0);
        TwoLayerNet net = TwoLayerNet.initialise(30, 1000, TwoLayerNet.Init.ANTISYMMETRIC, 3, 0);
        double[] v = new double[50];
        double[] g = new double[30 * 50];
        net.evaluate(50, s.x(), v, g);
        for (double f : v) {
            assertThat(f).isEqualTo(0.0);
        }
        // The gradient W·D goes through one gemm, whose sums need not cancel pair by pair: only ~ulps.
        for (double gi : g) {
            assertThat(Math.abs(gi)).isLessThan(1e-12);
        }
        TwoLayerNet ind = TwoLayerNet.initialise(30, 1000, TwoLayerNet.Init.INDEPENDENT, 3, 0);
        ind.evaluate(50, s.x(), v, null);
        assertThat(java.util.Arrays.stream(v).map(Math::abs).max().orElseThrow()).isGreaterThan(0.1);
    }

    @Test
    void oddWidthWithAntisymmetricInitIsRefused() {
        assertThatThrownBy(() -> TwoLayerNet.initialise(5, 7, TwoLayerNet.Init.ANTISYMMETRIC, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width: 7 must be even");
    }

    /**
     * docs/ntk.md §4 / issue 6: n = 100, d = 200, sphere, m = 10⁴, η = 1/λ_max, 400 steps, σ = 0.5,
     * 200 test points. Thresholds from the issue: max |f_net − f_kernel| &lt; 5e-2 against the
     * infinite-width kernel after the same GD steps, relative weight movement &lt; 1e-3.
     * Measured over seeds 1–6, 11, 12: max gap 2.1e-2 … 4.5e-2 and one 7.2e-2 (seed 11), RMS gap
     * 7–9e-3, movement 7.2–8.1e-4. The gap to the infinite kernel is the finite-width kernel error
     * (‖Θ̂ − Θ‖/‖Θ‖ ≈ 2.5e-2 ≈ 2.5/√m) and varies with the draw; the network against its own
     * linearisation at initialisation is 100× tighter (seen 6.9e-4 … 8.4e-4, asserted &lt; 5e-3), which
     * is the laziness itself. Seed 1 is the first seed; the RMS gap is asserted at 2e-2 (2× seen).
     */
    @Test
    void wideNetworkTrainedByGradientDescentTracksTheKernel() {
        int d = 200;
        NtkData data = sphere(d);
        NtkData.Sample train = data.train(100, 1, 0);
        NtkData.Sample test = data.test(200, 1, 0);
        TwoLayerNet net = TwoLayerNet.initialise(d, 10_000, TwoLayerNet.Init.ANTISYMMETRIC, 1, 0);
        GdOptions o = GdOptions.firstLayer(400);
        LazyTraining.Result r = LazyTraining.train(net, train, o);
        double gap = LazyTraining.kernelGap(r, train, test);
        double linGap = LazyTraining.linearisedGap(r, train, test, o);
        double[] fn = new double[test.n()];
        double[] fk = new double[test.n()];
        r.net().evaluate(test.n(), test.x(), fn, null);
        LazyTraining.kernelReference(r, train).evaluate(test.n(), test.x(), fk, null);
        double rms = 0;
        for (int t = 0; t < test.n(); t++) {
            rms += (fn[t] - fk[t]) * (fn[t] - fk[t]) / test.n();
        }
        rms = Math.sqrt(rms);
        System.out.printf("lazy: gap=%.3e rms=%.3e linGap=%.3e move=%.3e flipped=%.3e ntkErr0=%.3e ntkErrT=%.3e"
                + " mse=%.3e%n", gap, rms, linGap, r.weightMove(), r.flipped(), r.ntkRelErrInit(), r.ntkRelErrFinal(),
                r.trainMse());
        assertThat(gap).isLessThan(5e-2);
        assertThat(rms).isLessThan(2e-2);
        assertThat(linGap).isLessThan(5e-3);
        assertThat(r.weightMove()).isLessThan(1e-3);
        // 400 steps at η = 1/λ_max with condition number ≈ 4 (docs/ntk.md §3: λ_min ≈ d/4) interpolate.
        assertThat(r.trainMse()).isLessThan(1e-10);
        assertThat(r.eta()).isEqualTo(1 / r.lambdaMax());
    }

    /**
     * Issue 23: η ≥ 2/λ_max is no longer refused (outside the lazy regime GD may still converge); a run
     * that diverges stops with an error naming eta (ActivationTrainingTest.divergenceIsAnErrorNamingEta).
     * A ReLU network at 10/λ_max does not blow up here (the large first steps switch neurons off: the
     * catapult), which is why the refusal was dropped: the loss after 50 steps stays finite.
     */
    @Test
    void largeStepsAreAllowedAndDivergenceNamesEta() {
        NtkData data = sphere(20);
        NtkData.Sample train = data.train(10, 1, 0);
        TwoLayerNet net = TwoLayerNet.initialise(20, 100, TwoLayerNet.Init.ANTISYMMETRIC, 1, 0);
        double lmax = LazyTraining.maxEigenvalue(10, LazyTraining.empiricalNtk(net, train, GdOptions.firstLayer(1)));
        LazyTraining.Result edge = LazyTraining.train(net, train, new GdOptions(2 / lmax, 5, true, false));
        assertThat(edge.trainMse()).isFinite();
        assertThat(LazyTraining.train(net, train, new GdOptions(10 / lmax, 50, true, false)).trainMse()).isFinite();
        LazyTraining.Result ok = LazyTraining.train(net, train, new GdOptions(1.9 / lmax, 5, true, false));
        assertThat(ok.trainMse()).isFinite();
    }
}
