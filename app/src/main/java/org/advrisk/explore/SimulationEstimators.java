package org.advrisk.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advrisk.estimator.EstimatorKind;
import org.advrisk.estimator.Estimators;
import org.advrisk.estimator.Setting;
import org.advrisk.estimator.SpectralEstimator;
import org.advrisk.estimator.SpectralSelection;
import org.advrisk.linear.FlowParams;
import org.advrisk.linear.FlowQuery;
import org.advrisk.param.Lists;

/**
 * The estimators of one {@code POST /api/simulate}, known through the registry ({@link Estimators}): every
 * spectral estimator (ridge, gf, gd and the plug-ins, all read from one eigendecomposition) may be asked
 * for; each one's path parameter ({@code time}, {@code steps}, a plug-in's name) and settings
 * ({@code eta}) are read under their declared names, required with their estimator and refused without
 * it, as {@code advrisk linear}'s flags are. Ridge's λ list is the request's {@code lambda}.
 *
 * @param ridge   ridge rows at the λ list
 * @param flow    gf's times and gd's step and steps ({@link FlowQuery#NONE} without them)
 * @param plugins the plug-ins asked for, with their values, in registry order
 */
record SimulationEstimators(boolean ridge, FlowQuery flow, List<SpectralSelection> plugins) {
    /** Ridge only (the default). */
    static final SimulationEstimators RIDGE = new SimulationEstimators(true, FlowQuery.NONE, List.of());

    SimulationEstimators {
        plugins = List.copyOf(plugins);
    }

    /** The registry's estimators the simulation can run (spectral ones), in registry order. */
    static List<SpectralEstimator> runnable() {
        return Estimators.all().stream().filter(k -> k instanceof SpectralEstimator)
                .map(k -> (SpectralEstimator) k).toList();
    }

    /** What {@code estimator} allows, for messages. */
    static String allowedNames() {
        return String.join(", ", runnable().stream().map(EstimatorKind::name).toList());
    }

    /** The request parameters these estimators bring (path parameters other than λ, settings) with what each allows. */
    static Map<String, String> parameters(int maxValues) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("estimator", "a comma list of " + allowedNames() + ", each once (one eigendecomposition serves all)");
        for (SpectralEstimator k : runnable()) {
            if (k == Estimators.RIDGE) {
                continue;
            }
            String name = k.parameter().name();
            String what = k == Estimators.GF ? "numbers >= 0, inf and/or logspace:LO,HI,COUNT"
                    : k.parameter().param().help();
            m.put(name, k.name() + "'s " + name + ": " + what + ", at most " + maxValues + " values (required with "
                    + k.name() + ")");
            for (Setting s : k.settings()) {
                m.put(s.name(), k.name() + "'s " + s.name() + ": " + s.help() + " (required with " + k.name() + ")");
            }
        }
        return m;
    }

    /** Reads {@code estimator} and each asked estimator's parameter and settings from the request. */
    static SimulationEstimators parse(Query q, int maxValues) {
        List<String> names = q.get("estimator", "ridge", SimulationEstimators::names);
        boolean ridge = names.contains(Estimators.RIDGE.name());
        double[] times = null;
        double[] steps = null;
        double eta = Double.NaN;
        List<SpectralSelection> plugins = new ArrayList<>();
        for (SpectralEstimator k : runnable()) {
            if (k == Estimators.RIDGE) {
                continue;
            }
            boolean on = names.contains(k.name());
            String field = k.parameter().name();
            pair(q, k, on, field, q.has(field) || k.parameter().hasDefault() && on);
            double[] values = q.has(field) ? q.get(field, null, t -> limited(field, values(k, t), maxValues)) : null;
            Map<String, Double> settings = new LinkedHashMap<>();
            for (Setting s : k.settings()) {
                String def = s.defaultValue().isEmpty() ? null : s.defaultValue();
                if (on && !q.has(s.name()) && def == null) {
                    throw q.refuse(s.name(), null, s.name() + ": missing; estimator " + k.name() + " needs it, e.g. "
                            + s.name() + "=" + (k == Estimators.GD ? "0.5" : "VALUE"));
                }
                pair(q, k, on, s.name(), on || q.has(s.name()));
                if (on) {
                    settings.put(s.name(), q.get(s.name(), def, t -> setting(s.name(), t)));
                }
            }
            if (!on) {
                continue;
            }
            if (values == null) {
                values = k.parameter().param().defaults();
            }
            if (k == Estimators.GF) {
                times = values;
            } else if (k == Estimators.GD) {
                steps = values;
                eta = settings.get("eta");
            } else {
                plugins.add(new SpectralSelection(k, values, settings));
            }
        }
        FlowQuery flow = times == null && steps == null ? FlowQuery.NONE : new FlowQuery(times, eta, steps);
        return new SimulationEstimators(ridge, flow, plugins);
    }

    private static List<String> names(String text) {
        List<String> words = Lists.words("estimator", text);
        List<String> allowed = runnable().stream().map(EstimatorKind::name).toList();
        if (words.isEmpty() || !allowed.containsAll(words) || words.size() != words.stream().distinct().count()) {
            throw new IllegalArgumentException("estimator: '" + text + "' is not allowed; allowed: a comma list of "
                    + String.join(", ", allowed) + ", each once");
        }
        return words;
    }

    /** A path parameter's list: gf's times (inf allowed) and gd's steps (rounded) as the CLI reads them. */
    private static double[] values(SpectralEstimator k, String text) {
        if (k == Estimators.GF) {
            return FlowParams.parseTimes(text);
        }
        if (k == Estimators.GD) {
            return FlowParams.parseSteps(text);
        }
        return k.parameter().parse(text);
    }

    private static double setting(String name, String text) {
        if (name.equals("eta")) {
            return FlowParams.ETA.parse(text);
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + text.trim() + "' is not a number");
        }
    }

    private static double[] limited(String field, double[] v, int max) {
        if (v.length > max) {
            throw new IllegalArgumentException(field + ": " + v.length + " values exceed the explorer's limit of " + max);
        }
        return v;
    }

    /** A field of one estimator: required with it, refused without it. */
    private static void pair(Query q, SpectralEstimator k, boolean on, String field, boolean given) {
        if (on && !given) {
            throw q.refuse(field, null, field + ": missing; estimator " + k.name() + " needs a " + field
                    + " list, e.g. " + field + "=" + k.parameter().example());
        }
        if (!on && given) {
            throw q.refuse(field, q.text(field, null), field + ": given, but estimator has no " + k.name()
                    + "; allowed: estimator=" + k.name() + " or estimator=ridge," + k.name());
        }
    }
}
