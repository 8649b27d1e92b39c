package org.advrisk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.advrisk.columns.Row;
import org.advrisk.experiment.Engine;
import org.advrisk.linalg.Blas;
import org.advrisk.model.AttackNorm;
import org.advrisk.linear.DualRidgePath;
import org.advrisk.linear.GramStats;
import org.advrisk.model.LinearProblem;
import org.advrisk.linear.LinearQuery;
import org.advrisk.linear.LinearRiskRow;
import org.advrisk.advtrain.AdvTrainTrial;
import org.advrisk.linear.LinearTrial;
import org.advrisk.advtrain.AdvTrainEstimator;
import org.advrisk.linear.RidgePath;
import org.advrisk.linear.TailMode;
import org.advrisk.linear.WishartTail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code advrisk linear}: samples training sets of one linear problem and prints the exact standard
 * and adversarial risks of the whole ridge path (λ = 0 is min-norm), one row per (trial, λ, attack,
 * target, α).
 */
@Command(name = "linear", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Exact standard and adversarial risks of ridge regression and the min-norm interpolator.",
            "Risks are excess risks against the clean response <x,θ*>; λ is ours (scikit-learn's alpha = nλ)."},
        footer = {"", "Example:",
            "  advrisk linear --spectrum twolevel:spikes=10,spike=1,tail=1 --n 200 --p 40000 \\",
            "      --lambda 0,logspace:-4,1,6 --alpha 0.1,0.25 --attack l2,linf --trials 3 --format csv",
            "  advrisk linear --spectrum twolevel:spikes=10,spike=1,tail=1 --n 1000 --p 1000000000 \\",
            "      --lambda 0,logspace:-4,1,20 --alpha 0.1   # p = 1e9 in seconds: exact Wishart tail"})
public final class LinearCommand implements Callable<Integer> {
    @Mixin
    ProblemOptions problem;

    @Mixin
    PathOptions.Lambda lambda;

    @Mixin
    QueryOptions query;

    @Mixin
    ThreatOptions threat;

    @Mixin
    EstimatorOptions estimators;

    @Mixin
    PathOptions.Trials trialsOption;

    @Option(names = "--test-size", defaultValue = "10000", paramLabel = "N",
            description = "Test points for E|<x,θ̂-θ*>| with a Rademacher design (Gaussian designs are exact). Default: ${DEFAULT-VALUE}.")
    int testSize;

