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
import org.advrisk.data.Splits;
import org.advrisk.model.AttackNorm;

/**
 * Nonlinear models of the standardised inputs z ({@link InputPath}: ridge on random features φ(z), or
 * K1 kernel ridge for {@code ntk}), attacked on the inputs: the adversarial MSE is PGD's lower bound
 * ({@link Pgd}, pushing f up and down from δ = 0 and random starts), reported with
 * {@code certified = false}, next to the first-order estimate mean (|r| + α‖∇_z f‖_q)². Only l2 and
 * linf attacks, no per-feature budgets. Mapped features that are constant on the training rows (dead
 * ReLU units) are dropped: they cannot change any prediction. For {@code ntk} the coefficient profile
 * (and the top features) is the mean input gradient over the test rows, the kernel model's analogue of θ̂.
 */
public final class MappedAudit {
    private MappedAudit() {
    }

    /** Attack settings for the inputs. */
    public record PgdSettings(int steps, int restarts, long seed) {
    }

    /** Standardised test points: point t at z[t·d, (t+1)·d), its target y[t]. */
    private record Points(int d, int count, double[] z, double[] y) {
    }

    /** Audits the mapped path over splits of {@code train} (test rows by mask). */
    public static AuditResult run(Rows train, List<Split> splits, AuditOptions o, String mapSpec, PgdSettings pgd) {
        return run(train, null, splits, o, mapSpec, pgd);
    }

    /**
     * Audits the mapped path. {@code test} is null when the splits carry a test mask over
     * {@code train}; otherwise every row of {@code test} is a test row of every split.
     */
    public static AuditResult run(Rows train, Rows test, List<Split> splits, AuditOptions o, String mapSpec, PgdSettings pgd) {
        o.refuseAttackScale("with a feature map");
        check(o);
        double[] lambdas = Audit.grid(o.lambdas());
        int L = lambdas.length;
        int d = train.p();
        List<AuditRow> rows = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        FeatureMap map = InputPath.featureMap(mapSpec, d, pgd.seed());
        boolean kernel = map == null;
        int profile = kernel ? d : map.m();
        double[] meanTheta = new double[profile * L];
        double[] absW = new double[profile * L];
        String estimator = "ridge+" + mapSpec.trim();
        for (Split split : splits) {
            double[][] scaling = scaling(train, split, o.standardize());
            Points pts = points(test == null ? train : test, test == null ? split : null, scaling, d);
            double[] norms = o.alphaScale() == AlphaScale.MEAN_NORM ? meanNorms(train, split, scaling, o) : null;
            InputPath path = InputPath.fit(mapSpec, map, train, split, scaling[0], scaling[1], lambdas, notes);
            for (int l = 0; l < L; l++) {
                double[] grad = evaluate(path.predictor(l), pts, o, norms, pgd, split.label(), split.index(), estimator,
                        lambdas[l], l, path.trainMse(l), split.nTrain(), path.p(), rows);
                double[] coef = kernel ? grad : path.weights(l);
                for (int k = 0; k < profile; k++) {
                    meanTheta[k + l * profile] += coef[k] / splits.size();
                    absW[k + l * profile] += Math.abs(kernel ? grad[profile + k] : coef[k]) / splits.size();
                }
            }
        }
        notes.add("feature map " + mapSpec.trim() + ": adversarial MSE is PGD on the inputs (a lower bound, not certified); "
                + "norm_dual is the mean ||grad f||_q over the test rows" + (kernel ? "; p is the number of inputs and the "
                + "coefficient profile is the mean input gradient over the test rows" : ""));
        List<String> names = kernel ? train.featureNames() : new MappedRows(train, new double[d], new double[d], map).featureNames();
        List<AuditSummary> sum = Audit.summarise(rows, lambdas, o.attacks(), o.alphas(), names, absW, splits.size());
        return new AuditResult(rows, sum, lambdas, names, meanTheta, List.copyOf(notes));
    }

