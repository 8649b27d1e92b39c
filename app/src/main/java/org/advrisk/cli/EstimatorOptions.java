package org.advrisk.cli;

import java.util.ArrayList;
import java.util.List;
import org.advrisk.model.AttackNorm;
import org.advrisk.linear.FlowParams;
import org.advrisk.linear.FlowQuery;
import org.advrisk.estimator.Estimators;
import org.advrisk.estimator.SpectralEstimator;
import org.advrisk.estimator.SpectralSelection;
import org.advrisk.model.AttackNorms;
import picocli.CommandLine.Model.CommandSpec;
import org.advrisk.param.Lists;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /**
     * What the flags ask for.
     *
     * @param ridge    the ridge path
     * @param advtrain adversarial training
     * @param deltas   its budgets δ > 0 (null without advtrain)
     * @param attack   its training attack, l2 or linf (null without advtrain)
     * @param flow     gf's times and gd's step and steps ({@link FlowQuery#NONE} without them)
     * @param plugins  the registry's plug-in spectral estimators asked for, with their values (empty without)
     */
    public record Choice(boolean ridge, boolean advtrain, double[] deltas, AttackNorm attack, FlowQuery flow,
                         List<SpectralSelection> plugins) {
        /** Without plug-ins. */
        public Choice(boolean ridge, boolean advtrain, double[] deltas, AttackNorm attack, FlowQuery flow) {
            this(ridge, advtrain, deltas, attack, flow, List.of());
        }
    }

    /** Parses and checks the flags (unknown estimator, --delta without advtrain or missing, δ ≤ 0, attack). */
    public Choice choice() {
        boolean ridge = false;
        boolean adv = false;
        boolean gf = false;
        boolean gd = false;
        List<SpectralEstimator> asked = new ArrayList<>();
        for (String e : Lists.words("estimator", estimator)) {
            switch (e) {
                case "ridge" -> ridge = true;
                case "advtrain" -> adv = true;
                case "gf" -> gf = true;
                case "gd" -> gd = true;
                default -> {
                    if (!Estimators.isPlugin(e)) {
                        throw new IllegalArgumentException("estimator: '" + e + "' is unknown; allowed: "
                                + Estimators.allowed());
                    }
                    asked.add((SpectralEstimator) Estimators.find(e).orElseThrow());
                }
            }
        }
        FlowQuery flow = flow(gf, gd);
        List<SpectralSelection> plugins = plugins(asked);
        // a bad δ is named before anything else, whichever estimators are asked for
        double[] d = delta == null ? null : org.advrisk.param.Parameters.DELTA.parseList(delta);
        if (!adv) {
            if (delta != null) {
                throw new IllegalArgumentException("delta: given, but --estimator has no advtrain");
            }
            return new Choice(ridge, false, null, null, flow, plugins);
        }
        if (delta == null) {
            throw new IllegalArgumentException("delta: --estimator advtrain needs --delta LIST (budgets δ > 0)");
        }
        AttackNorm a = AttackNorms.parseTrainable("train-attack", trainAttack);
        return new Choice(ridge, true, d, a, flow, plugins);
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

    /**
     * Adds the flags of the registry's plug-in estimators (--NAME for the path parameter, --SETTING for
     * each setting) to a command that has these options; no-op without plug-ins.
     */
    public static void declarePlugins(CommandSpec command) {
        for (SpectralEstimator k : Estimators.plugins()) {
            add(command, k.parameter().name(), "LIST", k.parameter().param().help() + " (--estimator " + k.name()
                    + "): a list and/or logspace:LO,HI,COUNT. Example: --" + k.parameter().name() + " "
                    + k.parameter().example() + ".");
            for (org.advrisk.estimator.Setting st : k.settings()) {
                add(command, st.name(), "VALUE", st.help() + " (--estimator " + k.name() + ").");
            }
        }
    }

    private static void add(CommandSpec command, String name, String label, String help) {
        if (!command.optionsMap().containsKey("--" + name)) {
            command.addOption(picocli.CommandLine.Model.OptionSpec.builder("--" + name).paramLabel(label)
                    .type(String.class).description(help).build());
        }
    }

    /** The plug-ins asked for, with their values from their flags (required with them, refused without). */
    private List<SpectralSelection> plugins(List<SpectralEstimator> asked) {
        List<SpectralSelection> out = new ArrayList<>();
        for (SpectralEstimator k : Estimators.plugins()) {
            String flag = k.parameter().name();
            String text = value(flag);
            boolean on = asked.contains(k);
            if (on && text == null && k.parameter().hasDefault()) {
                text = k.parameter().param().defaultText();
            }
            pair(k.name(), on, flag, text != null, "--" + flag + " " + k.parameter().example());
            java.util.Map<String, Double> settings = new java.util.LinkedHashMap<>();
            for (org.advrisk.estimator.Setting st : k.settings()) {
                String v = value(st.name());
                v = v == null && !st.defaultValue().isEmpty() ? st.defaultValue() : v;
                pair(k.name(), on, st.name(), v != null, "--" + st.name() + " VALUE");
                if (v != null) {
                    settings.put(st.name(), number(st.name(), v));
                }
            }
            if (on) {
                out.add(new SpectralSelection(k, k.parameter().parse(text), settings));
            }
        }
        return out;
    }

    private static double number(String name, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + text.trim() + "' is not a number");
        }
    }

    private String value(String flag) {
        if (mixee == null || !mixee.optionsMap().containsKey("--" + flag)) {
            return null;
        }
        return mixee.optionsMap().get("--" + flag).getValue();
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
