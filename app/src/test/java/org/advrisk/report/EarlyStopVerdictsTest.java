package org.advrisk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advrisk.stats.Decision;
import org.advrisk.stats.Verdict;
import org.junit.jupiter.api.Test;

/** The early-stopping verdict on synthetic row sets whose answer is known by construction. */
class EarlyStopVerdictsTest {
    static final double[] LAMBDAS = {0, 0.1, 1};
    static final double[] TIMES = {1, 10, Double.POSITIVE_INFINITY};
    // Ridge: the λ best for R (0) is 4× worse than the best for R_α, and vice versa: A = S = 4 by construction.
    static final double[] TRADE_STD = {1, 2, 4};
    static final double[] TRADE_ADV = {4, 2, 1};
    // Escaping t path: t = 10 minimises both, so A = S = 1 (the runner-up is 5% or 10% away, above the ±2% noise).
    static final double[] ESCAPE_STD = {3, 1, 1.05};
    static final double[] ESCAPE_ADV = {1.1, 1, 4};

    @Test
    void holdsWhenOneStoppingTimeMinimisesBothRisksAndFailsWhenTheTPathHasTheSameTradeOff() {
        List<Map<String, Object>> rows = new ArrayList<>(rows("ridge", LAMBDAS, TRADE_STD, TRADE_ADV));
        rows.addAll(rows("gf", TIMES, ESCAPE_STD, ESCAPE_ADV));
        List<Verdict> ok = EarlyStopVerdicts.verdicts(null, rows);
        assertThat(ok).hasSize(1);
        Verdict v = ok.get(0);
        assertThat(v.decision()).as(VerdictText.statistics(v)).isEqualTo(Decision.HOLDS);
        // Point estimates: the regret ratios of the mean risks at n_max, computed here directly from the rows.
        assertThat(v.criteria().get(0).interval().estimate()).isCloseTo(
                mean(rows, "ridge", 0, false) / mean(rows, "ridge", 2, false), within(1e-12));
        assertThat(v.criteria().get(1).interval().estimate()).isCloseTo(
                mean(rows, "ridge", 2, true) / mean(rows, "ridge", 0, true), within(1e-12));
        assertThat(v.criteria().get(2).interval().estimate()).isEqualTo(1.0);
        assertThat(v.criteria().get(3).interval().estimate()).isEqualTo(1.0);
        assertThat(VerdictText.numbers(v)).contains("t_std = 10", "t_adv = 10", "1/t_adv = 0.1");

        List<Map<String, Object>> bad = new ArrayList<>(rows("ridge", LAMBDAS, TRADE_STD, TRADE_ADV));
        bad.addAll(rows("gf", TIMES, TRADE_STD, TRADE_ADV));
        Verdict b = EarlyStopVerdicts.verdicts(null, bad).get(0);
        assertThat(b.decision()).as(VerdictText.statistics(b)).isEqualTo(Decision.DOES_NOT_HOLD);
        assertThat(b.criteria().get(2).interval().lo()).isGreaterThan(Verdicts.REGRET);
        assertThat(b.criteria().get(3).interval().lo()).isGreaterThan(Verdicts.REGRET);
    }

    @Test
    void withoutTheRidgeTradeOffTheVerdictDoesNotHold() {
        List<Map<String, Object>> rows = new ArrayList<>(rows("ridge", LAMBDAS, new double[] {3, 1, 1.05},
                new double[] {1.1, 1, 4}));
        rows.addAll(rows("gf", TIMES, ESCAPE_STD, ESCAPE_ADV));
        Verdict v = EarlyStopVerdicts.verdicts(null, rows).get(0);
        assertThat(v.decision()).isEqualTo(Decision.DOES_NOT_HOLD);
        assertThat(v.criteria().get(0).decision()).isEqualTo(Decision.DOES_NOT_HOLD);
    }

    @Test
    void adversarialTrainingRowsAndMissingTrialsDoNotChangeTheDecision() {
        List<Map<String, Object>> rows = new ArrayList<>(rows("ridge", LAMBDAS, TRADE_STD, TRADE_ADV));
        rows.addAll(rows("gf", TIMES, ESCAPE_STD, ESCAPE_ADV));
        rows.addAll(rows("advtrain", new double[] {0.1, 0.25, 1}, TRADE_STD, TRADE_ADV));
        rows.removeIf(r -> "gf".equals(r.get("estimator")) && ((Number) r.get("trial")).intValue() == 0
                && ((Number) r.get("n")).intValue() == 200 && ((Number) r.get("time")).doubleValue() == 1);
        Verdict v = EarlyStopVerdicts.verdicts(null, rows).get(0);
        assertThat(v.decision()).isEqualTo(Decision.HOLDS);
        // the ridge ratios come from the 5 complete trials at n = 200, not from all 6
        assertThat(v.criteria().get(0).interval().estimate()).isNotEqualTo(
                mean(rows, "ridge", 0, false) / mean(rows, "ridge", 2, false));
        // without a gf path there is no verdict
        assertThat(EarlyStopVerdicts.verdicts(null, rows("ridge", LAMBDAS, TRADE_STD, TRADE_ADV))).isEmpty();
    }

    /** Mean R_α (or R) over trials at n = 200 of an estimator's grid point k. */
    static double mean(List<Map<String, Object>> rows, String estimator, int k, boolean std) {
        double s = 0;
        int c = 0;
        for (Map<String, Object> r : rows) {
            if (estimator.equals(r.get("estimator")) && ((Number) r.get("n")).intValue() == 200
                    && ((Number) r.get("grid_index")).intValue() == k) {
                s += ((Number) r.get(std ? "std_risk" : "adv_risk")).doubleValue();
                c++;
            }
        }
        return s / c;
    }

    /** 6 trials at n = 100 and 200, α = 0.25, values × (1 ± 2%) varying by trial and grid point. */
    static List<Map<String, Object>> rows(String estimator, double[] grid, double[] std, double[] adv) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int n : new int[] {100, 200}) {
            for (int t = 0; t < 6; t++) {
                for (int k = 0; k < grid.length; k++) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("spectrum", "twolevel");
                    r.put("theta", "top");
                    r.put("p_rule", "n^2");
                    r.put("sigma", 0.5);
                    r.put("design", "gaussian");
                    r.put("noise", "gaussian");
                    r.put("attack", "l2");
                    r.put("target", "clean");
                    r.put("n", n);
                    r.put("trial", t);
                    r.put("alpha", 0.25);
                    r.put("estimator", estimator);
                    r.put("lambda", estimator.equals("ridge") ? grid[k] : Double.NaN);
                    r.put("time", estimator.equals("gf") ? grid[k] : Double.NaN);
                    r.put("delta", estimator.equals("advtrain") ? grid[k] : Double.NaN);
                    r.put("train_attack", estimator.equals("advtrain") ? "l2" : "");
                    r.put("grid_index", k);
                    double e = 0.02 * Math.sin(7 * t + 3 * k + n);
                    r.put("std_risk", std[k] * (1 + e));
                    r.put("adv_risk", adv[k] * (1 - e));
                    r.put("gt_adv_risk", 0.0625);
                    out.add(r);
                }
            }
        }
        return out;
    }
}
