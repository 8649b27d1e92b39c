package org.advrisk.report;

import org.advrisk.columns.Columns;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.advrisk.experiment.ResultStore;
import org.advrisk.stats.Criterion;
import org.advrisk.stats.Decision;
import org.advrisk.stats.Numbers;
import org.advrisk.stats.Regret;
import org.advrisk.stats.TrialCells;
import org.advrisk.stats.TrialCollector;
import org.advrisk.stats.Verdict;

/**
 * The "beyond the paper" verdict: does adversarial training (a δ path) escape the ridge trade-off on the
 * same training sets? Regret ratios A and S (as in claim (ii)) on the ridge path over λ and on the
 * adversarial-training path over δ, bootstrapped over trials (one training set keeps both paths together).
 */
public final class AdvTrainVerdicts {
    /** Rule, in words. */
    public static final String RULE = rule("adversarial-training", "over δ", "δ", "the two paths'",
            ", the argmins and the solver's iterations and certified gaps are printed, not ruled on.");

    /**
     * The rule of a "does this path escape the ridge trade-off" verdict, shared with {@link EarlyStopVerdicts}:
     * the path's name, what it runs over, its parameter's symbol, whose minima are compared, and what is printed.
     */
    static String rule(String path, String over, String sym, String whose, String printed) {
        return "Each condition is a statistic with a 95% bootstrap interval (training sets"
            + " resampled within each n, B = " + org.advrisk.stats.Bootstrap.DEFAULT_REPLICATES + ", t-calibrated;"
            + " a training set keeps its ridge and " + path + " paths together); the verdict HOLDS when every"
            + " condition holds, DOES NOT HOLD when one clearly fails, INCONCLUSIVE otherwise. At n_max, on the same"
            + " training sets: the ridge path shows the trade-off, A_λ = R_α(θ̂_λstd)/min_λ R_α > " + Verdicts.REGRET
            + " and S_λ = R(θ̂_λadv)/min_λ R > " + Verdicts.REGRET + ", while on the " + path + " path " + over
            + " (argmins over " + sym + ", recomputed on every resample) A_" + sym + " < " + Verdicts.REGRET + " and S_"
            + sym + " < " + Verdicts.REGRET + ", i.e. some " + sym + " makes both risks small where no λ does. The ratios of "
            + whose + " minima" + printed;
    }

    private AdvTrainVerdicts() {
    }

