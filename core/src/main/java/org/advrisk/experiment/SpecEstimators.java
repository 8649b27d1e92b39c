package org.advrisk.experiment;

import java.util.List;
import java.util.Map;
import org.advrisk.estimator.Estimators;
import org.advrisk.estimator.SpectralEstimator;
import org.advrisk.estimator.SpectralSelection;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.AttackNorms;
import org.advrisk.linear.FlowParams;
import org.advrisk.linear.FlowQuery;
import org.advrisk.param.Parameters;

/**
 * Which estimators a linear spec runs on each training set: ridge (the whole λ path), advtrain
 * (adversarial training at every budget δ, for every training attack), gf (gradient flow at every time
 * t) and gd (gradient descent with step η after every step count K), as {@code advrisk linear
 * --estimator ridge,advtrain,gf,gd --delta LIST --train-attack NORM --time LIST --eta η --steps LIST} does.
 *
 * @param estimator   ridge, advtrain, gf and/or gd, each once
 * @param delta       advtrain's budgets δ &gt; 0 (empty without advtrain)
 * @param trainAttack advtrain's training attacks, l2 and/or linf (empty without advtrain)
 * @param time        gf's times t ≥ 0, +∞ allowed (empty without gf)
 * @param eta         gd's step size η &gt; 0 (null without gd)
 * @param steps       gd's step counts K ≥ 0 (empty without gd)
 * @param pluginValues the registry's plug-in estimators' parameter lists by parameter name (empty without)
 */
