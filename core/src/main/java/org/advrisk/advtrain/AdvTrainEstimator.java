package org.advrisk.advtrain;

import org.advrisk.model.AttackNorm;
import org.advrisk.linear.DesignData;
import org.advrisk.linear.DesignSampler;
import org.advrisk.linear.Estimator;
import org.advrisk.linear.ThetaPath;

/**
 * Adversarial training as an {@link Estimator}: on explicit training data (a {@link DesignData}, sampled
 * by {@link DesignSampler} or a user's centred table) it fits θ̂_δ for every budget δ of its list with
 * {@link AdversarialTraining} (warm-started path, no intercept: the {@link DesignData} convention) and
 * returns an {@link AdvTrainedPath} whose parameter is {@code delta}.
 *
 * @param attack  the training attack: l2 (penalty ‖θ‖₂) or linf (‖θ‖₁)
 * @param deltas  the budgets δ > 0, distinct
 * @param options solver settings
 */
public record AdvTrainEstimator(AttackNorm attack, double[] deltas, AdversarialTraining.Options options)
        implements Estimator<DesignData, AdvTrainedPath> {
    public AdvTrainEstimator {
        if (!org.advrisk.model.AttackNorms.isTrainable(attack)) {
            throw new IllegalArgumentException("train-attack: " + (attack == null ? "null" : attack.label())
                    + " is not supported; allowed: " + String.join(", ", org.advrisk.model.AttackNorms.trainable()));
        }
        if (deltas == null || deltas.length == 0) {
            throw new IllegalArgumentException("delta: at least one value is needed");
        }
        deltas = deltas.clone();
    }

    /** With the default solver settings. */
    public AdvTrainEstimator(AttackNorm attack, double[] deltas) {
        this(attack, deltas, AdversarialTraining.Options.DEFAULT);
    }

    @Override
    public double[] deltas() {
        return deltas.clone();
    }

    @Override
    public AdvTrainedPath fit(DesignData data) {
        AdvTrainData d = new AdvTrainData(data.n(), data.columns(), data.x(), data.y(), false);
        AdvTrainPath fits = new AdversarialTraining(d, attack, options).path(deltas);
        double[][] thetas = new double[deltas.length][];
        for (int k = 0; k < deltas.length; k++) {
            thetas[k] = fits.fits().get(k).theta();
        }
        return new AdvTrainedPath(ThetaPath.of(org.advrisk.columns.Columns.DELTA.name(), data, deltas, thetas), fits);
    }

    /**
     * Refuses, naming the flags, a design beyond {@link DesignSampler#MAX_ENTRIES} doubles or half the
     * JVM heap (the solver needs about one more copy of X for l∞ training and n×n work arrays).
     */
    public static void checkSize(int n, long p) {
        long entries = (long) n * p;
        long heap = Runtime.getRuntime().maxMemory();
        if (entries > DesignSampler.MAX_ENTRIES || 16 * entries > heap) {
            throw new IllegalArgumentException("estimator: advtrain holds the n×p design in memory, but n·p = " + n
                    + "·" + p + " = " + entries + " doubles (" + ((8 * entries) >> 20) + " MiB, twice that while"
                    + " fitting) exceeds " + DesignSampler.MAX_ENTRIES + " doubles or half the JVM heap ("
                    + (heap >> 20) + " MiB); lower --n or --p, or use --estimator ridge");
        }
    }
}
