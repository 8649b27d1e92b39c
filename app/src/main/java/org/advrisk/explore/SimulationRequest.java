package org.advrisk.explore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advrisk.estimator.SpectralSelection;
import org.advrisk.model.AttackNorm;
import org.advrisk.linear.FlowQuery;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.LinearProblem;
import org.advrisk.linear.LinearQuery;
import org.advrisk.linear.LinearTrial;
import org.advrisk.model.Spectrum;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.linear.TailMode;
import org.advrisk.model.Target;
import org.advrisk.linear.WishartTail;
import org.advrisk.param.Choices;
import org.advrisk.param.Parameters;
import org.advrisk.random.Distribution;
import org.advrisk.theory.DimensionRule;

/**
 * One simulation of {@code POST /api/simulate}: the flags of {@code advrisk linear} for one attack,
 * target and α (the view's) over a λ list, {@code trials} training sets with seeds (seed, t).
 *
 * @param problem the linear problem (n, spectrum, θ*, σ, noise, design)
 * @param query   λ list, the one α, attack and target
 * @param seed    --seed
 * @param trials  --trials
 * @param mode    the tail mode actually used (auto resolved as in advrisk linear)
 * @param flops   flops of the whole simulation, Gram matrices and test-sample predictions (checked against the limit)
 * @param ridge   the ridge path at the λ list (estimator ridge, the default)
 * @param flow    gradient flow at the time list (estimator gf) and gradient descent at the step counts (gd);
 *                {@link FlowQuery#NONE} without; from the same eigendecomposition (no extra Gram cost)
 * @param plugins the registry's plug-in estimators asked for, with their values (empty without), from the
 *                same eigendecomposition
 */