    @Option(names = "--exact-tail", defaultValue = "auto", paramLabel = "MODE",
            description = {"Constant spectral tail (twolevel, isotropic, equal trailing eigenvalues): auto | on | off.",
                "auto draws its Gram contribution exactly from a Wishart law (Bartlett, O(n^3), any p) when the",
                "design is gaussian, only l2 attacks are asked for and the tail has >= 2n features; else it streams",
                "every feature (needed for θ̂ itself: linf/l1/lp norms, rademacher designs). on forces Wishart,",
                "off forces streaming. Same distribution either way, different random numbers.",
                "Example: --exact-tail off. Default: ${DEFAULT-VALUE}."})
    String exactTail;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--theory",
            description = {"Add deterministic-equivalent predictions de_std_risk, de_adv_risk, de_norm_l2 next to",
                "the simulated columns (l2 proved, linf empirical; see advrisk theory). Example: --theory."})
    boolean theory;

    @Option(names = "--blas-threads", paramLabel = "N",
            description = {"Opt-in: N OpenBLAS threads inside each eigendecomposition and n×n product (faster for one",
                "large training set). Trials then run one at a time. Results are reproducible for a fixed N, but the",
                "last bits change between values of N (LAPACK's parallel reductions). Default: unset (BLAS single-",
                "threaded, results bit-identical for any --threads). Example: --blas-threads 2."})
    Integer blasThreads;

    @Mixin
    FormatOption output;

    @Mixin
    EngineOptions engine;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        OutputFormat fmt = output.parse();
        org.advrisk.param.Parameters.TRIALS.check(trialsOption.trials);
        int workers = Threads.resolve(threads);
        TailMode asked = TailMode.parse(exactTail);
        LinearProblem pr = problem.problem();
        LinearQuery query = query();
        Estimators est = estimators(pr);
        TailMode resolved = LinearTrial.resolve(pr, query, asked);
        if (est.advtrain && pr.p() >= pr.n() && resolved.usesWishart(pr)) {
            if (asked == TailMode.EXACT) {
                throw new IllegalArgumentException("exact-tail: on cannot serve --estimator advtrain, which holds the"
                        + " streamed design; use --exact-tail auto|off");
            }
            resolved = TailMode.STREAM; // the ridge rows must see the training set advtrain holds
        }
        TailMode mode = resolved;
        boolean remote = engine.remote();
        if (remote && blasThreads != null) {
            throw new IllegalArgumentException("blas-threads: not available with --engine spark (executors run BLAS"
                    + " single-threaded so that every engine gives the same bits); drop --blas-threads");
        }
        if (remote && est.advtrain) {
            throw new IllegalArgumentException("estimator: advtrain is not available with --engine spark (it holds the"
                    + " design on one machine); drop --engine spark or use --estimator ridge");
        }
        checkStreamingSize(pr, query, asked, mode, remote);
        long parallel = Math.min(trialsOption.trials, blasThreads == null ? workers : 1);
        org.advrisk.linalg.MemoryBudget.require("n", pr.n(),
                v -> parallel * org.advrisk.linalg.MemoryBudget.linearTrial(v, pr.p()),
                parallel + " training set(s) at once, each with n×n Gram, covariance and eigenvector matrices");
        List<List<LinearRiskRow>> perTrial = List.of();
        List<Row> rows = new ArrayList<>();
        if (est.flow.any() || !est.plugins.isEmpty()) {
            if (remote) {
                throw new IllegalArgumentException("estimator: gf and gd are not available with --engine spark on the"
                        + " command line; run them from a spec file (advrisk run --engine spark), or drop --engine spark");
            }
            if (blasThreads != null && blasThreads < 1) {
                throw new IllegalArgumentException("blas-threads: " + blasThreads + " must be >= 1");
            }
            int previous = blasThreads == null ? 0 : Blas.threads(blasThreads);
            try {
                Threads.map(trialsOption.trials, blasThreads == null ? workers : 1,
                        (t, inner) -> est.plugins.isEmpty()
                                ? org.advrisk.linear.SpectralTrial.evaluate(pr, query, est.ridge, est.flow,
                                        est.advtrain, problem.seed(), t, inner, mode)
                                : org.advrisk.estimator.SpectralRows.evaluate(pr, query, est.ridge, est.flow,
                                        est.advtrain, est.plugins, problem.seed(), t, inner, mode)).forEach(rows::addAll);
            } finally {
                if (blasThreads != null) {
                    Blas.threads(previous);
                }
            }
        } else if (est.ridge) {
            if (remote) {
                perTrial = onEngine(pr, query, mode, workers);
            } else if (blasThreads == null) {
                perTrial = Threads.map(trialsOption.trials, workers,
                        (t, inner) -> LinearTrial.evaluate(pr, query, problem.seed(), t, inner, mode));
            } else {
                perTrial = withBlasThreads(pr, query, mode, workers);
            }
        }
        for (List<LinearRiskRow> trialRows : perTrial) {
            for (LinearRiskRow r : trialRows) {
                rows.add(est.advtrain ? AdvTrainTrial.withColumns(r.row(), "ridge", Double.NaN, "", 0, 0, null) : r.row());
            }
        }
        if (est.advtrain) {
            List<List<Row>> adv = Threads.map(trialsOption.trials, workers,
                    (t, inner) -> AdvTrainTrial.evaluate(pr, query, est.deltas, est.attack, problem.seed(), t));
            adv.forEach(trialRows -> trialRows.forEach(r -> rows.add(est.flow.any()
                    ? org.advrisk.linear.FlowColumns.none(r) : r)));
        }
        List<Row> all = new ArrayList<>(org.advrisk.estimator.SpectralRows.pad(rows, est.plugins));
        if (theory) {
            all.replaceAll(new org.advrisk.theory.TheoryColumns(pr)::addTo);
        }
        PrintWriter out = spec.commandLine().getOut();
        fmt.write(all.stream().map(Row::toMap).toList(), out);
        return 0;
    }

    /**
     * --engine spark: trials one at a time; each streamed Gram sum is cut into chunks that run as
     * cluster tasks and come back in chunk order (the same bits as the local path), then the driver
     * decomposes and evaluates as locally. A constant tail drawn exactly (Wishart) or p < n has no
     * huge sum to distribute and runs on the driver.
     */
    private List<List<LinearRiskRow>> onEngine(LinearProblem pr, LinearQuery query, TailMode mode, int workers) {
        boolean distributed = pr.p() >= pr.n() && !mode.usesWishart(pr);
        PrintWriter err = spec.commandLine().getErr();
        if (!distributed) {
            err.println("note: --engine spark distributes streamed Gram sums only; this problem "
                    + (pr.p() < pr.n() ? "has p < n" : "draws its constant tail exactly (Wishart)")
                    + ", so it runs on the driver");
            err.flush();
            return Threads.map(trialsOption.trials, workers, (t, inner) -> LinearTrial.evaluate(pr, query, problem.seed(), t, inner, mode));
        }
        if (LinearTrial.needsTheta(pr, query)) {
            err.println("note: l1/linf/lp attacks and non-gaussian designs rebuild θ̂ on the driver by streaming all p"
                    + " features once more; only the Gram sum runs on the cluster");
            err.flush();
        }
        Blas.threads(1);
        List<List<LinearRiskRow>> out = new ArrayList<>();
        try (Engine e = engine.open(System.err)) {
            for (int t = 0; t < trialsOption.trials; t++) {
                GramStats g = e.gram(problem.problemSpec(), t);
                RidgePath path = DualRidgePath.fromStats(pr, problem.seed(), t, workers, g);
                out.add(LinearTrial.evaluate(path, query, problem.seed(), t));
            }
        }
        return out;
    }

    /** --blas-threads: trials one at a time, each with BLAS multi-threaded outside the parallel streaming. */
    private List<List<LinearRiskRow>> withBlasThreads(LinearProblem pr, LinearQuery query, TailMode mode, int workers) {
        if (blasThreads < 1) {
            throw new IllegalArgumentException("blas-threads: " + blasThreads + " must be >= 1");
        }
        int previous = Blas.threads(blasThreads);
        try {
            List<List<LinearRiskRow>> out = new ArrayList<>();
            for (int t = 0; t < trialsOption.trials; t++) {
                out.add(LinearTrial.evaluate(pr, query, problem.seed(), t, workers, mode));
            }
            return out;
        } finally {
            Blas.threads(previous);
        }
    }

    /** Streaming costs about n²·p flops per training set: say so, and refuse beyond {@link #MAX_STREAM_FLOPS}. */
    private void checkStreamingSize(LinearProblem pr, LinearQuery query, TailMode asked, TailMode mode,
                                    boolean remote) {
        boolean wishart = pr.p() >= pr.n() && mode.usesWishart(pr);
        if (wishart) {
            return;
        }
        double flops = (double) pr.n() * pr.n() * pr.p();
        boolean couldBeExact = asked == TailMode.AUTO && WishartTail.preferred(pr) && LinearTrial.needsTheta(pr, query);
        if (!remote) {
            org.advrisk.linalg.MemoryBudget.requireStreamingFlops(pr.n(), pr.p(),
                    couldBeExact ? " (l1/linf/lp attacks need θ̂ itself)" : "");
        }
        if (couldBeExact) {
            spec.commandLine().getErr().println("note: l1/linf/lp attacks need θ̂ itself, so every one of the p="
                    + pr.p() + " features is streamed (about " + String.format(java.util.Locale.ROOT, "%.1e", flops)
                    + " flops per training set); with only l2 attacks the constant tail would be drawn exactly"
                    + " (Wishart) at a cost independent of p");
        }
    }

    /** Above this many flops per training set the streaming path is refused (about an hour on one core). */
    static final double MAX_STREAM_FLOPS = org.advrisk.linalg.MemoryBudget.MAX_STREAM_FLOPS;

    /** Which estimators the flags ask for, validated up front (advtrain: δ list, attack, design size). */
    private record Estimators(boolean ridge, boolean advtrain, double[] deltas, AttackNorm attack,
                              org.advrisk.linear.FlowQuery flow,
                              List<org.advrisk.estimator.SpectralSelection> plugins) {
    }

    private Estimators estimators(LinearProblem pr) {
        EstimatorOptions.Choice c = estimators.choice();
        if (c.advtrain()) {
            AdvTrainEstimator.checkSize(pr.n(), pr.p());
        }
        return new Estimators(c.ridge(), c.advtrain(), c.deltas(), c.attack(), c.flow(), c.plugins());
    }

    /** The evaluation query these flags describe. */
    LinearQuery query() {
        return new LinearQuery(lambda.values(), query.alphas(),
                query.attacks(), query.targets(), testSize).withThreats(threat.threats());
    }
}
