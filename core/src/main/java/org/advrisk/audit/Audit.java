package org.advrisk.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.advrisk.attack.LinearWorstCase;
import org.advrisk.data.Rows;
import org.advrisk.data.Split;
import org.advrisk.data.TrainingStatistics;
import org.advrisk.estimator.Estimators;
import org.advrisk.model.AttackNorm;

/**
 * Runs the ridge path of a table through its splits: per split, stream the training rows into
 * {@link TrainingStatistics}, decompose once ({@link TableRidgePath}), build θ̂ for every λ, stream
 * the test rows once for all λ ({@link TestEvaluation}) and emit the certified rows; then summarise
 * per (attack, α) over the splits ({@link AuditSummary}).
 */
public final class Audit {
    /** Estimator label of the ridge path. */
    public static final String RIDGE = "ridge";

    private Audit() {
    }

    /** The λ grid sorted ascending without repeats. */
    public static double[] grid(double[] lambdas) {
        return Arrays.stream(lambdas).sorted().distinct().toArray();
    }

    /**
     * Audits the ridge path. {@code test} is null when the splits carry a test mask over
     * {@code train}; otherwise every row of {@code test} is a test row of every split.
     */
    public static AuditResult run(Rows train, Rows test, List<Split> splits, AuditOptions o) {
        double[] lambdas = grid(o.lambdas());
        int L = lambdas.length;
        int P = train.p();
        List<AttackNorm> attacks = o.attacks();
        double[] exps = attacks.stream().mapToDouble(AttackNorm::p).toArray();
        boolean meanNorm = o.alphaScale() == AlphaScale.MEAN_NORM;
        List<AuditRow> rows = new ArrayList<>();
        double[] meanTheta = new double[P * L];
        double[] meanAbsWeighted = new double[P * L];
        Set<String> notes = new LinkedHashSet<>();
        if (o.advTrain() != null) {
            AdvTrainAudit.checkSize(splits.stream().mapToLong(Split::nTrain).max().orElse(0), P);
        }
        SplitFits fits = SplitFits.of(train, test, splits, o, lambdas, meanNorm && test == null ? exps : new double[0]);
        int at = 0;
        for (Split split : splits) {
            SplitFits.Fit fit = fits.get(at++);
            TrainingStatistics st = fit.st();
            if (!st.dropped().isEmpty()) {
                notes.add("dropped constant column(s) " + String.join(",", st.dropped()) + " (" + split.label() + ")");
            }
            TableRidgePath path = fit.path();
            double[] thetas = fit.thetas();
            TestEvaluation.Result ev = fit.ev();
            double[] norms = ev.meanTrainNorms();
            if (meanNorm && test != null) {
                norms = TestEvaluation.meanTrainNorms(train, split, st, exps);
            }
            int q = st.p();
            double[] d = o.weights(st.featureNames(), train, split, st.kept());
            double[] dtheta = new double[q];
            for (int l = 0; l < L; l++) {
                ResidualMoments mom = ev.moments()[l];
                for (int k = 0; k < q; k++) {
                    double t = thetas[k + l * q];
                    dtheta[k] = d[k] * t;
                    meanTheta[st.kept()[k] + l * P] += t / splits.size();
                    meanAbsWeighted[st.kept()[k] + l * P] += Math.abs(dtheta[k]) / splits.size();
                }
                double train_ = path.trainMse(lambdas[l]);
                for (int a = 0; a < attacks.size(); a++) {
                    AttackNorm att = attacks.get(a);
                    double nd = LinearWorstCase.norm(dtheta, att.q());
                    for (double alpha : o.alphas()) {
                        double eff = meanNorm ? alpha * norms[a] : alpha;
                        double c = eff * nd;
                        rows.add(new AuditRow(split.label(), RIDGE, lambdas[l], att.label(), alpha, eff, train_,
                                mom.mse(), mom.adversarial(c), mom.adversarialSe(c), true, nd, split.nTrain(),
                                (int) mom.count(), q));
                    }
                }
            }
            if (o.flow().any()) {
                FlowAudit.rows(train, test, split, st, path, o, meanNorm ? norms : null, d, rows);
            }
            if (!o.plugins().isEmpty()) {
                SpectralAudit.rows(train, test, split, st, path, o, meanNorm ? norms : null, d, rows);
            }
            if (o.advTrain() != null) {
                AdvTrainAudit.rows(train, test, split, st, o, meanNorm ? norms : null, d, rows);
            }
            notes.add((st.dual() ? "dual path (XXᵀ, p >= n_train)" : "primal path (XᵀX, p < n_train)"));
        }
        if (!o.plugins().isEmpty()) {
            List<org.advrisk.columns.Column> extra = org.advrisk.estimator.SpectralRows.columns(o.plugins());
            rows.replaceAll(r -> r.withColumns(extra));
        }
        List<AuditSummary> summaries = summarise(rows, lambdas, attacks, o.alphas(), train.featureNames(),
                meanAbsWeighted, splits.size());
        if (o.flow().any()) {
            notes.add(FlowAudit.NOTE);
        }
        if (o.advTrain() != null) {
            notes.add("advtrain: adversarial training against " + o.advTrain().attack().label() + " on the standardised "
                    + "training rows, intercept free and optimised jointly; its adversarial MSE is certified like ridge's");
        }
        return new AuditResult(rows, summaries, lambdas, train.featureNames(), meanTheta, List.copyOf(notes));
    }

