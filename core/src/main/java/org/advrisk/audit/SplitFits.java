package org.advrisk.audit;

import java.util.ArrayList;
import java.util.List;
import org.advrisk.data.GramAccumulator;
import org.advrisk.data.RowFanOut;
import org.advrisk.data.Rows;
import org.advrisk.data.Split;
import org.advrisk.data.TrainingStatistics;

/**
 * Per split of an audit: the training statistics, the fitted ridge path, θ̂ for every λ and the test
 * evaluation of all of them. With several splits of one table (repeated random splits, K-fold), whose
 * membership is known before any row is visited, every split's training sums are gathered in ONE pass
 * over the rows and every split's test residuals in one more (each split's sums on one thread, in row
 * order: the same bits as split by split, for any thread count). Otherwise, or when the accumulators
 * of all splits at once would take more than a fifth of the heap, each split makes its own passes when
 * it is asked for.
 */
final class SplitFits {
    /** One split's fit and evaluation. */
    record Fit(TrainingStatistics st, TableRidgePath path, double[] thetas, TestEvaluation.Result ev) {
    }

    private final Rows train;
    private final Rows test;
    private final List<Split> splits;
    private final AuditOptions o;
    private final double[] lambdas;
    private final double[] normExponents;
    private final List<Fit> fused;

    private SplitFits(Rows train, Rows test, List<Split> splits, AuditOptions o, double[] lambdas, double[] normExponents,
                      List<Fit> fused) {
        this.train = train;
        this.test = test;
        this.splits = splits;
        this.o = o;
        this.lambdas = lambdas;
        this.normExponents = normExponents;
        this.fused = fused;
    }

    /**
     * The fits of {@code splits} ({@code test} null: the splits' masks pick the test rows of {@code train});
     * {@code normExponents} (may be empty) asks for the mean training ‖z‖_p in the test pass.
     */
    static SplitFits of(Rows train, Rows test, List<Split> splits, AuditOptions o, double[] lambdas, double[] normExponents) {
        return of(train, test, splits, o, lambdas, normExponents, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 5);
    }

    /** As {@link #of(Rows, Rows, List, AuditOptions, double[], double[])} with the fused passes' threads and memory. */
    static SplitFits of(Rows train, Rows test, List<Split> splits, AuditOptions o, double[] lambdas, double[] normExponents,
                        int threads, long budget) {
        List<Fit> fused = null;
        if (test == null && splits.size() > 1) {
            long rest = budget - splits.size() * heldBytes(train.p(), lambdas.length);
            List<TrainingStatistics> stats = rest <= 0 ? null
                    : GramAccumulator.accumulateAll(train, splits, o.standardize(), o.dropConstant(), threads, rest);
            if (stats != null) {
                fused = evaluateAll(train, splits, stats, lambdas, normExponents, threads);
            }
        }
        return new SplitFits(train, test, splits, o, lambdas, normExponents, fused);
    }

    /** Whether the splits were gathered in one pass. */
    boolean fused() {
        return fused != null;
    }

    /** The fit of split {@code s} (computed now when the splits are not fused). */
    Fit get(int s) {
        if (fused != null) {
            return fused.get(s);
        }
        Split split = splits.get(s);
        TrainingStatistics st = GramAccumulator.accumulate(train, split, o.standardize(), o.dropConstant());
        TableRidgePath path = new TableRidge().fit(st);
        double[] thetas = path.thetas(lambdas);
        TestEvaluation.Result ev = test == null
                ? TestEvaluation.run(train, split, false, st, thetas, lambdas.length, normExponents)
                : TestEvaluation.run(test, split, true, st, thetas, lambdas.length, new double[0]);
        return new Fit(st, path, thetas, ev);
    }

    private static List<Fit> evaluateAll(Rows train, List<Split> splits, List<TrainingStatistics> stats, double[] lambdas,
                                         double[] normExponents, int threads) {
        List<TableRidgePath> paths = new ArrayList<>();
        List<double[]> thetas = new ArrayList<>();
        List<TestEvaluation.Pass> passes = new ArrayList<>();
        for (int s = 0; s < splits.size(); s++) {
            TrainingStatistics st = stats.get(s);
            TableRidgePath path = new TableRidge().fit(st);
            double[] th = path.thetas(lambdas);
            paths.add(path);
            thetas.add(th);
            passes.add(new TestEvaluation.Pass(splits.get(s), false, st, th, null, lambdas.length, normExponents));
        }
        RowFanOut.run(train, passes, threads);
        List<Fit> out = new ArrayList<>();
        for (int s = 0; s < splits.size(); s++) {
            out.add(new Fit(stats.get(s), paths.get(s), thetas.get(s), passes.get(s).result()));
        }
        return out;
    }

    /** Bytes one split's fit and test pass hold besides its training accumulator (p features, L values of λ). */
    static long heldBytes(int p, int lambdas) {
        int wide = Math.max(p, lambdas);
        long block = Math.max(1, Math.min(2048, (1 << 22) / (8 * wide)));
        return 8L * (6L * p * p + 2L * p * lambdas + (p + lambdas + 1) * block);
    }
}
