package org.advrisk.experiment;

import java.util.List;
import org.advrisk.model.AttackNorm;
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
 */
public record SpecEstimators(List<String> estimator, List<Double> delta, List<String> trainAttack, List<Double> time,
                             Double eta, List<Double> steps) {
    /** Allowed estimators, for messages. */
    public static final String ALLOWED = "ridge, advtrain, gf, gd";
    /** Allowed training attacks, for messages. */
    public static final String ALLOWED_TRAIN_ATTACK = "l2, linf";
    /** Ridge only: the default, and what a spec without an estimator field runs. */
    public static final SpecEstimators RIDGE = new SpecEstimators(List.of("ridge"), List.of(), List.of());

    /** Ridge and/or advtrain (no early stopping). */
    public SpecEstimators(List<String> estimator, List<Double> delta, List<String> trainAttack) {
        this(estimator, delta, trainAttack, List.of(), null, List.of());
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
            if (!List.of("ridge", "advtrain", "gf", "gd").contains(e)) {
                throw new IllegalArgumentException(path("estimator", i, estimator.size()) + ": '" + e
                        + "' is unknown; allowed: " + ALLOWED);
            }
        }
        for (double d : delta) {
            Parameters.DELTA.check(d);
        }
        for (int i = 0; i < trainAttack.size(); i++) {
            String a = trainAttack.get(i);
            if (!a.equals("l2") && !a.equals("linf")) {
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
