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

/** The adversarial-training verdict on synthetic row sets whose answer is known by construction. */
class AdvTrainVerdictsTest {
    static final double[] LAMBDAS = {0, 0.1, 1};
    static final double[] DELTAS = {0.1, 0.25, 1};
    // Ridge: the λ best for R (0) is 4× worse than the best for R_α, and vice versa: A = S = 4 by construction.
    static final double[] RIDGE_STD = {1, 2, 4};
    static final double[] RIDGE_ADV = {4, 2, 1};
    // Escaping δ path: δ = 0.25 minimises both, so A = S = 1 (the runner-up is 5% or 10% away, above the ±2% noise).
    static final double[] ESCAPE_STD = {1.05, 1, 3};
    static final double[] ESCAPE_ADV = {4, 1, 1.1};

    @Test
    void holdsWhenOneDeltaMinimisesBothRisksAndFailsWhenTheDeltaPathHasTheSameTradeOff() {
        List<Map<String, Object>> ridge = rows("ridge", LAMBDAS, RIDGE_STD, RIDGE_ADV);
        List<Verdict> ok = AdvTrainVerdicts.verdicts(ridge, rows("advtrain", DELTAS, ESCAPE_STD, ESCAPE_ADV));
        assertThat(ok).hasSize(1);
        Verdict v = ok.get(0);
        assertThat(v.decision()).as(VerdictText.statistics(v)).isEqualTo(Decision.HOLDS);
        // The point estimates are the regret ratios of the mean risks at n_max, computed here directly from the rows.
        assertThat(v.criteria().get(0).interval().estimate()).isCloseTo(mean(ridge, 200, 0, false) / mean(ridge, 200, 2, false),
                within(1e-12));
        assertThat(v.criteria().get(1).interval().estimate()).isCloseTo(mean(ridge, 200, 2, true) / mean(ridge, 200, 0, true),
                within(1e-12));
        assertThat(v.criteria().get(2).interval().estimate()).isEqualTo(1.0);
        assertThat(v.criteria().get(3).interval().estimate()).isEqualTo(1.0);
        assertThat(VerdictText.numbers(v)).contains("δ_std = 0.25", "δ_adv = 0.25", "at n_max, δ = α = 0.25");

        List<Verdict> bad = AdvTrainVerdicts.verdicts(ridge, rows("advtrain", DELTAS, RIDGE_STD, RIDGE_ADV));
        assertThat(bad.get(0).decision()).as(VerdictText.statistics(bad.get(0))).isEqualTo(Decision.DOES_NOT_HOLD);
        assertThat(bad.get(0).criteria().get(2).interval().lo()).isGreaterThan(Verdicts.REGRET);
    }

    @Test
    void withoutTheRidgeTradeOffTheVerdictDoesNotHold() {
        // Ridge with one λ best for both (its premise fails): no claim that adversarial training escapes anything.
        List<Verdict> vs = AdvTrainVerdicts.verdicts(rows("ridge", LAMBDAS, ESCAPE_STD, ESCAPE_ADV),
                rows("advtrain", DELTAS, ESCAPE_STD, ESCAPE_ADV));
        assertThat(vs.get(0).decision()).isEqualTo(Decision.DOES_NOT_HOLD);
        assertThat(vs.get(0).criteria().get(0).decision()).isEqualTo(Decision.DOES_NOT_HOLD);
    }

    @Test
    void aTrialMissingPartOfAPathIsDropped() {
        List<Map<String, Object>> adv = rows("advtrain", DELTAS, ESCAPE_STD, ESCAPE_ADV);
        adv.removeIf(r -> ((Number) r.get("trial")).intValue() == 0 && ((Number) r.get("delta")).doubleValue() == 1
                && ((Number) r.get("n")).intValue() == 200);
        List<Verdict> vs = AdvTrainVerdicts.verdicts(rows("ridge", LAMBDAS, RIDGE_STD, RIDGE_ADV), adv);
        assertThat(vs.get(0).decision()).isEqualTo(Decision.HOLDS);
    }

    static double mean(List<Map<String, Object>> rows, int n, int k, boolean std) {
        double s = 0;
        int c = 0;
        for (Map<String, Object> r : rows) {
            if (((Number) r.get("n")).intValue() == n && ((Number) r.get("lambda")).doubleValue() == LAMBDAS[k]) {
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
                    boolean ridge = estimator.equals("ridge");
                    r.put("lambda", ridge ? grid[k] : Double.NaN);
                    r.put("delta", ridge ? Double.NaN : grid[k]);
                    r.put("train_attack", ridge ? "" : "l2");
                    r.put("iterations", ridge ? 0 : 7);
                    r.put("train_gap", ridge ? 0.0 : 1e-13);
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
