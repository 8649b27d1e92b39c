package org.advrisk.ntk;

import org.advrisk.random.TrialLoop;
import java.util.ArrayList;
import java.util.List;
import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;
import org.advrisk.columns.RowTypes;
import org.advrisk.attack.Predictor;
import org.advrisk.kernel.KernelRidgePath;

/**
 * Runs NTK experiments: per trial, samples training and test data, fits the kernel ridge path
 * (infinite width) or trains a finite network by GD, and evaluates risks, laziness and the
 * linearisation. Rows come out in (trial, λ, attack, α) order; randomness is keyed by
 * (seed, trial, purpose, block), work is split over trials then test batches, so the output is
 * bit-identical for any thread count (BLAS itself should run single-threaded here).
 */
public final class NtkTrial {
    /**
     * Finite-difference step of the slope diagnostics ({@link KernelTracking}): far above the width
     * 1/√(md) of a neuron pair's kink slab, far below the attack budgets used (0.25–0.5).
     */
    public static final double FD_STEP = 0.02;

    private NtkTrial() {
    }

    /** All rows of {@code trials} trials on up to {@code threads} threads. */
    public static List<NtkRow> runAll(NtkConfig c, int trials, int threads) {
        return runAll(c, null, trials, threads);
    }

    /**
     * As {@link #runAll(NtkConfig, int, int)}; with {@code flow} (infinite width only) also kernel gradient
     * flow at its times from the same Gram decomposition ({@link NtkFlowRows}), and without
     * {@code flow.ridge()} no kernel ridge rows.
     */
    public static List<NtkRow> runAll(NtkConfig c, NtkFlowRows.Choice flow, int trials, int threads) {
        org.advrisk.param.Parameters.TRIALS.check(trials);
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads + " must be >= 1");
        }
        List<NtkRow> rows = new ArrayList<>();
        TrialLoop.run(trials, threads, TrialLoop.Inner.SHARE, (t, inner) -> run(c, t, inner, flow),
                (t, part) -> rows.addAll(part));
        return rows;
    }

    /** The rows of one trial. */
    public static List<NtkRow> run(NtkConfig c, int trial, int threads) {
        return run(c, trial, threads, null);
    }

    /** The rows of one trial, with kernel gradient flow rows when {@code flow} asks (null: none). */
    public static List<NtkRow> run(NtkConfig c, int trial, int threads, NtkFlowRows.Choice flow) {
        NtkData data = c.data();
        int d = data.d();
        int n = c.n();
        NtkData.Sample train = data.train(n, c.seed(), trial);
        NtkData.Sample test = data.test(c.testSize(), c.seed(), trial);
        double[] thetaStar = data.thetaVector();
        Linearisation lin = Linearisation.of(c.activation(), c.kernel(), d, n, train.x(), data.traceSigma(),
                data.traceSigmaSq());
        List<NtkRow> rows = new ArrayList<>();
        if (c.width() == 0) {
            KernelRidgePath path = KernelRidgePath.fit(c.activationKernel(), d, n, train.x(), train.y());
            for (double lambda : flow == null || flow.ridge() ? c.lambdas() : new double[0]) {
                double[] coef = path.coefficients(lambda);
                Predictor f = path.predictor(coef);
                rows.addAll(NtkFlowRows.ridge(rows(c, trial, 0, lambda, f, path.trainMse(coef), null, null, Double.NaN,
                        lin, train, test, thetaStar, threads), flow));
            }
            for (double t : flow == null ? new double[0] : flow.times()) {
                double[] coef = path.flowCoefficients(t);
                // the linearisation columns (lambda_eff, lin_*) at λ = 1/t, the ridge λ gradient flow is compared with
                rows.addAll(NtkFlowRows.flow(rows(c, trial, 0, 1 / t, path.predictor(coef), path.trainMse(coef), null,
                        null, Double.NaN, lin, train, test, thetaStar, threads), t));
            }
        } else {
            TwoLayerNet net = TwoLayerNet.initialise(d, c.width(), c.init(), c.seed(), trial, c.activation(), c.scale());
            LazyTraining.Result r = LazyTraining.train(net, train, c.gdOptions());
            KernelTracking track = KernelTracking.of(r, train, test, FD_STEP);
            double linGap = LazyTraining.linearisedGap(r, train, test, c.gdOptions());
            rows.addAll(NtkFlowRows.network(rows(c, trial, c.width(), 0, r.net(), r.trainMse(), r, track, linGap, lin,
                    train, test, thetaStar, threads), n * r.eta() * r.steps(), flow));
        }
        return rows;
    }

    private static List<NtkRow> rows(NtkConfig c, int trial, int m, double lambda, Predictor f, double trainMse,
                                     LazyTraining.Result lazy, KernelTracking track, double linGap, Linearisation lin,
                                     NtkData.Sample train, NtkData.Sample test, double[] thetaStar, int threads) {
        TestRisks.Result risks = TestRisks.evaluate(f, test, thetaStar, c.risks(), c.seed(), trial, threads);
        double lambdaEff = lin.lambdaEff(lambda);
        // Rule: no linear part (c1 = 0, even activations) -> no equivalent linear ridge: lin_* are NaN.
        LinearRidgeReference ridge = lin.hasLinearPart() ? LinearRidgeReference.fit(c.data(), train, test, lambdaEff) : null;
        double corr = ridge == null ? Double.NaN : correlation(risks.predictions(), ridge.predict(test));
        List<NtkRow> out = new ArrayList<>();
        for (TestRisks.Adversarial a : risks.adversarial()) {
            double std = risks.std().mean();
            double g2 = risks.gradL2Rms();
            Row.Builder b = RowTypes.NTK.row().set(Columns.TRIAL, trial).set(Columns.SEED, c.seed())
                    .set(Columns.N, c.n()).set(Columns.P, test.d()).set(Columns.D, test.d())
                    .set(Columns.M, m == 0 ? "inf" : (Object) m).set(Columns.LAMBDA, lambda)
                    .set(Columns.ALPHA, a.alpha()).set(Columns.ATTACK, a.attack().label()).set(Columns.TARGET, "clean")
                    .set(Columns.STD_RISK, std).set(Columns.STD_RISK_SE, risks.std().se())
                    .set(Columns.ADV_RISK, a.pgd().mean()).set(Columns.ADV_RISK_SE, a.pgd().se())
                    .set(Columns.GT_ADV_RISK, a.groundTruth()).set(Columns.NORM_L2, g2)
                    .set(Columns.NORM_DUAL, a.gradDualRms())
                    .set(Columns.ALPHA_C, g2 > 0 ? Math.sqrt(std) / g2 : Double.POSITIVE_INFINITY)
                    .set(Columns.TRAIN_MSE, trainMse).set(Columns.ADV_RISK_PGD, a.pgd().mean())
                    .set(Columns.ADV_RISK_FIRST_ORDER, a.firstOrder().mean())
                    .set(Columns.ADV_RISK_FIRST_ORDER_SE, a.firstOrder().se())
                    .set(Columns.GRAD_NORM, risks.gradNorm().mean())
                    .set(Columns.KERNEL_GAP, track == null ? Double.NaN : track.maxGap()).set(Columns.LIN_GAP, linGap)
                    .set(Columns.WEIGHT_MOVE, lazy == null ? Double.NaN : lazy.weightMove())
                    .set(Columns.FLIPPED, lazy == null ? Double.NaN : lazy.flipped())
                    .set(Columns.NTK_REL_ERR, lazy == null ? Double.NaN : lazy.ntkRelErrFinal())
                    .set(Columns.ETA, lazy == null ? Double.NaN : lazy.eta()).set(Columns.LAMBDA_EFF, lambdaEff)
                    .set(Columns.C0, lin.c0()).set(Columns.C1, lin.c1()).set(Columns.C2, lin.c2())
                    .set(Columns.LIN_ERROR, lin.opError())
                    .set(Columns.LIN_STD_RISK, ridge == null ? Double.NaN : ridge.stdRisk())
                    .set(Columns.LIN_ADV_RISK, ridge == null ? Double.NaN : ridge.adversarial(a.attack(), a.alpha()))
                    .set(Columns.LIN_NORM_L2, ridge == null ? Double.NaN : ridge.normL2()).set(Columns.LIN_CORR, corr);
            setTracking(b, track);
            b.set(Columns.ACTIVATION, c.activation().label()).set(Columns.SCALE, c.scale())
                    .set(Columns.KERNEL_MOVE, lazy == null ? Double.NaN : lazy.kernelMove());
            out.add(new NtkRow(b.build(), track));
        }
        return out;
    }

    /** The kernel-tracking columns (NaN at infinite width, where there is no network to track). */
    private static void setTracking(Row.Builder b, KernelTracking k) {
        b.set(Columns.KERNEL_GAP_RMS, k == null ? Double.NaN : k.rmsGap())
                .set(Columns.KERNEL_RMS, k == null ? Double.NaN : k.rmsKernel())
                .set(Columns.KERNEL_GRAD_NORM, k == null ? Double.NaN : k.kernelGradNorm())
                .set(Columns.GRAD_ALONG_KERNEL, k == null ? Double.NaN : k.netSlope())
                .set(Columns.FD_NET_SLOPE, k == null ? Double.NaN : k.fdNetSlope())
                .set(Columns.FD_KERNEL_SLOPE, k == null ? Double.NaN : k.fdKernelSlope())
                .set(Columns.GRAD_SAME_RMS, k == null ? Double.NaN : k.gradSameRms())
                .set(Columns.GRAD_SPLIT_RMS, k == null ? Double.NaN : k.gradSplitRms())
                .set(Columns.SPLIT_PAIRS, k == null ? Double.NaN : k.splitPairs());
    }

    static double correlation(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Double.NaN;
    }
}
