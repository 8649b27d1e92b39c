package org.advrisk.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.advrisk.columns.Columns;
import org.advrisk.experiment.ResultStore;
import org.advrisk.stats.Criterion;
import org.advrisk.stats.Decision;
import org.advrisk.stats.Numbers;
import org.advrisk.stats.Regret;
import org.advrisk.stats.TrialCells;
import org.advrisk.stats.Verdict;
import org.advrisk.theory.OracleFrontier;

/**
 * The "beyond the paper" verdict on early stopping: does gradient flow stopped at some time t (a t path) escape
 * the ridge trade-off on the same training sets? The regret ratios A and S of claim (ii) along λ and along t,
 * bootstrapped over trials, by the rule of {@link AdvTrainVerdicts}. The numbers also place every estimator
 * against the oracle frontier ({@link OracleLines}): each path's best mean R_α over the oracle's best R_α among
 * linear predictors with at most the same standard risk.
 */
public final class EarlyStopVerdicts {
    /** Rule, in words. */
    public static final String RULE = AdvTrainVerdicts.rule("gradient-flow", "over the stopping time t", "t",
            "the paths'", ", the argmins and each path's distance to the oracle frontier are printed, not ruled on.");

    private EarlyStopVerdicts() {
    }

    /** Verdicts of a run with ridge and gradient-flow rows (and, optionally, adversarial-training rows). */
    public static List<Verdict> verdicts(RunData data) throws IOException {
        return verdicts(data, ResultStore.readRows(data.dir()));
    }

    /** One verdict per setting and α &gt; 0 from every row of a run (all estimators). */
    static List<Verdict> verdicts(RunData data, List<Map<String, Object>> rows) {
        List<Verdict> out = new ArrayList<>();
        for (Map<String, Object> s : AdvTrainVerdicts.settings(EstimatorPaths.of(rows, "ridge"))) {
            List<Map<String, Object>> rs = AdvTrainVerdicts.matching(rows, s);
            for (double a : AdvTrainVerdicts.distinct(EstimatorPaths.of(rs, "ridge"), Columns.ALPHA.name())) {
                if (a > 0) {
                    Verdict v = verdict(data, s, rs, a);
                    if (v != null) {
                        out.add(v);
                    }
                }
            }
        }
        return out;
    }

    /** The paths a run holds: ridge (λ), gradient flow (t), adversarial training (δ, one training attack) if any. */
    static List<EstimatorPaths.Path> paths(List<Map<String, Object>> rows) {
        List<EstimatorPaths.Path> out = new ArrayList<>();
        EstimatorPaths.Path ridge = EstimatorPaths.path(rows, "ridge", Columns.LAMBDA);
        EstimatorPaths.Path gf = EstimatorPaths.path(rows, "gf", Columns.TIME);
        if (ridge == null || gf == null) {
            return out;
        }
        out.add(ridge);
        out.add(gf);
        EstimatorPaths.Path adv = EstimatorPaths.path(advRows(rows), "advtrain", Columns.DELTA);
        if (adv != null) {
            out.add(adv);
        }
        return out;
    }

    /** The rows of all estimators except the adversarial training against attacks other than the first one. */
    static List<Map<String, Object>> advRows(List<Map<String, Object>> rows) {
        TreeSet<String> attacks = new TreeSet<>();
        for (Map<String, Object> r : EstimatorPaths.of(rows, "advtrain")) {
            attacks.add(String.valueOf(r.get(Columns.TRAIN_ATTACK.name())));
        }
        return rows.stream().filter(r -> !"advtrain".equals(r.get(Columns.ESTIMATOR.name()))
                || String.valueOf(r.get(Columns.TRAIN_ATTACK.name())).equals(attacks.isEmpty() ? "" : attacks.first()))
                .toList();
    }

