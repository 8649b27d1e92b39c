package org.advrisk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.advrisk.attack.Ball;
import org.advrisk.kernel.ReluNtk;
import org.advrisk.linalg.Blas;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.ntk.NtkConfig;
import org.advrisk.ntk.NtkFlowRows;
import org.advrisk.ntk.NtkData;
import org.advrisk.ntk.NtkRow;
import org.advrisk.ntk.NtkTrial;
import org.advrisk.ntk.TestRisks;
import org.advrisk.ntk.TwoLayerNet;
import org.advrisk.param.Lists;
import org.advrisk.random.Distribution;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code advrisk ntk}: standard and adversarial risks of a two-layer ReLU network in the lazy (NTK)
 * regime: the infinite-width kernel ridge path ({@code --width inf}) or a finite network trained by
 * full-batch gradient descent ({@code --width M}), with PGD and first-order attacks, laziness
 * diagnostics and the linear-ridge linearisation side by side.
 */
@Command(name = "ntk", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = NtkCommand.Defaults.class,
        description = {"Two-layer ReLU network in the lazy (NTK) regime: kernel ridge path or a finite network"
                + " trained by gradient descent; standard, first-order and PGD adversarial risks on a test sample;"
                + " laziness and linearisation diagnostics.",
            "Example: advrisk ntk --n 200 --d 400 --spectrum sphere --sigma 0.5 --kernel k1 --width inf"
                + " --lambda 0,0.01 --alpha 0.1 --attack l2,linf"},
        footer = {"Risks are excess risks against the clean target <x, theta*>, estimated on --test-size test points"
                + " (with standard errors). adv_risk = PGD estimate (a lower bound), adv_risk_first_order ="
                + " E(|f-f*| + alpha*||grad f||_q)^2. lambda_eff is the linear ridge that the kernel behaves like"
                + " (docs/ntk.md section 3); lin_* columns are that linear ridge's exact risks.",
            "--lambda is the kernel ridge parameter (ours: (K + n lambda I)^-1 y; 0 interpolates, the limit of"
                + " gradient descent); a finite --width takes lambda = 0 only. The default n of ntk is " + NtkCommand.N_DEFAULT
                + "."})
public final class NtkCommand implements Callable<Integer> {
    /** Default n of a network run: 200 (the shared --n says 100, the linear commands' default). */
    public static final String N_DEFAULT = "200";

    /** The defaults where ntk differs from the shared flags: --n is 200. */
    public static final class Defaults implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(CommandLine.Model.ArgSpec arg) {
            return arg instanceof CommandLine.Model.OptionSpec o && o.longestName().equals("--n") ? N_DEFAULT : null;
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    SampleOptions.Size sample;

    @Option(names = "--d", description = "Input dimension, e.g. --d 400 (default ${DEFAULT-VALUE}).",
            defaultValue = "400")
    int d;

    @Option(names = "--spectrum", description = "Covariance of x = Sigma^(1/2) z: sphere (uniform on the sphere of"
            + " radius sqrt(d)), isotropic, powerlaw:a=1,b=0, twolevel:spikes=10,spike=1,tail=1, geometric:r=0.9,"
            + " file:PATH. E.g. --spectrum twolevel:spikes=5,spike=1,tail=20 (default ${DEFAULT-VALUE}).",
            defaultValue = "sphere")
    String spectrum;

    @Mixin
    SampleOptions.Truth truth;

    @Option(names = "--kernel", description = "Trained layers: k1 (first), k2 (second), k1+k2 (both), e.g."
            + " --kernel k1+k2 (default ${DEFAULT-VALUE}).", defaultValue = "k1")
    String kernel;

    @Option(names = "--activation", description = "Activation of the network and its kernel: relu, abs, erf,"
            + " quadratic, tanh, softplus; the unit is sqrt(d)*sigma(w'x/sqrt(d)), so relu and abs are unchanged by the"
            + " scaling, e.g. --activation erf (default ${DEFAULT-VALUE}).", defaultValue = org.advrisk.param.Choices.ACTIVATION_DEFAULT,
            completionCandidates = ChoiceCandidates.Activation.class)
    String activation;

    @Option(names = "--scale", description = "Output scale A of a finite network: trains A*f on (1/(2A^2))sum(A f - y)^2;"
            + " 1 is the lazy network as before, small A (e.g. --scale 0.01) learns features (default ${DEFAULT-VALUE}).",
            defaultValue = "1")
    double scale;

