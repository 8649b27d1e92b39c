package org.advrisk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.stats.Bootstrap;
import org.advrisk.stats.Criterion;
import org.advrisk.stats.Interval;
import org.advrisk.stats.LogLogSlope;
import org.advrisk.stats.Regret;
import org.advrisk.stats.Statistic;
import org.advrisk.stats.TrialCells;
import org.advrisk.stats.TrialCollector;

/**
 * Builds the bootstrap inputs of the verdicts from a run's rows: per n, per trial (training set), the
 * values of chosen (column, λ, α) quantities; and the verdicts' criteria on them (log-log slopes,
 * ratios at n_max, regret ratios). Seed {@link #SEED}, B = {@link Bootstrap#DEFAULT_REPLICATES}, 95%.
 */
final class VerdictStats {
    /** Seed of the verdicts' bootstrap. */
    static final long SEED = 20240122L;

    private VerdictStats() {
    }

    /** One measured quantity: a column at a λ (NaN: any) and α. */
    record Q(org.advrisk.columns.Column column, double lambda, double alpha) {
    }

    /** Per-n, per-trial values of the quantities for a setting (infinite width only); trials missing one are dropped. */
    static TrialCells cells(RunData data, Map<String, Object> setting, List<Q> qs) {
        TrialCollector trials = new TrialCollector(qs.size());
        for (Map<String, Object> r : data.rows()) {
            boolean match = true;
            for (Map.Entry<String, Object> e : setting.entrySet()) {
                match &= RunData.same(r.get(e.getKey()), e.getValue());
            }
            Object m = r.get(Columns.M.name());
            if (!match || (m != null && !"inf".equals(String.valueOf(m)))) {
                continue;
            }
            double n = ((Number) r.get(Columns.N.name())).doubleValue();
            int trial = ((Number) r.get(Columns.TRIAL.name())).intValue();
            double lambda = ((Number) r.get(Columns.LAMBDA.name())).doubleValue();
            double alpha = ((Number) r.get(Columns.ALPHA.name())).doubleValue();
            for (int k = 0; k < qs.size(); k++) {
                Q q = qs.get(k);
                if ((Double.isNaN(q.lambda()) || q.lambda() == lambda) && q.alpha() == alpha
                        && r.get(q.column().name()) instanceof Number v) {
                    trials.put(n, trial, k, v.doubleValue());
                }
            }
        }
        List<String> names = qs.stream().map(q -> q.column() + "@λ=" + q.lambda() + ",α=" + q.alpha()).toList();
        return trials.cells(names);
    }

    /** mean of quantity k at n_max divided by mean of quantity j at n_min (j = k: growth factor). */
    static Statistic growth(int k) {
        return (ns, m) -> m[ns.length - 1][k] / m[0][k];
    }

    /** mean of quantity k at n_max divided by mean of quantity j at n_max. */
    static Statistic ratioAtMax(int k, int j) {
        return (ns, m) -> m[ns.length - 1][k] / m[ns.length - 1][j];
    }

    /** Criteria from statistics with names, directions and thresholds, on one set of replicates. */
    static List<Criterion> criteria(TrialCells cells, List<String> names, List<Statistic> stats, boolean[] above,
                                    double[] thresholds) {
        List<Interval> iv = Bootstrap.standard(SEED).intervals(cells, stats);
        List<Criterion> out = new ArrayList<>();
        for (int i = 0; i < stats.size(); i++) {
            out.add(new Criterion(names.get(i), iv.get(i), above[i], thresholds[i]));
        }
        return out;
    }

    /** The four claim (ii) criteria (A, S at n_max above the threshold; slopes of ln A, ln S over ln n above 0). */
    static List<Criterion> regret(RunData data, Map<String, Object> setting, double alpha, double[] lambdas,
                                  double threshold) {
        List<Q> qs = new ArrayList<>();
        for (double l : lambdas) {
            qs.add(new Q(Columns.STD_RISK, l, alpha));
        }
        for (double l : lambdas) {
            qs.add(new Q(Columns.ADV_RISK, l, alpha));
        }
        TrialCells cells = cells(data, setting, qs);
        int g = lambdas.length;
        return criteria(cells, List.of("A(n_max)", "S(n_max)", "slope of ln A on ln n", "slope of ln S on ln n"),
                List.of(Regret.at(-1, 0, g, true), Regret.at(-1, 0, g, false), Regret.slope(0, g, true),
                        Regret.slope(0, g, false)),
                new boolean[] {true, true, true, true}, new double[] {threshold, threshold, 0, 0});
    }

    /** Slope of ln(mean quantity k) on ln n. */
    static Statistic slope(int k) {
        return LogLogSlope.of(k);
    }
}
