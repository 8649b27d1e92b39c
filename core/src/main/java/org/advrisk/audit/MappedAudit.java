package org.advrisk.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.advrisk.attack.Ball;
import org.advrisk.attack.LinearWorstCase;
import org.advrisk.attack.Pgd;
import org.advrisk.attack.Predictor;
import org.advrisk.data.ColumnMoments;
import org.advrisk.data.FeatureMap;
import org.advrisk.data.GramAccumulator;
import org.advrisk.data.MappedRows;
import org.advrisk.data.Rows;
import org.advrisk.data.Split;
import org.advrisk.data.TrainingStatistics;
import org.advrisk.linear.AttackNorm;

/**
 * The ridge path on random features φ(z) of the standardised inputs z, attacked on the inputs:
 * the adversarial MSE is PGD's lower bound ({@link Pgd}, pushing f up and down from δ = 0 and random
 * starts), reported with {@code certified = false}, next to the first-order estimate
 * mean (|r| + α‖∇_z f‖_q)². Only l2 and linf attacks, no per-feature budgets. Mapped features that are
 * constant on the training rows (dead ReLU units) are dropped: they cannot change any prediction.
 */
public final class MappedAudit {
    private MappedAudit() {
    }

    /** Attack settings for the inputs. */
    public record PgdSettings(int steps, int restarts, long seed) {
    }

