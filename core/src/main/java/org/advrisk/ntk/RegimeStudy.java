package org.advrisk.ntk;

import java.util.ArrayList;
import java.util.List;
import org.advrisk.attack.Ball;
import org.advrisk.kernel.Activation;
import org.advrisk.kernel.ReluNtk;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.random.Distribution;

/**
 * Claim (iii) across activations and training regimes: for each activation, the kernel limit (width
 * inf, the K1 interpolator), a lazy network (A = 1) and a rich one (small A), first layer trained by GD
 * to interpolation, over n with several training sets per n. Data: the claim (iii) two-level spectrum
 * (5 spikes at 1, tail mass 20, θ* uniform on the spikes, ‖θ*‖ = 1, σ = 0.5) with d = dRatio·n; l2 PGD.
 * Each point is one {@link NtkTrial#run} (so the same seeds and risks as {@code advrisk ntk}).
 *
 * @param activations activations studied
 * @param ns          training sizes (ascending)
 * @param trials      training sets per n
 * @param dRatio      d = dRatio·n
 * @param width       network width m
 * @param gdSteps     GD steps of the lazy network (η = 1/λ_max(Θ̂(0))); the rich one takes 2× as many
 * @param richScale   the output scale A of the rich regime
 * @param alpha       l2 attack budget
 * @param pgdSteps    PGD steps (up and down)
 * @param restarts    PGD random restarts
 * @param testSize    test points
 * @param seed        master seed
 */
public record RegimeStudy(List<Activation> activations, int[] ns, int trials, int dRatio, int width, int gdSteps,
                          double richScale, double alpha, int pgdSteps, int restarts, int testSize, long seed) {
    /** The regimes, in table order. */
    public enum Regime {
        /** Infinite width: the K1 kernel interpolator. */
        KERNEL("kernel"),
        /** A = 1: the lazy network. */
        LAZY("lazy"),
        /** Small A: feature learning. */
        RICH("rich");

        private final String label;

        Regime(String label) {
            this.label = label;
        }

        /** The label used in files. */
        public String label() {
            return label;
        }
    }

    /**
     * One network or kernel fit.
     *
     * @param activation  activation label
     * @param regime      kernel, lazy or rich
     * @param scale       A (1 for kernel and lazy)
     * @param n           training size
     * @param d           input dimension
     * @param trial       training set
     * @param stdRisk     R
     * @param advRisk     R_α (PGD)
     * @param gradSq      E‖∇f‖² (norm_l2²; a.e. gradient for networks)
     * @param trainMse    training MSE
     * @param weightMove  relative ‖W − W0‖ (NaN for the kernel)
     * @param kernelMove  relative change of the empirical NTK Gram (NaN for the kernel)
     * @param gtAdvRisk   the ground truth's α²‖θ*‖²
     */
    public record Point(String activation, String regime, double scale, int n, int d, int trial, double stdRisk,
                        double advRisk, double gradSq, double trainMse, double weightMove, double kernelMove,
                        double gtAdvRisk) {
    }

    /** All points, in (activation, regime, n, trial) order; trials of one cell run on up to {@code threads} threads. */
    public List<Point> run(int threads) {
        List<Point> out = new ArrayList<>();
        for (Activation act : activations) {
            for (Regime regime : Regime.values()) {
                for (int n : ns) {
                    NtkConfig c = config(act, regime, n);
                    out.addAll(org.advrisk.random.OrderedParallel.map(trials, Math.min(trials, threads),
                            t -> point(act, regime, c, t)));
                }
            }
        }
        return out;
    }

    /** The data of the study at input dimension d (the claim (iii) two-level spectrum and θ*, σ = 0.5). */
    public static NtkData data(int d, long seed) {
        return new NtkData(SpectrumSpec.parse("twolevel:spikes=5,spike=1,tail=20").withSize(d), false,
                GroundTruthSpec.parse("top:k=5,norm=1").withSize(d, seed), 0.5, Distribution.GAUSSIAN);
    }

    /**
     * The null risk ‖θ*‖²_Σ = E f*(x)² of the data at input dimension d: the standard risk of the predictor 0,
     * against which "the interpolator learns" is measured.
     */
    public static double nullRisk(int d, long seed) {
        NtkData data = data(d, seed);
        double[] t = data.thetaVector();
        double s = 0;
        for (int k = 0; k < t.length; k++) {
            s += data.spectrum().value(k) * t[k] * t[k];
        }
        return s;
    }

    /** The configuration of one cell at one n. */
    public NtkConfig config(Activation act, Regime regime, int n) {
        int d = dRatio * n;
        NtkData data = data(d, seed);
        TestRisks.Options risks = new TestRisks.Options(new double[] {alpha}, List.of(Ball.parse("l2")), pgdSteps,
                restarts, 128);
        int m = regime == Regime.KERNEL ? 0 : width;
        double scale = regime == Regime.RICH ? richScale : 1.0;
        int steps = regime == Regime.RICH ? 2 * gdSteps : gdSteps;
        return new NtkConfig(n, data, ReluNtk.K1, m, TwoLayerNet.Init.ANTISYMMETRIC, Double.NaN, steps,
                new double[] {0}, risks, testSize, seed, act, scale);
    }

    /**
     * One fit: the data, seeds, training and risk estimates of {@link NtkTrial#run} for this trial, without
     * its diagnostics (kernel tracking, linearisation), which this study does not report.
     */
    private static Point point(Activation act, Regime regime, NtkConfig c, int trial) {
        NtkData data = c.data();
        int d = data.d();
        NtkData.Sample train = data.train(c.n(), c.seed(), trial);
        NtkData.Sample test = data.test(c.testSize(), c.seed(), trial);
        org.advrisk.attack.Predictor f;
        double mse;
        double wm = Double.NaN;
        double km = Double.NaN;
        if (c.width() == 0) {
            org.advrisk.kernel.KernelRidgePath path = org.advrisk.kernel.KernelRidgePath.fit(c.activationKernel(), d,
                    c.n(), train.x(), train.y());
            double[] coef = path.coefficients(0);
            f = path.predictor(coef);
            mse = path.trainMse(coef);
        } else {
            TwoLayerNet net = TwoLayerNet.initialise(d, c.width(), c.init(), c.seed(), trial, act, c.scale());
            LazyTraining.Result r = LazyTraining.train(net, train, c.gdOptions());
            f = r.net();
            mse = r.trainMse();
            wm = r.weightMove();
            km = r.kernelMove();
        }
        TestRisks.Result risks = TestRisks.evaluate(f, test, data.thetaVector(), c.risks(), c.seed(), trial, 1);
        TestRisks.Adversarial a = risks.adversarial().get(0);
        double g = risks.gradL2Rms();
        return new Point(act.label(), regime.label(), c.scale(), c.n(), d, trial, risks.std().mean(), a.pgd().mean(),
                g * g, mse, wm, km, a.groundTruth());
    }
}
