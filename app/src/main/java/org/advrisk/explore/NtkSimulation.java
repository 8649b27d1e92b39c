package org.advrisk.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.advrisk.attack.Ball;
import org.advrisk.columns.Columns;
import org.advrisk.kernel.Activation;
import org.advrisk.kernel.ReluNtk;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.linalg.MemoryBudget;
import org.advrisk.ntk.NtkConfig;
import org.advrisk.ntk.NtkData;
import org.advrisk.ntk.NtkFlowRows;
import org.advrisk.ntk.NtkRow;
import org.advrisk.ntk.NtkTrial;
import org.advrisk.ntk.TestRisks;
import org.advrisk.ntk.TwoLayerNet;
import org.advrisk.param.Choices;
import org.advrisk.param.Parameters;
import org.advrisk.random.Distribution;
import org.advrisk.stats.MeanSe;

/**
 * The kernel simulation of {@code POST /api/simulate-ntk}: the infinite-width K1 kernel ridge path of
 * {@code advrisk ntk --width inf} (Gaussian inputs x = Σ^{1/2}z in d dimensions, clean target, PGD on the
 * test points) at the panel's point over a λ list, training set t with the streams (seed, t): the rows
 * are those of the command line with the same flags, which {@link #command} spells out.
 *
 * @param config the experiment (width 0, kernel K1)
 * @param trials training sets
 * @param flops  priced cost of the whole simulation
 */
record NtkSimulation(NtkConfig config, int trials, double flops) implements SimulationWork<List<NtkRow>> {
    /** PGD steps and restarts of the simulation (the command line's defaults). */
    static final int STEPS = 20;
    static final int RESTARTS = 2;

    /** Every parameter with what it allows. */
    static final Map<String, String> ALLOWED = allowed();