    /** Per (attack, α) over the λ grid, from rows averaged over splits. */
    static List<AuditSummary> summarise(List<AuditRow> rows, double[] lambdas, List<AttackNorm> attacks, double[] alphas,
                                        List<String> names, double[] absWeighted, int splits) {
        int L = lambdas.length;
        int P = names.size();
        List<AuditSummary> out = new ArrayList<>();
        for (AttackNorm att : attacks) {
            for (double alpha : alphas) {
                double[] test = new double[L];
                double[] adv = new double[L];
                int[] cnt = new int[L];
                boolean certified = true;
                for (AuditRow r : rows) {
                    if (r.advTrain() == null && r.flow() == null && !Estimators.isPlugin(r.estimator()) && r.attack().equals(att.label()) && r.alpha() == alpha) {
                        int l = Arrays.binarySearch(lambdas, r.lambda());
                        test[l] += r.testMse();
                        adv[l] += r.advTestMse();
                        cnt[l]++;
                        certified &= r.certified();
                    }
                }
                for (int l = 0; l < L; l++) {
                    test[l] /= cnt[l];
                    adv[l] /= cnt[l];
                }
                int iStd = argmin(test);
                int iAdv = argmin(adv);
                int firstPositive = lambdas[0] == 0 && L > 1 ? 1 : 0;
                boolean edge = (iStd == L - 1 || iAdv == L - 1 || (lambdas[firstPositive] > 0 && (iStd == firstPositive
                        || iAdv == firstPositive))) && L > 1;
                double zero = lambdas[0] == 0 ? adv[0] / adv[iAdv] : Double.NaN;
                out.add(new AuditSummary(att.label(), alpha, lambdas[iStd], lambdas[iAdv], test[iStd], adv[iStd],
                        test[iAdv], adv[iAdv], adv[iStd] / adv[iAdv], test[iAdv] / test[iStd], zero, edge,
                        frontier(lambdas, test, adv), top(names, absWeighted, iAdv, P, att.q()), splits, certified,
                        deltaChoice(rows, att.label(), alpha)));
            }
        }
        return out;
    }