    /** Audits the mapped ridge path over splits of {@code train} (test rows by mask). */
    public static AuditResult run(Rows train, List<Split> splits, AuditOptions o, String mapSpec, PgdSettings pgd) {
        if (o.budgets() != null) {
            throw new IllegalArgumentException("--budget: per-feature budgets are not available with --map (the attack moves the inputs)");
        }
        for (AttackNorm a : o.attacks()) {
            if (!a.label().equals("l2") && !a.label().equals("linf")) {
                throw new IllegalArgumentException("--attack: '" + a.label() + "' is not available with --map; allowed: l2, linf");
            }
        }
        double[] lambdas = Audit.grid(o.lambdas());
        int L = lambdas.length;
        int d = train.p();
        List<AuditRow> rows = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        FeatureMap map = FeatureMap.parse(mapSpec, d, pgd.seed());
        double[] meanTheta = new double[map.m() * L];
        double[] absW = new double[map.m() * L];
        String estimator = "ridge+" + mapSpec.trim();
        for (Split split : splits) {
            ColumnMoments cm = ColumnMoments.of(train, split);
            double[] sd = cm.sd().clone();
            for (int j = 0; j < d; j++) {
                if (GramAccumulator.constant(cm.mean()[j], sd[j])) {
                    throw new IllegalArgumentException("feature '" + train.featureNames().get(j) + "' is constant in the training rows of "
                            + split.label() + "; drop it (--drop " + train.featureNames().get(j) + ")");
                }
                if (!o.standardize()) {
                    sd[j] = 1;
                }
            }
            MappedRows mapped = new MappedRows(train, cm.mean(), sd, map);
            TrainingStatistics st = GramAccumulator.accumulate(mapped, split, false, true);
            if (!st.dropped().isEmpty()) {
                notes.add(st.dropped().size() + " mapped feature(s) constant on the training rows dropped (" + split.label() + ")");
            }
            TableRidgePath path = new TableRidge().fit(st);
            double[] thetas = path.thetas(lambdas);
            int nTest = split.nTest();
            double[] zs = new double[d * nTest];
            double[] ys = new double[nTest];
            double[] norms = new double[o.attacks().size()];
            double[] zrow = new double[d];
            int[] at = {0};
            train.forEach((i, x, y) -> {
                if (!split.train(i)) {
                    mapped.standardize(x, zs, at[0] * d);
                    ys[at[0]++] = y;
                } else if (o.alphaScale() == AlphaScale.MEAN_NORM) {
                    mapped.standardize(x, zrow, 0);
                    for (int a = 0; a < norms.length; a++) {
                        norms[a] += LinearWorstCase.norm(zrow, o.attacks().get(a).p()) / split.nTrain();
                    }
                }
            });
            int q = st.p();
            for (int l = 0; l < L; l++) {
                double[] c = new double[map.m()];
                double offset = st.yMean();
                for (int k = 0; k < q; k++) {
                    double t = thetas[k + l * q];
                    c[st.kept()[k]] = t;
                    offset -= t * st.mean()[k];
                    meanTheta[st.kept()[k] + l * map.m()] += t / splits.size();
                    absW[st.kept()[k] + l * map.m()] += Math.abs(t) / splits.size();
                }
                Predictor f = predictor(map, c, offset);
                double[] vals = new double[nTest];
                double[] grads = new double[d * nTest];
                f.evaluate(nTest, zs, vals, grads);
                double mse = 0;
                for (int t = 0; t < nTest; t++) {
                    mse += (vals[t] - ys[t]) * (vals[t] - ys[t]) / nTest;
                }
                double train_ = path.trainMse(lambdas[l]);
                for (int a = 0; a < o.attacks().size(); a++) {
                    AttackNorm att = o.attacks().get(a);
                    double[] gn = new double[nTest];
                    double meanGn = 0;
                    for (int t = 0; t < nTest; t++) {
                        gn[t] = LinearWorstCase.norm(java.util.Arrays.copyOfRange(grads, t * d, (t + 1) * d), att.q());
                        meanGn += gn[t] / nTest;
                    }
                    for (double alpha : o.alphas()) {
                        double eff = o.alphaScale() == AlphaScale.MEAN_NORM ? alpha * norms[a] : alpha;
                        Pgd attack = Pgd.of(att.label().equals("l2") ? Ball.L2 : Ball.LINF, eff, pgd.steps(), pgd.restarts());
                        Pgd.Result res = attack.attack(f, nTest, zs, ys, pgd.seed(), split.index(), l);
                        double s1 = 0;
                        double s2 = 0;
                        double fo = 0;
                        for (int t = 0; t < nTest; t++) {
                            s1 += res.worst()[t];
                            s2 += res.worst()[t] * res.worst()[t];
                            double e = Math.abs(vals[t] - ys[t]) + eff * gn[t];
                            fo += e * e / nTest;
                        }
                        double mean = s1 / nTest;
                        double var = nTest > 1 ? Math.max(0, (s2 - nTest * mean * mean) / (nTest - 1)) : 0;
                        rows.add(new AuditRow(split.label(), estimator, lambdas[l], att.label(), alpha, eff, train_, mse, mean,
                                Math.sqrt(var / nTest), false, meanGn, split.nTrain(), nTest, map.m(), fo));
                    }
                }
            }
        }
        notes.add("feature map " + mapSpec.trim() + ": adversarial MSE is PGD on the inputs (a lower bound, not certified); "
                + "norm_dual is the mean ||grad f||_q over the test rows");
        List<String> names = new MappedRows(train, new double[d], new double[d], map).featureNames();
        List<AuditSummary> sum = Audit.summarise(rows, lambdas, o.attacks(), o.alphas(), names, absW, splits.size());
        return new AuditResult(rows, sum, lambdas, names, meanTheta, List.copyOf(notes));
    }

    /** f(z) = offset + Σ_k c_k φ_k(z), with its input gradient. */
    static Predictor predictor(FeatureMap map, double[] c, double offset) {
        return new Predictor() {
            @Override
            public int dim() {
                return map.d();
            }

            @Override
            public void evaluate(int count, double[] xs, double[] values, double[] grads) {
                double[] phi = new double[map.m()];
                double[] g = new double[map.d()];
                for (int t = 0; t < count; t++) {
                    map.apply(xs, t * map.d(), phi);
                    double v = offset;
                    for (int k = 0; k < phi.length; k++) {
                        v += c[k] * phi[k];
                    }
                    values[t] = v;
                    if (grads != null) {
                        map.gradient(xs, t * map.d(), c, g);
                        System.arraycopy(g, 0, grads, t * map.d(), map.d());
                    }
                }
            }
        };
    }
}
