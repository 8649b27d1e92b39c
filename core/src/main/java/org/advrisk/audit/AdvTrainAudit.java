package org.advrisk.audit;

import java.util.List;
import org.advrisk.attack.LinearWorstCase;
import org.advrisk.data.Rows;
import org.advrisk.data.Split;
import org.advrisk.data.TrainingStatistics;
import org.advrisk.advtrain.AdvTrainData;
import org.advrisk.advtrain.AdvTrainFit;
import org.advrisk.advtrain.AdvTrainPath;
import org.advrisk.advtrain.AdversarialTraining;
import org.advrisk.model.AttackNorm;

/**
 * Adversarial training in an audit: on a split's standardised training rows Z (the ridge path's
 * statistics fix the units), θ̂_δ, b̂_δ = argmin (1/n) Σ (|y_i − b − z_iᵀθ| + δ‖θ‖_q)² for every δ
 * ({@link AdversarialTraining}, intercept free, unpenalised and optimised jointly with θ, never
 * attacked); its test rows are certified exactly like ridge's, (|f(z) − y| + α‖Dθ̂‖_q)², from one
 * pass over the test rows ({@link TestEvaluation}). The solver holds Z: n_train·p doubles.
 *
 * <p>The solver sees Z + c·11ᵀ, every standardised column shifted by c = 1/√n_train, not Z itself:
 * with a free intercept the problems are equivalent (f = b + (z + c1)ᵀθ = (b + cΣθ_j) + zᵀθ, so θ̂ is
 * the same and b̂ = b̂_solver + cΣθ̂_j), but exactly centred columns make ZZᵀ singular along 1, and the
 * solver's p > n closed form (the minimum-norm interpolator through the n×n Gram) then loses every
 * digit. The shift gives that direction the eigenvalue n‖c1‖² = p, the mean eigenvalue of ZZᵀ.
 */
final class AdvTrainAudit {
    /** Estimator label of adversarially trained rows. */
    static final String ADVTRAIN = "advtrain";

    private AdvTrainAudit() {
    }

    /**
     * Refuses, naming {@code --estimator}, a training design beyond
     * {@link org.advrisk.linear.DesignSampler#MAX_ENTRIES} doubles or a sixteenth of the heap per
     * entry (the solver keeps about one more copy of Z and n×n work arrays).
     */
    static void checkSize(long nTrain, int p) {
        long entries = nTrain * p;
        long heap = Runtime.getRuntime().maxMemory();
        if (entries > org.advrisk.linear.DesignSampler.MAX_ENTRIES || 16 * entries > heap) {
            throw new IllegalArgumentException("estimator: advtrain holds the standardised training table in memory, but"
                    + " n_train·p = " + nTrain + "·" + p + " = " + entries + " doubles (" + ((8 * entries) >> 20)
                    + " MiB, twice that while fitting) exceeds " + org.advrisk.linear.DesignSampler.MAX_ENTRIES
                    + " doubles or half the JVM heap (" + (heap >> 20) + " MiB); use --estimator ridge, fewer --features"
                    + " or rows, or a larger heap (ADVRISK_JAVA_OPTS=-Xmx…)");
        }
    }

    /** The shift c = 1/√n_train of the standardised columns the solver sees. */
    static double shift(int nTrain) {
        return 1 / Math.sqrt(nTrain);
    }

    /**
     * The split's training rows standardised with the statistics and shifted by {@link #shift}:
     * Z + c·11ᵀ (n×p column-major) and y, with an intercept.
     */
    static AdvTrainData design(Rows train, Split split, TrainingStatistics st) {
        int n = st.n();
        int p = st.p();
        checkSize(n, p);
        double c = shift(n);
        double[] y = new double[n];
        double[] z = new double[n * p];
        if (st.dual()) { // the dual ridge path already holds Z (and y − ȳ)
            for (int i = 0; i < n; i++) {
                y[i] = st.yc()[i] + st.yMean();
            }
            for (int k = 0; k < z.length; k++) {
                z[k] = st.z()[k] + c;
            }
            return new AdvTrainData(n, p, z, y, true);
        }
        double[] row = new double[p];
        int[] at = {0};
        train.forEach((i, x, yi) -> {
            if (split.train(i)) {
                st.standardize(x, row, 0);
                for (int j = 0; j < p; j++) {
                    z[at[0] + j * n] = row[j] + c;
                }
                y[at[0]++] = yi;
            }
        });
        return new AdvTrainData(n, p, z, y, true);
    }