    @Option(names = "--width", description = "inf for the infinite-width kernel, or the hidden width M of a"
            + " network trained by gradient descent, e.g. --width 20000 (default ${DEFAULT-VALUE}).",
            defaultValue = "inf")
    String width;

    @Option(names = "--init", description = "Finite network initialisation: antisymmetric (pairs (w,a),(w,-a):"
            + " f0 = 0, needs an even width) or independent (default ${DEFAULT-VALUE}).", defaultValue = "antisymmetric")
    String init;

    @Option(names = "--eta", description = "GD step size, e.g. --eta 0.001; default 1/lambda_max of the empirical"
            + " NTK Gram at initialisation; larger steps are allowed, a diverging run stops with an error.")
    Double eta;

    @Option(names = "--gd-steps", description = "GD steps of a finite network, e.g. --gd-steps 400"
            + " (default ${DEFAULT-VALUE}).", defaultValue = "400")
    int gdSteps;

    @Mixin
    PathOptions.Lambda lambda;

    @Mixin
    PathOptions.Alpha alpha;

    @Option(names = "--attack", split = ",", description = "PGD balls: l2, linf, e.g. --attack l2,linf"
            + " (default ${DEFAULT-VALUE}).", defaultValue = "l2")
    List<String> attacks;

    @Option(names = "--steps", description = "PGD steps of size 2.5*alpha/steps, e.g. --steps 50"
            + " (default ${DEFAULT-VALUE}).", defaultValue = "20")
    int steps;

    @Option(names = "--restarts", description = "PGD random restarts after the run from delta = 0, e.g. --restarts 3"
            + " (default ${DEFAULT-VALUE}).", defaultValue = "2")
    int restarts;

    @Option(names = "--test-size", description = "Test sample size for the risk estimates, e.g. --test-size 2000"
            + " (default ${DEFAULT-VALUE}).", defaultValue = "500")
    int testSize;

    @Mixin
    PathOptions.Trials trials;

    @Option(names = "--threads", description = "Worker threads (trials, then test batches); the output is identical"
            + " for any value, e.g. --threads 2 (default ${DEFAULT-VALUE}).", defaultValue = "1")
    int threads;

