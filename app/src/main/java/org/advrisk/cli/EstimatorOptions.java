package org.advrisk.cli;

import org.advrisk.linear.AttackNorm;
import org.advrisk.linear.FlowParams;
import org.advrisk.linear.FlowQuery;
import org.advrisk.param.Lists;
import picocli.CommandLine.Option;

/**
 * The estimator flags shared by {@code advrisk linear} and {@code advrisk audit} (one declaration, a
 * picocli mixin): which estimators run, adversarial training's budgets δ and the attack it trains
 * against. Parsed and validated once by {@link #choice()}.
 */
public final class EstimatorOptions {
    @Option(names = "--estimator", defaultValue = "ridge", paramLabel = "LIST",
            description = {"Estimators: ridge (the whole λ path), advtrain (adversarial training,",
                "argmin (1/n)Σ(|y_i − b − x_iᵀθ| + δ‖θ‖_q)², one fit per --delta; b = 0 in linear, free in audit;",
                "holds the n×p training design, n·p <= 5e7), gf (gradient flow from θ = 0 on (1/(2n))‖y − Xθ‖²,",
                "one per --time) and gd (gradient descent, --eta, one per --steps). All see the same training sets;",
                "ridge, gf and gd share one eigendecomposition.",
                "Example: --estimator ridge,gf --time 0.1,1,10,inf. Default: ${DEFAULT-VALUE}."})
    String estimator;

    @Option(names = "--delta", paramLabel = "LIST",
            description = {"Training budgets δ > 0 of advtrain: a list and/or logspace:LO,HI,COUNT.",
                "Example: --delta 0.05,0.1,logspace:-2,0,5."})
    String delta;

    @Option(names = "--train-attack", defaultValue = "l2", paramLabel = "NORM",
            description = "The attack advtrain trains against: l2 (penalty ‖θ‖₂) or linf (‖θ‖₁). Default: ${DEFAULT-VALUE}.")
    String trainAttack;

    @Option(names = "--time", paramLabel = "LIST",
            description = {"Times t >= 0 of gf: a list, logspace:LO,HI,COUNT, and inf (the min-norm interpolator,",
                "or least squares: the lambda = 0 rows). Example: --time logspace:-1,3,9,inf."})
    String time;

    @Option(names = "--eta", paramLabel = "ETA",
            description = {"Step size η > 0 of gd; refused unless η < 2n/s_max (s_max the largest eigenvalue of XXᵀ",
                "or XᵀX: beyond it gradient descent diverges). Example: --eta 0.5."})
    String eta;

    @Option(names = "--steps", paramLabel = "LIST",
            description = {"Step counts K >= 0 of gd: integers, or a grid (rounded). Example: --steps 10,100,1000."})
    String steps;

    /**
     * What the flags ask for.
     *
     * @param ridge    the ridge path
     * @param advtrain adversarial training
     * @param deltas   its budgets δ > 0 (null without advtrain)
     * @param attack   its training attack, l2 or linf (null without advtrain)
     * @param flow     gf's times and gd's step and steps ({@link FlowQuery#NONE} without them)
     */
    public record Choice(boolean ridge, boolean advtrain, double[] deltas, AttackNorm attack, FlowQuery flow) {
    }

    /** Parses and checks the flags (unknown estimator, --delta without advtrain or missing, δ ≤ 0, attack). */
    public Choice choice() {
        boolean ridge = false;
        boolean adv = false;
        boolean gf = false;
        boolean gd = false;
        for (String e : Lists.words("estimator", estimator)) {
            switch (e) {
                case "ridge" -> ridge = true;
                case "advtrain" -> adv = true;
                case "gf" -> gf = true;
                case "gd" -> gd = true;
                default -> throw new IllegalArgumentException("estimator: '" + e + "' is unknown; allowed: ridge,"
                        + " advtrain, gf, gd");
            }
        }
        FlowQuery flow = flow(gf, gd);
        // a bad δ is named before anything else, whichever estimators are asked for
        double[] d = delta == null ? null : org.advrisk.param.Parameters.DELTA.parseList(delta);
        if (!adv) {
            if (delta != null) {
                throw new IllegalArgumentException("delta: given, but --estimator has no advtrain");
            }
            return new Choice(ridge, false, null, null, flow);
        }
        if (delta == null) {
            throw new IllegalArgumentException("delta: --estimator advtrain needs --delta LIST (budgets δ > 0)");
        }
        AttackNorm a = switch (trainAttack) {
            case "l2" -> AttackNorm.L2;
            case "linf" -> AttackNorm.LINF;
            default -> throw new IllegalArgumentException("train-attack: '" + trainAttack + "' is unknown; allowed: l2, linf");
        };
        return new Choice(ridge, true, d, a, flow);
    }

    /** --time with gf, --eta and --steps with gd: each required with its estimator and refused without it. */
    private FlowQuery flow(boolean gf, boolean gd) {
        double[] times = time == null ? null : FlowParams.parseTimes(time);
        double[] ks = steps == null ? null : FlowParams.parseSteps(steps);
        double e = eta == null ? Double.NaN : FlowParams.ETA.parse(eta);
        pair("gf", gf, "time", time != null, "--time 0.1,1,10,inf");
        pair("gd", gd, "steps", steps != null, "--steps 10,100,1000");
        pair("gd", gd, "eta", eta != null, "--eta 0.5");
        return new FlowQuery(gf ? times : null, e, gd ? ks : null);
    }

    private static void pair(String est, boolean asked, String flag, boolean given, String example) {
        if (asked && !given) {
            throw new IllegalArgumentException(flag + ": --estimator " + est + " needs it, e.g. " + example);
        }
        if (!asked && given) {
            throw new IllegalArgumentException(flag + ": given, but --estimator has no " + est);
        }
    }
}