    private static Map<String, String> allowed() {
        Map<String, String> m = new LinkedHashMap<>(NtkView.ALLOWED);
        m.remove("lambda-grid");
        m.remove("n-grid");
        m.put("n", "an integer from 1 to " + Limits.MAX_SIM_N);
        m.put("lambda", "numbers >= 0 and/or logspace:LO,HI,COUNT, at most " + Limits.MAX_SIM_LAMBDAS + " values");
        m.put("trials", "an integer from 1 to " + Limits.MAX_SIM_TRIALS);
        m.put("test-size", "an integer from 2 to 100000");
        m.put("activation", Activation.ALLOWED);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Flops of one training set: the kernel Gram n²d and its eigendecomposition n³; per λ the linear ridge
     * reference (another n²d + n³), the predictions at the test points (test-size·n·d) and PGD, each of
     * (restarts + 1)·steps gradient steps per test point costing a prediction and its gradient (2·n·d).
     */
    static double trialFlops(long n, long d, long lambdas, long testSize) {
        double fit = (double) n * n * d + (double) n * n * n;
        double perLambda = fit + (double) testSize * n * d * (1 + 2.0 * (RESTARTS + 1) * STEPS);
        return fit + lambdas * perLambda;
    }

    /** Reads, checks and prices one request; refusals name the parameter. */
    static NtkSimulation parse(Query q) {
        SpectrumSpec spectrum = q.get("spectrum", "isotropic", Parsers::spectrum);
        GroundTruthSpec thetaSpec = q.get("theta", "top:k=1,norm=1", Parsers::theta);
        int n = (int) (long) q.get("n", "200", t -> Parsers.integer("n", t, 1, Limits.MAX_SIM_N));
        int d = (int) (long) q.get("d", "400", t -> Parsers.integer("d", t, 1, NtkView.MAX_D));
        double sigma = q.get("sigma", "0.5", t -> Parsers.nonNegative("sigma", t));
        Distribution noise = q.get("noise", Choices.NOISE.defaultText(), t -> Parsers.distribution("noise", t));
        long seed = q.get("seed", Parameters.SEED_DEFAULT, Parsers::seed);
        double[] lambdas = q.get("lambda", "0", t -> Parsers.list("lambda", t, Limits.MAX_SIM_LAMBDAS));
        double alpha = q.get("alpha", "0.1", t -> Parsers.one("alpha", t));
        AttackNorm attack = q.get("attack", "l2", t -> Parsers.attack(t, true));
        int trials = (int) (long) q.get("trials", "3", t -> Parsers.integer("trials", t, 1, Limits.MAX_SIM_TRIALS));
        int testSize = (int) (long) q.get("test-size", "200", t -> Parsers.integer("test-size", t, 2, 100_000));
        Activation activation = q.get("activation", "relu", Activation::parse);
        double perTrial = trialFlops(n, d, lambdas.length, testSize);
        double flops = trials * perTrial;
        if (flops > Limits.MAX_NTK_SIM_FLOPS) {
            double fit = trials * ((double) n * n * d + (double) n * n * n) * (1 + lambdas.length);
            boolean test = flops - fit > fit;
            String field = test ? "test-size" : "n";
            String value = test ? Integer.toString(testSize) : Integer.toString(n);
            throw q.refuse(field, value, String.format(Locale.ROOT, "%s: %s with n=%d, d=%d, %d lambda values, test-size=%d"
                    + " and %d trials costs about %s flops (kernel Gram n²d, eigendecomposition n³, PGD %d steps × %d"
                    + " starts on every test point), more than the explorer's limit %s per simulation; use %s, fewer"
                    + " trials or lambda values, a smaller d (or advrisk ntk, which has no such limit)", field, value, n, d,
                    lambdas.length, testSize, trials, Limits.sci(flops), STEPS, RESTARTS + 1,
                    Limits.sci(Limits.MAX_NTK_SIM_FLOPS), test ? "a smaller test-size" : "a smaller n"));
        }
        try {
            MemoryBudget.require("n", n, v -> MemoryBudget.ntkTrial(v, d, testSize, 0),
                    "n×n kernel matrices, " + testSize + " test points in d = " + d + " dimensions");
            NtkData data = new NtkData(spectrum.withSize(d), false, thetaSpec.withSize(d, seed), sigma, noise);
            TestRisks.Options risks = new TestRisks.Options(new double[] {alpha}, List.of(Ball.parse(attack.label())),
                    STEPS, RESTARTS, 128);
            NtkConfig c = new NtkConfig(n, data, ReluNtk.K1, 0, TwoLayerNet.Init.ANTISYMMETRIC, Double.NaN, 400, lambdas,
                    risks, testSize, seed, activation, 1.0);
            return new NtkSimulation(c, trials, flops);
        } catch (IllegalArgumentException e) {
            throw q.refuse(e);
        }
    }

    @Override
    public List<NtkRow> trial(int t) {
        return NtkTrial.run(config, t, 1, new NtkFlowRows.Choice(true, null));
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "ntk");
        m.put("kernel", "k1");
        m.put("activation", config.activation().label());
        return m;
    }

    /**
     * Mean and standard error (sample standard deviation / √trials; null for one trial) of the standard
     * risk, the PGD adversarial risk and E‖∇f̂‖² (norm_l2²) at each λ, and every row.
     */
    @Override
    public Map<String, Object> summary(List<List<NtkRow>> done) {
        double[] lambdas = config.lambdas();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Columns.LAMBDA.name(), lambdas);
        m.put("trials", done.size());
        String[] names = {Columns.STD_RISK.name(), Columns.ADV_RISK.name(), Columns.NORM_SQ.name()};
        int t = done.size();
        for (int c = 0; c < names.length; c++) {
            double[] mean = new double[lambdas.length];
            Double[] se = new Double[lambdas.length];
            for (int i = 0; i < lambdas.length; i++) {
                int row = i;
                int col = c;
                MeanSe ms = MeanSe.of(done.stream().mapToDouble(tr -> value(tr.get(row), col)).toArray());
                mean[i] = ms.mean();
                se[i] = t < 2 ? null : ms.se();
            }
            m.put(names[c] + "_mean", mean);
            m.put(names[c] + "_se", se);
        }
        if (!done.isEmpty()) {
            List<Map<String, Object>> flat = new ArrayList<>();
            done.forEach(tr -> tr.forEach(r -> flat.add(r.toMap())));
            m.put("rows", flat);
        }
        return m;
    }

    private static double value(NtkRow r, int c) {
        return switch (c) {
            case 0 -> r.stdRisk();
            case 1 -> r.advRisk();
            default -> r.normL2() * r.normL2();
        };
    }
}