    @Option(names = "--theory", description = "Add the K1 kernel's deterministic-equivalent columns de_std_risk,"
            + " de_adv_risk, de_norm_l2 (what advrisk explore's NTK panel draws; --kernel k1 only; NaN on gradient-flow"
            + " rows and for abs/quadratic, whose kernel has no linear part).")
    boolean theory;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() {
        OutputFormat fmt = output.parse();
        NtkConfig config = config();
        if (theory && config.kernel() != ReluNtk.K1) {
            throw new IllegalArgumentException("theory: the NTK deterministic equivalent covers --kernel k1 only, not "
                    + kernel + "; allowed: --theory with --kernel k1");
        }
        org.advrisk.param.Parameters.TRIALS.check(trials.trials);
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads + " must be >= 1");
        }
        int previous = Blas.threads(1);
        List<NtkRow> rows;
        try {
            rows = NtkTrial.runAll(config, flowChoice(config), trials.trials, threads);
        } finally {
            Blas.threads(previous);
        }
        if (theory) {
            // The equivalent is kernel ridge's (K1) for an activation with a linear part; gradient-flow rows and
            // even activations (c1 = 0) get NaN de_* columns.
            org.advrisk.ntk.NtkEquivalent de = org.advrisk.ntk.NtkEquivalent.exists(config.activation(), config.data())
                    ? new org.advrisk.ntk.NtkEquivalent(config.data(), config.n(), config.activation()) : null;
            fmt.write(rows.stream().map(r -> (de == null || isFlow(r.row()) ? org.advrisk.theory.DePrediction.NONE
                    .addTo(r.row()) : de.addTo(r.row())).toMap()).toList(), spec.commandLine().getOut());
        } else {
            fmt.write(rows.stream().map(NtkRow::toMap).toList(), spec.commandLine().getOut());
        }
        return 0;
    }

    private static boolean isFlow(org.advrisk.columns.Row row) {
        return row.has(org.advrisk.columns.Columns.ESTIMATOR) && !"ridge".equals(row.text(org.advrisk.columns.Columns.ESTIMATOR));
    }

    @Option(names = "--estimator", defaultValue = "ridge", paramLabel = "LIST",
            description = {"With --width inf: ridge (the kernel ridge path, --lambda) and/or gf (kernel gradient flow",
                "on (1/(2n))Σ(f − y)² from f = 0 at each --time: the infinite-width limit of the trained network;",
                "t = inf interpolates, as lambda 0). A finite network reports its time = n·eta·gd-steps.",
                "Example: --estimator ridge,gf --time 1,10,inf. Default: ${DEFAULT-VALUE}."})
    String estimator;

    @Option(names = "--time", paramLabel = "LIST",
            description = "Times t >= 0 of gf: a list, logspace:LO,HI,COUNT, and inf. Example: --time logspace:0,3,4,inf.")
    String time;

    /** --estimator and --time, checked: gf needs --time and --width inf; --time needs gf. */
    NtkFlowRows.Choice flowChoice(NtkConfig config) {
        boolean ridge = false;
        boolean gf = false;
        for (String e : Lists.words("estimator", estimator)) {
            switch (e) {
                case "ridge" -> ridge = true;
                case "gf" -> gf = true;
                default -> throw new IllegalArgumentException("estimator: '" + e + "' is unknown; allowed: ridge, gf");
            }
        }
        double[] times = time == null ? null : org.advrisk.linear.FlowParams.parseTimes(time);
        if (gf && times == null) {
            throw new IllegalArgumentException("time: --estimator gf needs it, e.g. --time 1,10,inf");
        }
        if (!gf && times != null) {
            throw new IllegalArgumentException("time: given, but --estimator has no gf");
        }
        if (gf && config.width() > 0) {
            throw new IllegalArgumentException("estimator: gf is kernel gradient flow at --width inf; a finite network"
                    + " is itself trained by gradient descent (its rows carry time = n·eta·gd-steps)");
        }
        if (!ridge && config.width() > 0) {
            throw new IllegalArgumentException("estimator: a finite --width trains the network; allowed: ridge (default)");
        }
        return new NtkFlowRows.Choice(ridge, gf ? times : null);
    }

    /** Validates the flags into a configuration (IllegalArgumentException names the field). */
    NtkConfig config() {
        if (d <= 0) {
            throw new IllegalArgumentException("d: " + d + " must be >= 1");
        }
        int n = sample.n;
        org.advrisk.param.Parameters.N.check(n);
        double sigma = sample.sigma;
        org.advrisk.param.Parameters.SIGMA.check(sigma);
        boolean sphere = spectrum.trim().equalsIgnoreCase("sphere");
        var spec0 = SpectrumSpec.parse(sphere ? "isotropic" : spectrum);
        NtkData data = new NtkData(spec0.withSize(d, "d"), sphere, GroundTruthSpec.parse(truth.theta).withSize(d, truth.seed), sigma,
                Distribution.parse("noise", sample.noise));
        int m;
        String wt = width.trim().toLowerCase(Locale.ROOT);
        if (wt.equals("inf")) {
            m = 0;
        } else {
            try {
                m = Integer.parseInt(wt);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("width: '" + width + "' is not inf or a positive integer");
            }
            if (m < 1) {
                throw new IllegalArgumentException("width: " + m + " must be inf or >= 1");
            }
        }
        if (eta != null && !(eta > 0 && Double.isFinite(eta))) {
            throw new IllegalArgumentException("eta: " + eta + " must be finite and > 0");
        }
        List<Ball> balls = new ArrayList<>();
        for (String a : attacks) {
            balls.add(Ball.parse(a));
        }
        final int width0 = m;
        if ((long) testSize * d > (long) n * n) {
            org.advrisk.linalg.MemoryBudget.require("test-size", testSize,
                v -> org.advrisk.linalg.MemoryBudget.ntkTrial(n, d, v, width0),
                "test points with their inputs, gradients and cross-kernel against the n training points");
        }
        org.advrisk.linalg.MemoryBudget.require("n", n,
                v -> org.advrisk.linalg.MemoryBudget.ntkTrial(v, d, testSize, width0),
                "n×n kernel matrices, " + testSize + " test points in d = " + d + " dimensions"
                        + (m > 0 ? ", a width-" + m + " network" : ""));
        org.advrisk.linalg.MemoryBudget.require("test-size", testSize,
                v -> org.advrisk.linalg.MemoryBudget.ntkTrial(n, d, v, width0),
                "test points with their inputs, gradients and cross-kernel against the n training points");
        double[] al = alpha.values();
        TestRisks.Options risks = new TestRisks.Options(al, balls, steps, restarts, 128);
        if (!(scale > 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("scale: " + scale + " must be finite and > 0");
        }
        return new NtkConfig(n, data, ReluNtk.parse(kernel), m, TwoLayerNet.Init.parse(init),
                eta == null ? Double.NaN : eta, gdSteps, lambda.values(), risks, testSize, truth.seed,
                org.advrisk.kernel.Activation.parse(activation), scale);
    }

}
