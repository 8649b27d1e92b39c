package org.advrisk.report;

import org.advrisk.stats.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.advrisk.ntk.RegimeStudy;
import org.advrisk.stats.Criterion;
import org.advrisk.stats.Decision;
import org.advrisk.stats.LogLogSlope;
import org.advrisk.stats.TrialCells;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule of the regimes part on hand-made cells: what it decides and that its statistics are the stated ones. */
class RegimesPartTest {
    private static final double[] NS = {25, 50, 100};
    private static final double GT = 0.5625;

    /** Per n, 4 training sets: R = r·(1 + e), R_α = R + inc·GT·(1 + e) with e ∈ {−0.1, −0.05, 0.05, 0.1}. */
    private static TrialCells cell(double[] r, double[] inc) {
        double[] e = {-0.1, -0.05, 0.05, 0.1};
        List<double[][]> values = new java.util.ArrayList<>();
        for (int j = 0; j < NS.length; j++) {
            double[][] t = new double[e.length][];
            for (int i = 0; i < e.length; i++) {
                double std = r[j] * (1 + e[i]);
                t[i] = new double[] {std, std + inc[j] * GT * (1 + e[(i + 1) % e.length]), 1.0, GT};
            }
            values.add(t);
        }
        return new TrialCells(NS, List.of("std_risk", "adv_risk", "norm_l2_sq", "gt_adv_risk"), values);
    }

    @Test
    void aLearningFragileInterpolatorHoldsWithTheStatedStatistics() {
        double[] r = {0.5, 0.25, 0.1};
        double[] inc = {1.0, 1.3, 1.5};
        List<Criterion> cr = RegimesPart.criteria(cell(r, inc), 1.0);
        assertThat(cr).extracting(Criterion::decision).containsOnly(Decision.HOLDS);
        // the offsets average to 0 per n, so the means are r and r + inc·GT exactly
        assertThat(cr.get(0).interval().estimate()).isCloseTo(LogLogSlope.of(NS, r), within(1e-12));
        assertThat(cr.get(1).interval().estimate()).isCloseTo(0.1, within(1e-12));
        assertThat(cr.get(2).interval().estimate()).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void anInterpolatorThatDoesNotLearnIsDecidedAgainstNotLeftOpen() {
        // R stays at the null risk (abs: c1 = 0, a linear target is not learnt): its slope is 0, which no
        // interval can put on either side, but R(n_max) ≈ ‖θ*‖²_Σ is decidedly above half of it
        List<Criterion> cr = RegimesPart.criteria(cell(new double[] {1, 1, 1}, new double[] {2, 2, 2}), 1.0);
        assertThat(cr.get(0).decision()).isEqualTo(Decision.INCONCLUSIVE);
        assertThat(cr.get(1).decision()).isEqualTo(Decision.DOES_NOT_HOLD);
        assertThat(Decision.all(cr.stream().map(Criterion::decision).toList())).isEqualTo(Decision.DOES_NOT_HOLD);
    }

    @Test
    void aRobustLearnerFailsTheFragilityCondition() {
        // the attack costs it 0.6× what it costs the ground truth
        List<Criterion> cr = RegimesPart.criteria(cell(new double[] {0.5, 0.25, 0.1}, new double[] {0.6, 0.6, 0.6}), 1.0);
        assertThat(cr.get(2).decision()).isEqualTo(Decision.DOES_NOT_HOLD);
    }

    @Test
    void theNullRiskIsThatOfFiveUnitSpikesCarryingThetaStar() {
        // θ* uniform on the 5 spikes (eigenvalue 1), ‖θ*‖ = 1: E f*(x)² = Σ_k λ_k θ_k² = 5 · 1 · (1/5) = 1
        for (int d : new int[] {60, 250, 1000}) {
            assertThat(RegimeStudy.nullRisk(d, 1)).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void verdictsReadTheirCellsFromTheFiles(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder(RegimesPart.HEADER).append('\n');
        double[] learnt = {0.5, 0.25, 0.1};
        for (String act : new String[] {"relu", "abs"}) {
            for (int j = 0; j < NS.length; j++) {
                for (int t = 0; t < 4; t++) {
                    double e = (t - 1.5) * 0.04;
                    double std = ("relu".equals(act) ? learnt[j] : 1.0) * (1 + e);
                    double adv = std + 1.4 * GT * (1 - e);
                    csv.append(String.join(",", act, "kernel", "1.0", "" + (int) NS[j], "" + (int) (10 * NS[j]), "" + t,
                            "" + std, "" + adv, "1.0", "0.0", "NaN", "NaN", "" + GT)).append('\n');
                }
            }
        }
        Files.writeString(dir.resolve(RegimesPart.CSV), csv.toString());
        Files.writeString(dir.resolve(RegimesPart.JSON), "{\"format\": \"" + RegimesPart.FORMAT + "\", \"quick\": false,"
                + " \"width\": 200, \"alpha\": 0.75, \"trials\": 4, \"d_ratio\": 10, \"seed\": 1}\n");
        List<Verdict> vs = RegimesPart.verdicts(dir);
        assertThat(vs).extracting(Verdict::decision).containsExactly(Decision.HOLDS, Decision.DOES_NOT_HOLD);
        assertThat(vs.get(0).criteria().get(2).interval().estimate()).isCloseTo(1.4, within(1e-9));
        assertThat(vs.get(1).criteria().get(1).interval().estimate()).isCloseTo(1.0, within(1e-9));
        // the first-screen card names each activation with its decision and its two level statistics
        String card = PartSummaries.of(Reports.Role.REGIMES).sentence(vs, null);
        assertThat(card).startsWith("At n = 100 (kernel; lazy, rich): relu HOLDS, R/‖θ*‖²_Σ = 0.1 [")
                .contains("; abs DOES NOT HOLD, R/‖θ*‖²_Σ = 1 [");
    }
}
