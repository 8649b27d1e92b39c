package org.advrisk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advrisk.experiment.Aggregation;
import org.advrisk.stats.Verdict;
import org.junit.jupiter.api.Test;

/** The claim (iii) kernel-ridge and finite-network rules on hand-made rows (so that each can fail). */
class NtkVerdictsTest {
    private static Map<String, Object> row(int n, Object m, double lambda, double alpha, double std, double adv) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("family", "ntk");
        r.put("spectrum", "twolevel:spikes=5,spike=1,tail=20");
        r.put("theta", "top:k=5,norm=1");
        r.put("p_rule", "1000");
        r.put("sigma", 0.5);
        r.put("design", "gaussian");
        r.put("noise", "gaussian");
        r.put("attack", "l2");
        r.put("target", "clean");
        r.put("n", n);
        r.put("p", 1000);
        r.put("d", 1000);
        r.put("m", m);
        r.put("lambda", lambda);
        r.put("alpha", alpha);
        r.put("trial", 0);
        r.put("std_risk", std);
        r.put("adv_risk", adv);
        r.put("gt_adv_risk", alpha * alpha);
        return r;
    }

    private static RunData data(List<Map<String, Object>> rows) {
        return new RunData(null, null, null, rows, Aggregation.summarize(rows));
    }

    /**
     * λ grid {0, 0.1, 1}: R(0) = r0 = 1/n, R(1) = 4 r0, so λ_std = 0; R_α(0) = 1 + k n/100 grows;
     * R_α(0.1) = 1, R_α(1) = 1.5, R(0.1) = (1 + n/400) r0, so λ_adv = 0.1, A = R_α(0) = 1 + k n/100 and
     * S = R(0.1)/R(0) = 1 + n/400 (1.25, 1.5, 2).
     */
    private static List<Map<String, Object>> ridgeRows(double k) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int n : new int[] {100, 200, 400}) {
            double r0 = 1.0 / n;
            for (double a : new double[] {0.25, 0.5}) {
                double slope = a == 0.5 ? k : k / 4;
                rows.add(row(n, "inf", 0, a, r0, 1 + slope * n / 100));
                rows.add(row(n, "inf", 0.1, a, (1 + n / 400.0) * r0, 1));
                rows.add(row(n, "inf", 1, a, 4 * r0, 1.5));
            }
        }
        // Four training sets: trial t scales the λ = 0 risks by 1 + 0.01 (t − 1.5), so the bootstrap has
        // a small spread to work with (the intervals of A are about ±2%).
        List<Map<String, Object>> all = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            for (Map<String, Object> r : rows) {
                Map<String, Object> c = new LinkedHashMap<>(r);
                c.put("trial", t);
                if (((Number) c.get("lambda")).doubleValue() == 0) {
                    double f = 1 + 0.01 * (t - 1.5);
                    c.put("std_risk", f * (Double) c.get("std_risk"));
                    c.put("adv_risk", f * (Double) c.get("adv_risk"));
                }
                all.add(c);
            }
        }
        // A finite network at λ = 0 with smaller risks must not enter the kernel ridge trade-off.
        all.add(row(400, 60, 0, 0.5, 1e-9, 1e-9));
        return all;
    }

    @Test
    void kernelRidgeRuleUsesTheLargestBudgetAndListsTheOthers() {
        // k = 0.3: at α = 0.5 A = 1.3, 1.6, 2.2 (met); at α = 0.25 A = 1.075, 1.15, 1.3 (not met).
        List<Verdict> vs = Verdicts.claimThreeRidge(data(ridgeRows(0.3)));
        assertThat(vs).hasSize(1);
        Verdict v = vs.get(0);
        assertThat(v.setting()).endsWith("α = 0.5");
        assertThat(v.holds()).as(VerdictText.statistics(v)).isTrue();
        assertThat(VerdictText.statistics(v)).contains("A(n_max) = 2.2 [", "] > 1.5");
        assertThat(VerdictText.numbers(v)).contains("n = 400: A = 2.2, S = 2", "Not in the rule: α = 0.25",
                "the rule would NOT be met at this budget (A = 1.3, S = 2 at n = 400)");
        // k = 0.1: A = 1.1, 1.2, 1.4 at α = 0.5: not above 1.5 at the largest n.
        Verdict low = Verdicts.claimThreeRidge(data(ridgeRows(0.1))).get(0);
        assertThat(low.decision()).as(VerdictText.statistics(low)).isEqualTo(org.advrisk.stats.Decision.DOES_NOT_HOLD);
        assertThat(VerdictText.statistics(low)).contains("A(n_max) = 1.4 [").contains("< 1.5, needs > 1.5");
    }

    /** One training set per gap (kernel RMS 1, so each trial's ratio is its gap). */
    private static List<Map<String, Object>> networkRows(double... gapRms) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int t = 0; t < gapRms.length; t++) {
            Map<String, Object> net = row(100, 200, 0, 0.5, 0.12, 0.56);
            net.put("trial", t);
            net.put("kernel_gap_rms", gapRms[t]);
            net.put("kernel_rms", 1.0);
            for (String c : new String[] {"kernel_gap", "ntk_rel_err", "weight_move", "flipped", "lin_gap", "train_mse",
                "adv_risk_first_order", "grad_norm", "kernel_grad_norm", "grad_along_kernel", "fd_net_slope",
                "fd_kernel_slope", "grad_same_rms", "grad_split_rms", "split_pairs"}) {
                net.put(c, 0.5);
            }
            Map<String, Object> inf = row(100, "inf", 0, 0.5, 0.11, 0.55);
            inf.put("trial", t);
            inf.put("adv_risk_first_order", 0.55);
            rows.add(inf);
            rows.add(net);
        }
        return rows;
    }

    @Test
    void networkRuleComparesTheRelativeRmsGapWithThreeOverRootHalfTheWidth() {
        // m = 200: 3/√100 = 0.3; four training sets with ratios 0.28 … 0.29 (mean 0.285): the interval lies below.
        List<Verdict> ok = Verdicts.network(data(networkRows(0.28, 0.29, 0.285, 0.285)));
        assertThat(ok).hasSize(1);
        assertThat(ok.get(0).decision()).as(VerdictText.statistics(ok.get(0))).isEqualTo(org.advrisk.stats.Decision.HOLDS);
        assertThat(VerdictText.numbers(ok.get(0))).contains("→ 0.285 vs 3/√(m/2) = 0.3", "R 0.12 vs 0.11",
                "√(split·d/m) = " + RunData.fmt(Math.sqrt(0.5 * 1000 / 200)));
        org.advrisk.stats.Interval iv = ok.get(0).criteria().get(0).interval();
        assertThat(iv.estimate()).isCloseTo(0.285, org.assertj.core.api.Assertions.within(1e-12));
        // The t-calibrated interval of a mean of 4 values with sd 0.0041 is about ±3.18·0.0041/2 = ±0.0065 wide.
        assertThat(iv.lo()).isBetween(0.27, 0.285);
        assertThat(iv.hi()).isBetween(0.285, 0.30);
        assertThat(Verdicts.network(data(networkRows(0.31, 0.32, 0.315))).get(0).decision())
                .isEqualTo(org.advrisk.stats.Decision.DOES_NOT_HOLD);
        assertThat(Verdicts.network(data(networkRows(0.2, 0.4, 0.3))).get(0).decision())
                .isEqualTo(org.advrisk.stats.Decision.INCONCLUSIVE);
        // One training set: no interval, so no decision.
        Verdict one = Verdicts.network(data(networkRows(0.29))).get(0);
        assertThat(one.decision()).isEqualTo(org.advrisk.stats.Decision.INCONCLUSIVE);
        assertThat(VerdictText.statistics(one)).contains("[interval undefined]");
    }
}