    /** The adversarial-training rows of a run directory (those {@link RunData} leaves out). */
    public static List<Map<String, Object>> rows(Path dir) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : ResultStore.readRows(dir)) {
            if ("advtrain".equals(r.get(Columns.ESTIMATOR.name()))) {
                out.add(r);
            }
        }
        return out;
    }

    /** Verdicts of a run with ridge and adversarial-training rows. */
    public static List<Verdict> verdicts(RunData data) throws IOException {
        return verdicts(data.rows(), rows(data.dir()));
    }

    /** One verdict per setting, α > 0 and training attack, from ridge rows and adversarial-training rows. */
    public static List<Verdict> verdicts(List<Map<String, Object>> ridge, List<Map<String, Object>> adv) {
        List<Verdict> out = new ArrayList<>();
        for (Map<String, Object> s : settings(ridge)) {
            List<Map<String, Object>> rs = matching(ridge, s);
            List<Map<String, Object>> as = matching(adv, s);
            for (String ta : new TreeSet<>(as.stream().map(r -> String.valueOf(r.get(Columns.TRAIN_ATTACK.name()))).toList())) {
                List<Map<String, Object>> at = as.stream().filter(r -> ta.equals(String.valueOf(r.get(Columns.TRAIN_ATTACK.name()))))
                        .toList();
                for (double a : distinct(rs, Columns.ALPHA.name())) {
                    if (a > 0) {
                        Verdict v = verdict(s, rs, at, a, ta);
                        if (v != null) {
                            out.add(v);
                        }
                    }
                }
            }
        }
        return out;
    }

    static Verdict verdict(Map<String, Object> s, List<Map<String, Object>> rs, List<Map<String, Object>> at,
                           double a, String trainAttack) {
        double[] lambdas = distinct(rs, Columns.LAMBDA.name());
        double[] deltas = distinct(at, Columns.DELTA.name());
        int l = lambdas.length;
        int d = deltas.length;
        if (l < 3 || d < 3) {
            return null;
        }
        // per n, per trial: ridge std[l], ridge adv[l], advtrain std[d], advtrain adv[d]
        TrialCollector trials = new TrialCollector(2 * (l + d));
        double maxGap = 0;
        long iterations = 0;
        long fits = 0;
        for (boolean ridge : new boolean[] {true, false}) {
            for (Map<String, Object> r : ridge ? rs : at) {
                if (num(r, Columns.ALPHA.name()) != a) {
                    continue;
                }
                double[] grid = ridge ? lambdas : deltas;
                int k = java.util.Arrays.binarySearch(grid, num(r, ridge ? Columns.LAMBDA.name() : Columns.DELTA.name()));
                int off = ridge ? 0 : 2 * l;
                int g = ridge ? l : d;
                double n = num(r, Columns.N.name());
                int t = (int) num(r, Columns.TRIAL.name());
                trials.put(n, t, off + k, num(r, Columns.STD_RISK.name()));
                trials.put(n, t, off + g + k, num(r, Columns.ADV_RISK.name()));
                if (!ridge) {
                    maxGap = Math.max(maxGap, num(r, Columns.TRAIN_GAP.name()));
                    iterations += (long) num(r, Columns.ITERATIONS.name());
                    fits++;
                }
            }
        }
        if (trials.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String p : new String[] {"ridge", "advtrain"}) {
            for (String c : new String[] {"std_risk", "adv_risk"}) {
                for (double x : p.equals("ridge") ? lambdas : deltas) {
                    names.add(p + ":" + c + "@" + x);
                }
            }
        }
        TrialCells cells = trials.cells(names);
        double th = Verdicts.REGRET;
        List<Criterion> cr = VerdictStats.criteria(cells, List.of("A_λ(n_max) (ridge)", "S_λ(n_max) (ridge)",
                        "A_δ(n_max) (adversarial training)", "S_δ(n_max) (adversarial training)"),
                List.of(Regret.at(-1, 0, l, true), Regret.at(-1, 0, l, false), Regret.at(-1, 2 * l, d, true),
                        Regret.at(-1, 2 * l, d, false)),
                new boolean[] {true, true, false, false}, new double[] {th, th, th, th});
        double[][] m = cells.means();
        StringBuilder num = new StringBuilder();
        for (int j = 0; j < m.length; j++) {
            Regret rl = Regret.of(slice(m[j], 0, l), slice(m[j], l, l));
            Regret rd = Regret.of(slice(m[j], 2 * l, d), slice(m[j], 2 * l + d, d));
            double minRl = m[j][rl.iStd()];
            double minAl = m[j][l + rl.iAdv()];
            double minRd = m[j][2 * l + rd.iStd()];
            double minAd = m[j][2 * l + d + rd.iAdv()];
            num.append("n = ").append((int) cells.ns()[j]).append(": ridge A = ").append(RunData.fmt(rl.a()))
                    .append(", S = ").append(RunData.fmt(rl.s())).append(" (λ_std = ")
                    .append(RunData.fmt(lambdas[rl.iStd()])).append(", λ_adv = ").append(RunData.fmt(lambdas[rl.iAdv()]))
                    .append("); adversarial training A = ").append(RunData.fmt(rd.a())).append(", S = ")
                    .append(RunData.fmt(rd.s())).append(" (δ_std = ").append(RunData.fmt(deltas[rd.iStd()]))
                    .append(", δ_adv = ").append(RunData.fmt(deltas[rd.iAdv()])).append("); min_δ R/min_λ R = ")
                    .append(RunData.fmt(minRd / minRl)).append(", min_δ R_α/min_λ R_α = ")
                    .append(RunData.fmt(minAd / minAl)).append("; ");
        }
        int at0 = java.util.Arrays.binarySearch(deltas, a);
        if (at0 >= 0) {
            double[] last = m[m.length - 1];
            num.append("at n_max, δ = α = ").append(RunData.fmt(a)).append(": R = ")
                    .append(RunData.fmt(last[2 * l + at0])).append(", R_α = ").append(RunData.fmt(last[2 * l + d + at0]))
                    .append("; ");
        }
        num.append("solver: ").append(fits).append(" fits, mean ").append(RunData.fmt((double) iterations / Math.max(1, fits)))
                .append(" iterations, largest certified relative gap ").append(RunData.fmt(maxGap));
        return new Verdict("beyond the paper: some δ of adversarial training makes both risks small where no λ does",
                RunData.label(s) + ", α = " + RunData.fmt(a) + ", trained against " + trainAttack + ", δ ∈ ["
                        + RunData.fmt(deltas[0]) + ", " + RunData.fmt(deltas[d - 1]) + "] (" + d + " values)",
                "regret ratios A, S along λ (ridge) and along δ (adversarial training) on the same training sets",
                Numbers.builder().words(num.toString()).build(), Decision.all(cr.stream().map(Criterion::decision).toList()), cr, RULE);
    }

    static double[] slice(double[] v, int from, int len) {
        return java.util.Arrays.copyOfRange(v, from, from + len);
    }

    static double num(Map<String, Object> r, String c) {
        return r.get(c) instanceof Number x ? x.doubleValue() : Double.NaN;
    }

    static double[] distinct(List<Map<String, Object>> rows, String c) {
        TreeSet<Double> s = new TreeSet<>();
        for (Map<String, Object> r : rows) {
            double v = num(r, c);
            if (!Double.isNaN(v)) {
                s.add(v);
            }
        }
        return s.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static List<Map<String, Object>> settings(List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> s = new LinkedHashMap<>();
            for (String c : RunData.SETTING) {
                s.put(c, r.get(c));
            }
            out.putIfAbsent(s.toString(), s);
        }
        return new ArrayList<>(out.values());
    }

    static List<Map<String, Object>> matching(List<Map<String, Object>> rows, Map<String, Object> s) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            boolean match = true;
            for (Map.Entry<String, Object> e : s.entrySet()) {
                match &= RunData.same(r.get(e.getKey()), e.getValue());
            }
            if (match) {
                out.add(r);
            }
        }
        return out;
    }
}