    /** Refits on every row at one λ and returns the model (what --save-model writes). */
    public static MappedModel refit(Rows train, String target, String mapSpec, long seed, double lambda, boolean standardize) {
        int d = train.p();
        Split all = Splits.all(countRows(train));
        double[][] scaling = scaling(train, all, standardize);
        FeatureMap map = InputPath.featureMap(mapSpec, d, seed);
        InputPath path = InputPath.fit(mapSpec, map, train, all, scaling[0], scaling[1], new double[] {lambda}, new LinkedHashSet<>());
        return new MappedModel(target, train.featureNames(), scaling[0], scaling[1], standardize, mapSpec.trim(), seed,
                lambda, path.intercept(0), path.weights(0), path.points() == null ? null : path.points().clone());
    }

    /** Audits a saved mapped model on every row of {@code data} (same input columns, in order), without refitting. */
    public static AuditResult external(Rows data, MappedModel model, AuditOptions o, PgdSettings pgd) {
        o.refuseAttackScale("for a model trained elsewhere");
        check(o);
        if (!data.featureNames().equals(model.features())) {
            throw new IllegalArgumentException("model: the table's features do not match the model's");
        }
        int d = data.p();
        int n = countRows(data);
        double[][] scaling = {model.mean(), model.sd()};
        Points pts = points(data, null, scaling, d);
        Split all = Splits.all(Math.max(2, n));
        double[] norms = o.alphaScale() == AlphaScale.MEAN_NORM ? meanNorms(data, all, scaling, o) : null;
        List<AuditRow> rows = new ArrayList<>();
        double[] grad = evaluate(model.predictor(), pts, o, norms, pgd, "all", 0, Audit.EXTERNAL + "+" + model.map(),
                model.lambda(), 0, Double.NaN, 0, InputPath.isKernel(model.map()) ? d : model.weights().length, rows);
        double[] lambdas = {model.lambda()};
        double[] abs = java.util.Arrays.copyOfRange(grad, d, 2 * d);
        List<AuditSummary> sum = Audit.summarise(rows, lambdas, o.attacks(), o.alphas(), data.featureNames(), abs, 1);
        List<String> notes = List.of("model " + model.map() + " audited without refitting on all " + pts.count()
                + " rows; attack units: the model's scaling; adversarial MSE is PGD on the inputs (a lower bound, not "
                + "certified); the coefficient profile is the mean input gradient");
        return new AuditResult(rows, sum, lambdas, data.featureNames(), java.util.Arrays.copyOf(grad, d), notes);
    }

    private static void check(AuditOptions o) {
        if (o.budgets() != null) {
            throw new IllegalArgumentException("budget: per-feature budgets are not available with --map (the attack moves the inputs)");
        }
        for (AttackNorm a : o.attacks()) {
            if (!org.advrisk.model.AttackNorms.pgdBalls().contains(a.label())) {
                throw new IllegalArgumentException("attack: '" + a.label() + "' is not available with --map; allowed: "
                        + String.join(", ", org.advrisk.model.AttackNorms.pgdBalls()));
            }
        }
    }

    /** {mean, sd} of the inputs on the training rows (sd = 1 without standardisation); constant inputs are refused. */
    private static double[][] scaling(Rows train, Split split, boolean standardize) {
        ColumnMoments cm = ColumnMoments.of(train, split);
        double[] sd = cm.sd().clone();
        for (int j = 0; j < sd.length; j++) {
            if (!Double.isFinite(cm.mean()[j]) || !Double.isFinite(sd[j])) {
                throw new IllegalArgumentException("feature '" + train.featureNames().get(j) + "': values too large for double"
                        + " precision (its sum of squares over the training rows of " + split.label() + " overflows); "
                        + Overflow.FIX);
            }
            if (GramAccumulator.constant(cm.mean()[j], sd[j])) {
                throw new IllegalArgumentException("feature '" + train.featureNames().get(j) + "' is constant in the training rows of "
                        + split.label() + "; drop it (--drop " + train.featureNames().get(j) + ")");
            }
            if (!standardize) {
                sd[j] = 1;
            }
        }
        return new double[][] {cm.mean(), sd};
    }

