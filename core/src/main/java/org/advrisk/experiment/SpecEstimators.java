package org.advrisk.experiment;

import java.util.List;
import org.advrisk.linear.AttackNorm;
import org.advrisk.param.Parameters;

/**
 * Which estimators a linear spec runs on each training set: ridge (the whole λ path) and/or advtrain
 * (adversarial training at every budget δ, for every training attack), as {@code advrisk linear
 * --estimator ridge,advtrain --delta LIST --train-attack NORM} does.
 *
 * @param estimator   ridge and/or advtrain, each once
 * @param delta       advtrain's budgets δ &gt; 0 (empty without advtrain)
 * @param trainAttack advtrain's training attacks, l2 and/or linf (empty without advtrain)
 */
public record SpecEstimators(List<String> estimator, List<Double> delta, List<String> trainAttack) {
    /** Allowed estimators, for messages. */
    public static final String ALLOWED = "ridge, advtrain";
    /** Allowed training attacks, for messages. */
    public static final String ALLOWED_TRAIN_ATTACK = "l2, linf";
    /** Ridge only: the default, and what a spec without an estimator field runs. */
    public static final SpecEstimators RIDGE = new SpecEstimators(List.of("ridge"), List.of(), List.of());

    public SpecEstimators {
        if (estimator == null || estimator.isEmpty()) {
            throw new IllegalArgumentException("estimator: empty; allowed: " + ALLOWED);
        }
        estimator = List.copyOf(estimator);
        delta = delta == null ? List.of() : List.copyOf(delta);
        trainAttack = trainAttack == null ? List.of() : List.copyOf(trainAttack);
        for (int i = 0; i < estimator.size(); i++) {
            String e = estimator.get(i);
            if (!e.equals("ridge") && !e.equals("advtrain")) {
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