    static Verdict verdict(RunData data, Map<String, Object> s, List<Map<String, Object>> rows, double a) {
        List<Map<String, Object>> kept = advRows(rows);
        List<EstimatorPaths.Path> paths = paths(kept);
        if (paths.isEmpty()) {
            return null;
        }
        TrialCells cells = EstimatorPaths.cells(kept, a, paths.subList(0, 2));
        if (cells == null) {
            return null;
        }
        int l = paths.get(0).grid().length;
        int t = paths.get(1).grid().length;
        double th = Verdicts.REGRET;
        List<Criterion> cr = VerdictStats.criteria(cells, List.of("A_λ(n_max) (ridge)", "S_λ(n_max) (ridge)",
                        "A_t(n_max) (gradient flow)", "S_t(n_max) (gradient flow)"),
                List.of(Regret.at(-1, 0, l, true), Regret.at(-1, 0, l, false), Regret.at(-1, 2 * l, t, true),
                        Regret.at(-1, 2 * l, t, false)),
                new boolean[] {true, true, false, false}, new double[] {th, th, th, th});
        double[][] m = cells.means();
        double[] lambdas = paths.get(0).grid();
        double[] times = paths.get(1).grid();
        StringBuilder num = new StringBuilder();
        for (int j = 0; j < m.length; j++) {
            Regret rl = Regret.of(AdvTrainVerdicts.slice(m[j], 0, l), AdvTrainVerdicts.slice(m[j], l, l));
            Regret rt = Regret.of(AdvTrainVerdicts.slice(m[j], 2 * l, t), AdvTrainVerdicts.slice(m[j], 2 * l + t, t));
            num.append("n = ").append((int) cells.ns()[j]).append(": ridge A = ").append(RunData.fmt(rl.a()))
                    .append(", S = ").append(RunData.fmt(rl.s())).append(" (λ_std = ")
                    .append(RunData.fmt(lambdas[rl.iStd()])).append(", λ_adv = ").append(RunData.fmt(lambdas[rl.iAdv()]))
                    .append("); gradient flow A = ").append(RunData.fmt(rt.a())).append(", S = ")
                    .append(RunData.fmt(rt.s())).append(" (t_std = ").append(RunData.fmt(times[rt.iStd()]))
                    .append(", t_adv = ").append(RunData.fmt(times[rt.iAdv()])).append(", 1/t_adv = ")
                    .append(RunData.fmt(1 / times[rt.iAdv()])).append("); min_t R/min_λ R = ")
                    .append(RunData.fmt(m[j][2 * l + rt.iStd()] / m[j][rl.iStd()])).append(", min_t R_α/min_λ R_α = ")
                    .append(RunData.fmt(m[j][2 * l + t + rt.iAdv()] / m[j][l + rl.iAdv()])).append("; ");
        }
        double nMax = cells.ns()[cells.ns().length - 1];
        num.append(oracleGaps(data, s, kept, paths, a, nMax));
        return new Verdict("beyond the paper: some stopping time t of gradient flow makes both risks small where no λ"
                + " does", RunData.label(s) + ", α = " + RunData.fmt(a) + ", t ∈ [" + RunData.fmt(times[0]) + ", "
                + RunData.fmt(times[t - 1]) + "] (" + t + " values)",
                "regret ratios A, S along λ (ridge) and along t (gradient flow from θ = 0) on the same training sets",
                Numbers.builder().words(num.toString()).build(), Decision.all(cr.stream().map(Criterion::decision).toList()),
                cr, RULE);
    }

    /**
     * "at n_max, best R_α over the oracle's at the same R: ridge …, gradient flow …, adversarial training …" from
     * the mean paths at n; empty when the setting has no oracle.
     */
    static String oracleGaps(RunData data, Map<String, Object> s, List<Map<String, Object>> rows,
                             List<EstimatorPaths.Path> paths, double a, double n) {
        if (data == null) {
            return "";
        }
        Map<Double, OracleFrontier> fs = OracleLines.frontiers(data, s, a, new double[] {n});
        if (!fs.containsKey(n)) {
            return "";
        }
        OracleFrontier f = fs.get(n);
        StringBuilder out = new StringBuilder("at n = " + (int) n + ", each path's least mean R_α against the oracle's"
                + " best R_α among linear predictors with at most the same R (the oracle frontier; ground truth R_α = "
                + RunData.fmt(f.groundTruth()) + "): ");
        for (int k = 0; k < paths.size(); k++) {
            double[] best = bestPoint(rows, paths.get(k), a, n);
            if (best == null) {
                continue;
            }
            double oracle = f.bestAdvAt(best[0]);
            double onPath = f.pathAdvAt(best[0]);
            out.append(k == 0 ? "" : "; ").append(name(paths.get(k).estimator())).append(" R_α = ")
                    .append(RunData.fmt(best[1])).append(" at R = ").append(RunData.fmt(best[0])).append(" vs oracle ")
                    .append(RunData.fmt(oracle)).append(" (×").append(RunData.fmt(best[1] / oracle)).append(")");
            if (Double.isFinite(onPath) && onPath > oracle * (1 + 1e-9)) {
                out.append(", vs the oracle path's θ(μ) at that R ").append(RunData.fmt(onPath)).append(" (×")
                        .append(RunData.fmt(best[1] / onPath)).append(")");
            }
        }
        return out.toString();
    }

    /** (R, R_α) of the path's point with the least mean R_α over trials at n, or null. */
    static double[] bestPoint(List<Map<String, Object>> rows, EstimatorPaths.Path p, double a, double n) {
        double[] best = null;
        for (double x : p.grid()) {
            double r = 0;
            double ra = 0;
            int c = 0;
            for (Map<String, Object> row : EstimatorPaths.of(rows, p.estimator())) {
                if (AdvTrainVerdicts.num(row, Columns.N.name()) == n && AdvTrainVerdicts.num(row, Columns.ALPHA.name()) == a
                        && AdvTrainVerdicts.num(row, p.key().name()) == x) {
                    r += AdvTrainVerdicts.num(row, Columns.STD_RISK.name());
                    ra += AdvTrainVerdicts.num(row, Columns.ADV_RISK.name());
                    c++;
                }
            }
            if (c > 0 && (best == null || ra / c < best[1])) {
                best = new double[] {r / c, ra / c};
            }
        }
        return best;
    }

    /** The estimator's name in words. */
    static String name(String estimator) {
        return switch (estimator) {
            case "ridge" -> "ridge";
            case "gf" -> "gradient flow";
            case "advtrain" -> "adversarial training";
            default -> estimator;
        };
    }
}