public record SpecEstimators(List<String> estimator, List<Double> delta, List<String> trainAttack, List<Double> time,
                             Double eta, List<Double> steps, Map<String, List<Double>> pluginValues) {
    /** Allowed estimators, for messages (the registry's names). */
    public static final String ALLOWED = Estimators.allowed();
    /** Allowed training attacks, for messages (the attack-norm registry's trainable norms). */
    public static final String ALLOWED_TRAIN_ATTACK = String.join(", ", AttackNorms.trainable());
    /** Ridge only: the default, and what a spec without an estimator field runs. */
    public static final SpecEstimators RIDGE = new SpecEstimators(List.of("ridge"), List.of(), List.of());

    /** Ridge and/or advtrain (no early stopping). */
    public SpecEstimators(List<String> estimator, List<Double> delta, List<String> trainAttack) {
        this(estimator, delta, trainAttack, List.of(), null, List.of());
    }

    /** Without plug-in estimators. */
    public SpecEstimators(List<String> estimator, List<Double> delta, List<String> trainAttack, List<Double> time,
                          Double eta, List<Double> steps) {
        this(estimator, delta, trainAttack, time, eta, steps, Map.of());
    }

    public SpecEstimators {
        if (estimator == null || estimator.isEmpty()) {
            throw new IllegalArgumentException("estimator: empty; allowed: " + ALLOWED);
        }
        estimator = List.copyOf(estimator);
        delta = delta == null ? List.of() : List.copyOf(delta);
        trainAttack = trainAttack == null ? List.of() : List.copyOf(trainAttack);
        for (int i = 0; i < estimator.size(); i++) {
            String e = estimator.get(i);
            if (Estimators.find(e).isEmpty()) {
                throw new IllegalArgumentException(path("estimator", i, estimator.size()) + ": '" + e
                        + "' is unknown; allowed: " + ALLOWED);
            }
        }
        for (double d : delta) {
            Parameters.DELTA.check(d);
        }
        for (int i = 0; i < trainAttack.size(); i++) {
            String a = trainAttack.get(i);
            if (!AttackNorms.trainable().contains(a)) {
                throw new IllegalArgumentException(path("train_attack", i, trainAttack.size()) + ": '" + a
                        + "' is unknown; allowed: " + ALLOWED_TRAIN_ATTACK);
            }
        }
        boolean adv = estimator.contains("advtrain");
        if (adv && delta.isEmpty()) {
            throw new IllegalArgumentException("delta: missing; estimator advtrain needs budgets δ > 0, e.g."
                    + " delta: [0.05, 0.1] or delta: \"logspace:-2,0,5\"");
        }
        if (!adv && !delta.isEmpty()) {
            throw new IllegalArgumentException("delta: given, but estimator has no advtrain; allowed: add advtrain to"
                    + " estimator, or drop delta");
        }
        if (!adv && !trainAttack.isEmpty()) {
            throw new IllegalArgumentException("train_attack: given, but estimator has no advtrain; allowed: add"
                    + " advtrain to estimator, or drop train_attack");
        }
        if (adv && trainAttack.isEmpty()) {
            trainAttack = List.of("l2");
        }
        time = time == null ? List.of() : List.copyOf(time);
        steps = steps == null ? List.of() : List.copyOf(steps);
        time.forEach(FlowParams::checkTime);
        steps.forEach(FlowParams::checkSteps);
        if (eta != null) {
            FlowParams.checkEta(eta);
        }
        requires("gf", estimator.contains("gf"), "time", !time.isEmpty(), "time: [0.1, 1, 10, inf]");
        requires("gd", estimator.contains("gd"), "steps", !steps.isEmpty(), "steps: [10, 100, 1000]");
        requires("gd", estimator.contains("gd"), "eta", eta != null, "eta: 0.5 (stable for η < 2n/s_max)");
        pluginValues = plugins(estimator, pluginValues == null ? Map.of() : pluginValues);
    }

    /** The plug-in estimators' parameter lists: checked, defaulted, required with their estimator, refused without. */
    private static Map<String, List<Double>> plugins(List<String> estimator, Map<String, List<Double>> given) {
        Map<String, List<Double>> out = new java.util.LinkedHashMap<>();
        for (SpectralEstimator k : Estimators.plugins()) {
            String field = k.parameter().name();
            List<Double> v = given.getOrDefault(field, List.of());
            boolean asked = estimator.contains(k.name());
            if (asked && v.isEmpty() && k.parameter().hasDefault()) {
                v = java.util.Arrays.stream(k.parameter().param().defaults()).boxed().toList();
            }
            v.forEach(k.parameter().param()::check);
            requires(k.name(), asked, field, !v.isEmpty(), field + ": [" + k.parameter().example() + "]");
            if (asked) {
                out.put(field, List.copyOf(v));
            }
        }
        for (String f : given.keySet()) {
            if (Estimators.plugins().stream().noneMatch(k -> k.parameter().name().equals(f))) {
                throw new IllegalArgumentException(f + ": unknown field; allowed: " + ALLOWED);
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The plug-in spectral estimators asked for, with their values, in registry order. */
    public List<SpectralSelection> plugins() {
        List<SpectralSelection> out = new java.util.ArrayList<>();
        for (SpectralEstimator k : Estimators.plugins()) {
            if (estimator.contains(k.name())) {
                out.add(new SpectralSelection(k, pluginValues.get(k.parameter().name()).stream()
                        .mapToDouble(Double::doubleValue).toArray(), Map.of()));
            }
        }
        return out;
    }

    /** A field that belongs to one estimator: required with it, refused without it. */
    private static void requires(String est, boolean asked, String field, boolean given, String example) {
        if (asked && !given) {
            throw new IllegalArgumentException(field + ": missing; estimator " + est + " needs it, e.g. " + example);
        }
        if (!asked && given) {
            throw new IllegalArgumentException(field + ": given, but estimator has no " + est + "; allowed: add " + est
                    + " to estimator, or drop " + field);
        }
    }

    /** True when gf or gd rows are asked for. */
    public boolean flow() {
        return estimator.contains("gf") || estimator.contains("gd");
    }

    /** gf's times and gd's step and steps, as the trial code takes them. */
    public FlowQuery flowQuery() {
        return new FlowQuery(estimator.contains("gf") ? time.stream().mapToDouble(Double::doubleValue).toArray() : null,
                eta == null ? Double.NaN : eta,
                estimator.contains("gd") ? steps.stream().mapToDouble(Double::doubleValue).toArray() : null);
    }

    /** True when ridge rows are asked for. */
    public boolean ridge() {
        return estimator.contains("ridge");
    }

    /** True when advtrain rows are asked for. */
    public boolean advtrain() {
        return estimator.contains("advtrain");
    }

    /** The budgets as an array. */
    public double[] deltas() {
        return delta.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The training attacks as norms. */
    public List<AttackNorm> trainAttacks() {
        return trainAttack.stream().map(AttackNorm::parse).toList();
    }

    private static String path(String field, int i, int size) {
        return size == 1 ? field : field + "[" + i + "]";
    }
}