    /** The intercept in standardised units of a fit on the shifted design: b̂ + cΣθ̂_j. */
    static double intercept(AdvTrainFit f, int nTrain) {
        double b = f.intercept();
        double c = shift(nTrain);
        for (double t : f.theta()) {
            b += c * t;
        }
        return b;
    }

    /** The δ path on a training design (fits in the settings' ascending δ order). */
    static AdvTrainPath fit(AdvTrainData data, AuditOptions.AdvTrainSettings s) {
        return new AdversarialTraining(data, s.attack(), AdversarialTraining.Options.DEFAULT).path(s.deltas());
    }

    /**
     * Fits the δ path on the split and appends its rows (every δ × attack × α). {@code test} is null
     * when the split masks the test rows of {@code train}; {@code norms} are the mean training ‖z‖_p per
     * attack under mean-norm (else null); {@code d} the budget weights of the kept features.
     */
    static void rows(Rows train, Rows test, Split split, TrainingStatistics st, AuditOptions o, double[] norms, double[] d,
                     List<AuditRow> rows) {
        AuditOptions.AdvTrainSettings s = o.advTrain();
        AdvTrainData data = design(train, split, st);
        AdvTrainPath path = fit(data, s);
        int p = st.p();
        int k = s.deltas().length;
        double[] thetas = new double[p * k];
        double[] offsets = new double[k];
        for (int l = 0; l < k; l++) {
            System.arraycopy(path.fits().get(l).theta(), 0, thetas, l * p, p);
            offsets[l] = intercept(path.fits().get(l), st.n());
        }
        TestEvaluation.Result ev = test == null
                ? TestEvaluation.run(train, split, false, st, thetas, offsets, k, new double[0])
                : TestEvaluation.run(test, split, true, st, thetas, offsets, k, new double[0]);
        double[] dtheta = new double[p];
        for (int l = 0; l < k; l++) {
            AdvTrainFit f = path.fits().get(l);
            ResidualMoments mom = ev.moments()[l];
            AuditRow.AdvTrainColumns cols = new AuditRow.AdvTrainColumns(f.delta(), s.attack().label(), f.iterations(),
                    f.relativeGap(), path.thresholds().delta0(), path.thresholds().deltaBar());
            for (int j = 0; j < p; j++) {
                dtheta[j] = d[j] * f.theta()[j];
            }
            double train_ = trainMse(data, f); // on the shifted design with the solver's intercept: the same residuals
            for (int a = 0; a < o.attacks().size(); a++) {
                AttackNorm att = o.attacks().get(a);
                double nd = LinearWorstCase.norm(dtheta, att.q());
                for (double alpha : o.alphas()) {
                    double eff = norms != null ? alpha * norms[a] : alpha;
                    double c = eff * nd;
                    rows.add(new AuditRow(split.label(), ADVTRAIN, Double.NaN, att.label(), alpha, eff, train_, mom.mse(),
                            mom.adversarial(c), mom.adversarialSe(c), true, nd, split.nTrain(), (int) mom.count(), p,
                            Double.NaN, cols));
                }
            }
        }
    }

    /** (1/n)‖y − b − Zθ‖². */
    private static double trainMse(AdvTrainData data, AdvTrainFit f) {
        int n = data.n();
        double[] r = data.y().clone();
        for (int i = 0; i < n; i++) {
            r[i] -= f.intercept();
        }
        org.advrisk.linalg.Blas.gemv(false, n, data.p(), -1.0, data.x(), f.theta(), 1.0, r);
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return s / n;
    }
}