record SimulationRequest(LinearProblem problem, LinearQuery query, long seed, int trials, TailMode mode,
                         double flops, boolean ridge, FlowQuery flow, List<SpectralSelection> plugins) {

    /** A ridge-only simulation. */
    SimulationRequest(LinearProblem problem, LinearQuery query, long seed, int trials, TailMode mode, double flops) {
        this(problem, query, seed, trials, mode, flops, true, FlowQuery.NONE, List.of());
    }

    /** Without plug-in estimators. */
    SimulationRequest(LinearProblem problem, LinearQuery query, long seed, int trials, TailMode mode, double flops,
                      boolean ridge, FlowQuery flow) {
        this(problem, query, seed, trials, mode, flops, ridge, flow, List.of());
    }

    /** Every parameter with what it allows. */
    static final Map<String, String> ALLOWED = allowed();

    private static Map<String, String> allowed() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("spectrum", Parsers.SPECTRUM_ALLOWED);
        m.put("p", "a positive integer, C*n or Cn (e.g. 2n), n^E (e.g. n^2)");
        m.put("n", "an integer from 1 to " + Limits.MAX_SIM_N);
        m.put("sigma", "a finite number >= 0");
        m.put("noise", Choices.NOISE.allowed());
        m.put("design", Choices.DESIGN.allowed());
        m.put("theta", Parsers.THETA_ALLOWED);
        m.put("seed", "an integer");
        m.put("lambda", "numbers >= 0 and/or logspace:LO,HI,COUNT, at most " + Limits.MAX_SIM_LAMBDAS + " values");
        m.put("alpha", "one number >= 0");
        m.put("attack", AttackNorm.ALLOWED);
        m.put("target", Target.ALLOWED);
        m.put("trials", "an integer from 1 to " + Limits.MAX_SIM_TRIALS);
        m.putAll(SimulationEstimators.parameters(Limits.MAX_SIM_LAMBDAS));
        m.put("test-size", "an integer from 2 to 100000 (rademacher designs)");
        ThreatParams.allow(m);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Reads, checks and prices one simulation; refuses it beyond {@link Limits}. */
    static SimulationRequest parse(Query q) {
        SpectrumSpec spectrum = q.get("spectrum", "isotropic", Parsers::spectrum);
        GroundTruthSpec theta = q.get("theta", "top:k=1,norm=1", Parsers::theta);
        DimensionRule rule = q.get("p", "2n", t -> {
            DimensionRule r = Parsers.p(t);
            if (r.isInfinite()) {
                throw new IllegalArgumentException(org.advrisk.param.SizeExpr.FINITE_ONLY);
            }
            return r;
        });
        int n = (int) (long) q.get("n", "100", t -> Parsers.integer("n", t, 1, Limits.MAX_SIM_N));
        double sigma = q.get("sigma", "0.5", t -> Parsers.nonNegative("sigma", t));
        Distribution noise = q.get("noise", Choices.NOISE.defaultText(), t -> Parsers.distribution("noise", t));
        Distribution design = q.get("design", Choices.DESIGN.defaultText(), t -> Parsers.distribution("design", t));
        long seed = q.get("seed", Parameters.SEED_DEFAULT, Parsers::seed);
        double[] lambdas = q.get("lambda", "0", t -> Parsers.list("lambda", t, Limits.MAX_SIM_LAMBDAS));
        double alpha = q.get("alpha", "0.1", t -> Parsers.one("alpha", t));
        AttackNorm attack = q.get("attack", "l2", t -> Parsers.attack(t, false));
        Target target = q.get("target", Choices.TARGET.defaultText(), Parsers::target);
        org.advrisk.linear.ThreatModel threat = ThreatParams.parse(q, attack, false);
        int trials = (int) (long) q.get("trials", "1", t -> Parsers.integer("trials", t, 1, Limits.MAX_SIM_TRIALS));
        int testSize = (int) (long) q.get("test-size", "10000", t -> Parsers.integer("test-size", t, 2, 100_000));
        SimulationEstimators est = SimulationEstimators.parse(q, Limits.MAX_SIM_LAMBDAS);
        try {
            long p = rule.at(n);
            Spectrum s = spectrum.withSize(p);
            LinearProblem problem = new LinearProblem(n, s, theta.withSize(p, seed), sigma, noise, design);
            LinearQuery query = new LinearQuery(lambdas, new double[] {alpha}, List.of(attack), List.of(target), testSize)
                    .withThreats(List.of(threat));
            TailMode mode = LinearTrial.resolve(problem, query, TailMode.AUTO);
            boolean wishart = problem.p() >= problem.n() && mode.usesWishart(problem);
            double width = wishart ? (double) n + WishartTail.headSize(problem) : (double) p;
            double flops = trials * (double) n * n * width;
            double draws = trials * (double) n * width;
            // a non-Gaussian design estimates E|<x, θ̂ − θ*>| on test-size fresh rows of all p features
            double testDraws = design == Distribution.GAUSSIAN ? 0 : trials * (double) testSize * p;
            double testFlops = testDraws * lambdas.length;
            if (testFlops + flops > Limits.MAX_SIM_FLOPS || testDraws + draws > Limits.MAX_SIM_DRAWS) {
                if (testFlops > flops || testDraws > draws) {
                    throw q.refuse("test-size", Integer.toString(testSize), String.format(java.util.Locale.ROOT,
                            "test-size: %d test rows of p=%d features for each of %d trials and %d lambda values cost"
                                    + " about %s flops and %s random draws (with the training sets %s and %s), more than"
                                    + " the explorer's limits %s flops and %s draws per simulation; use a smaller"
                                    + " test-size, fewer trials or lambda values, or a smaller p",
                            testSize, p, trials, lambdas.length, Limits.sci(testFlops), Limits.sci(testDraws),
                            Limits.sci(testFlops + flops), Limits.sci(testDraws + draws),
                            Limits.sci(Limits.MAX_SIM_FLOPS), Limits.sci(Limits.MAX_SIM_DRAWS)));
                }
                String how = wishart ? "" : " (every feature is streamed"
                        + (LinearTrial.needsTheta(problem, query) ? ": l1/linf/lp attacks and rademacher designs need θ̂ itself"
                        : WishartTail.preferred(problem) ? "" : ": this spectrum has no constant tail of >= 2n features") + ")";
                throw q.refuse("p", q.text("p", "2n"), String.format(java.util.Locale.ROOT,
                        "p: %d with n=%d and %d trials costs about %s Gram flops and %s random draws%s, more than the"
                                + " explorer's limits %s flops and %s draws per simulation; use fewer trials, a smaller n"
                                + " or p (or advrisk linear, which has no such limit)",
                        p, n, trials, Limits.sci(flops + testFlops), Limits.sci(draws + testDraws), how,
                        Limits.sci(Limits.MAX_SIM_FLOPS), Limits.sci(Limits.MAX_SIM_DRAWS)));
            }
            flops += testFlops;
            return new SimulationRequest(problem, query, seed, trials, mode, flops, est.ridge(), est.flow(), est.plugins());
        } catch (IllegalArgumentException e) {
            throw q.refuse(e);
        }
    }
}