    /** The test rows of {@code split} in {@code rows} (all rows when split is null), standardised. */
    private static Points points(Rows rows, Split split, double[][] scaling, int d) {
        List<double[]> z = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        rows.forEach((i, x, yi) -> {
            if (split == null || !split.train(i)) {
                double[] row = new double[d];
                for (int j = 0; j < d; j++) {
                    row[j] = (x[j] - scaling[0][j]) / scaling[1][j];
                }
                z.add(row);
                y.add(yi);
            }
        });
        double[] zs = new double[z.size() * d];
        for (int t = 0; t < z.size(); t++) {
            System.arraycopy(z.get(t), 0, zs, t * d, d);
        }
        return new Points(d, z.size(), zs, y.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Mean ‖z‖_p over the training rows, per attack. */
    private static double[] meanNorms(Rows train, Split split, double[][] scaling, AuditOptions o) {
        double[] norms = new double[o.attacks().size()];
        double[] z = new double[train.p()];
        int[] count = {0};
        train.forEach((i, x, y) -> {
            if (split.train(i)) {
                for (int j = 0; j < z.length; j++) {
                    z[j] = (x[j] - scaling[0][j]) / scaling[1][j];
                }
                for (int a = 0; a < norms.length; a++) {
                    norms[a] += LinearWorstCase.norm(z, o.attacks().get(a).p());
                }
                count[0]++;
            }
        });
        for (int a = 0; a < norms.length; a++) {
            norms[a] /= Math.max(1, count[0]);
        }
        return norms;
    }

    private static int countRows(Rows rows) {
        int[] n = {0};
        rows.forEach((i, x, y) -> n[0]++);
        return n[0];
    }

    /**
     * Appends the rows of one fitted predictor (every attack × α: PGD's lower bound and the first-order
     * value) and returns the input gradient's mean (entries [0, d)) and mean absolute value ([d, 2d))
     * over the test points.
     */
    private static double[] evaluate(Predictor f, Points pts, AuditOptions o, double[] norms, PgdSettings pgd, String split,
                                     int splitIndex, String estimator, double lambda, int l, double trainMse, int nTrain,
                                     int p, List<AuditRow> rows) {
        int d = pts.d();
        int nTest = pts.count();
        double[] vals = new double[nTest];
        double[] grads = new double[d * nTest];
        f.evaluate(nTest, pts.z(), vals, grads);
        double mse = 0;
        double[] profile = new double[2 * d];
        for (int t = 0; t < nTest; t++) {
            mse += (vals[t] - pts.y()[t]) * (vals[t] - pts.y()[t]) / nTest;
            for (int j = 0; j < d; j++) {
                profile[j] += grads[t * d + j] / nTest;
                profile[d + j] += Math.abs(grads[t * d + j]) / nTest;
            }
        }
        for (int a = 0; a < o.attacks().size(); a++) {
            AttackNorm att = o.attacks().get(a);
            double[] gn = new double[nTest];
            double meanGn = 0;
            for (int t = 0; t < nTest; t++) {
                gn[t] = LinearWorstCase.norm(java.util.Arrays.copyOfRange(grads, t * d, (t + 1) * d), att.q());
                meanGn += gn[t] / nTest;
            }
            for (double alpha : o.alphas()) {
                double eff = norms != null ? alpha * norms[a] : alpha;
                Pgd attack = Pgd.of(att.label().equals("l2") ? Ball.L2 : Ball.LINF, eff, pgd.steps(), pgd.restarts());
                Pgd.Result res = attack.attack(f, nTest, pts.z(), pts.y(), pgd.seed(), splitIndex, l);
                double s1 = 0;
                double s2 = 0;
                double fo = 0;
                for (int t = 0; t < nTest; t++) {
                    s1 += res.worst()[t];
                    s2 += res.worst()[t] * res.worst()[t];
                    double e = Math.abs(vals[t] - pts.y()[t]) + eff * gn[t];
                    fo += e * e / nTest;
                }
                double mean = s1 / nTest;
                double var = nTest > 1 ? Math.max(0, (s2 - nTest * mean * mean) / (nTest - 1)) : 0;
                rows.add(new AuditRow(split, estimator, lambda, att.label(), alpha, eff, trainMse, mse, mean,
                        Math.sqrt(var / nTest), false, meanGn, nTrain, nTest, p, fo));
            }
        }
        return profile;
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