    /** The δ minimising the mean test MSE and the one minimising the mean adversarial MSE; null without advtrain rows. */
    static AuditSummary.DeltaChoice deltaChoice(List<AuditRow> rows, String attack, double alpha) {
        java.util.TreeMap<Double, double[]> byDelta = new java.util.TreeMap<>();
        for (AuditRow r : rows) {
            if (r.advTrain() != null && r.attack().equals(attack) && r.alpha() == alpha) {
                double[] s = byDelta.computeIfAbsent(r.advTrain().delta(), k -> new double[3]);
                s[0] += r.testMse();
                s[1] += r.advTestMse();
                s[2]++;
            }
        }
        if (byDelta.isEmpty()) {
            return null;
        }
        double[] deltas = byDelta.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] test = byDelta.values().stream().mapToDouble(v -> v[0] / v[2]).toArray();
        double[] adv = byDelta.values().stream().mapToDouble(v -> v[1] / v[2]).toArray();
        int iStd = argmin(test);
        int iAdv = argmin(adv);
        return new AuditSummary.DeltaChoice(deltas[iStd], deltas[iAdv], test[iStd], adv[iStd], test[iAdv], adv[iAdv]);
    }

    /** Index of the smallest value (the first, i.e. the smallest λ, on ties). */
    static int argmin(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** λ values not dominated in (test, adv): sorted by test MSE, keep each that lowers the best adv so far. */
    static double[] frontier(double[] lambdas, double[] test, double[] adv) {
        Integer[] idx = new Integer[lambdas.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> test[i]).thenComparingDouble(i -> adv[i]));
        List<Double> f = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int i : idx) {
            if (adv[i] < best) {
                f.add(lambdas[i]);
                best = adv[i];
            }
        }
        return f.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static List<AuditSummary.FeatureShare> top(List<String> names, double[] absWeighted, int l, int p, double q) {
        double[] v = Arrays.copyOfRange(absWeighted, l * p, (l + 1) * p);
        double total;
        if (Double.isInfinite(q)) {
            total = Arrays.stream(v).max().orElse(0);
        } else {
            double s = 0;
            for (double x : v) {
                s += Math.pow(x, q);
            }
            total = s;
        }
        Integer[] idx = new Integer[p];
        for (int i = 0; i < p; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[b], v[a]));
        List<AuditSummary.FeatureShare> out = new ArrayList<>();
        for (int k = 0; k < Math.min(5, p); k++) {
            int j = idx[k];
            if (v[j] == 0) {
                break;
            }
            double share = total == 0 ? 0 : (Double.isInfinite(q) ? v[j] / total : Math.pow(v[j], q) / total);
            out.add(new AuditSummary.FeatureShare(names.get(j), v[j], share));
        }
        return out;
    }

    /** Estimator label of an external (saved or foreign) linear model. */
    public static final String EXTERNAL = "external";

    /**
     * Audits a given linear model on every row of {@code data} (its features must be the model's, in
     * order). With {@code standardize} the attack lives in standardised units: sd from the model's
     * scaling when it has one, else from these rows.
     */
    public static AuditResult external(Rows data, LinearModel model, AuditOptions o) {
        o.refuseAttackScale("for a model trained elsewhere");
        int p = model.features().size();
        if (!data.featureNames().equals(model.features())) {
            throw new IllegalArgumentException("model: the table's features do not match the model's");
        }
        Split all = org.advrisk.data.Splits.all(Integer.MAX_VALUE / 2);
        double[] sd = new double[p];
        java.util.Arrays.fill(sd, 1.0);
        java.util.List<String> notes = new ArrayList<>();
        if (o.standardize()) {
            if (model.sd() != null) {
                sd = model.sd().clone();
                notes.add("attack units: the model's training sd");
            } else {
                org.advrisk.data.ColumnMoments cm = org.advrisk.data.ColumnMoments.of(data, all);
                sd = cm.sd();
                for (int j = 0; j < p; j++) {
                    if (org.advrisk.data.GramAccumulator.constant(cm.mean()[j], sd[j])) {
                        throw new IllegalArgumentException("feature '" + model.features().get(j) + "' is constant in "
                                + "the audited rows, so it has no standard deviation to measure the attack in; "
                                + "use --standardize off or give scaling.sd in the model");
                    }
                }
                notes.add("attack units: the audited rows' sd (the model has no scaling)");
            }
        }
        double[] mean = new double[p];
        int[] kept = new int[p];
        double[] thetaZ = new double[p];
        double offset = model.intercept();
        for (int j = 0; j < p; j++) {
            kept[j] = j;
            thetaZ[j] = model.coefficients()[j] * sd[j];
        }
        TrainingStatistics st = new TrainingStatistics(model.features(), kept, 0, mean, sd, o.standardize(), offset,
                null, null, 0, null, null, List.of());
        AttackNorm[] atts = o.attacks().toArray(new AttackNorm[0]);
        double[] exps = o.attacks().stream().mapToDouble(AttackNorm::p).toArray();
        TestEvaluation.Result ev = TestEvaluation.run(data, all, true, st, thetaZ, 1, new double[0]);
        double[] norms = o.alphaScale() == AlphaScale.MEAN_NORM ? TestEvaluation.meanTrainNorms(data, all, st, exps) : null;
        double[] d = Budgets.weights(o.budgets(), model.features());
        double[] dtheta = new double[p];
        for (int j = 0; j < p; j++) {
            dtheta[j] = d[j] * thetaZ[j];
        }
        ResidualMoments mom = ev.moments()[0];
        List<AuditRow> rows = new ArrayList<>();
        for (int a = 0; a < atts.length; a++) {
            double nd = LinearWorstCase.norm(dtheta, atts[a].q());
            for (double alpha : o.alphas()) {
                double eff = norms != null ? alpha * norms[a] : alpha;
                double c = eff * nd;
                rows.add(new AuditRow("all", EXTERNAL, model.lambda(), atts[a].label(), alpha, eff, Double.NaN,
                        mom.mse(), mom.adversarial(c), mom.adversarialSe(c), true, nd, 0, (int) mom.count(), p));
            }
        }
        double[] abs = new double[p];
        for (int j = 0; j < p; j++) {
            abs[j] = Math.abs(dtheta[j]);
        }
        List<AuditSummary> summaries = new ArrayList<>();
        for (AttackNorm att : atts) {
            for (double alpha : o.alphas()) {
                AuditRow r = rows.stream().filter(x -> x.attack().equals(att.label()) && x.alpha() == alpha).findFirst().orElseThrow();
                summaries.add(new AuditSummary(att.label(), alpha, model.lambda(), model.lambda(), r.testMse(), r.advTestMse(),
                        r.testMse(), r.advTestMse(), 1, 1, Double.NaN, false, new double[] {model.lambda()},
                        top(model.features(), abs, 0, p, att.q()), 1, true));
            }
        }
        return new AuditResult(rows, summaries, new double[] {model.lambda()}, model.features(), thetaZ, notes);
    }
}
