package org.advrisk.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;
import org.junit.jupiter.api.Test;

/**
 * The composed theory of an isotropic problem (Σ = I, p = γn, ‖θ*‖ = 1) against its closed form: κ solves
 * κ² + κ(1 − γ − λ) − λ = 0, with d = γ/(1 + κ)² the bias is (κ/(1 + κ))²/(1 − d) and the variance
 * σ²d/(1 − d) (λ = 0: 1 − 1/γ and σ²/(γ − 1)); the ground truth pays α²‖θ*‖²_q = α² (one coordinate). The
 * deterministic equivalent solves κ numerically, so the relative tolerance is 1e-9.
 */
class TheoryComposerTest {
    private static final double SIGMA = 0.5;
    private static final double GAMMA = 4;

    private static TheoryRequest request(List<String> sections) {
        return new TheoryRequest(SpectrumSpec.parse("isotropic"), GroundTruthSpec.parse("top:k=1,norm=1"),
                DimensionRule.parse("4n"), SIGMA, Distribution.GAUSSIAN, 1, 1000, 1.0, new long[] {100, 400},
                new double[] {0, 0.1}, TradeOffTest.logspace(-4, 1, 30), new double[] {0.25},
                List.of(AttackNorm.L2, AttackNorm.LINF), List.of(Target.CLEAN), null, sections);
    }

    private static double closedForm(double lambda) {
        double b = 1 - GAMMA - lambda;
        double kappa = (-b + Math.sqrt(b * b + 4 * lambda)) / 2;
        double d = GAMMA / ((1 + kappa) * (1 + kappa));
        double shrink = kappa / (1 + kappa);
        return shrink * shrink / (1 - d) + SIGMA * SIGMA * d / (1 - d);
    }

    @Test
    void deRowsMatchTheIsotropicClosedForm() {
        TheoryTables t = TheoryComposer.compose(request(List.of("ranks", "de")));
        assertThat(t.ranks()).hasSize(2);
        assertThat(t.de()).hasSize(2 * 2 * 2); // n x λ x attack (one target, one α)
        assertThat(t.tradeoff()).isEmpty();
        assertThat(t.oracle()).isEmpty();
        assertThat(closedForm(0)).isCloseTo(1 - 1 / GAMMA + SIGMA * SIGMA / (GAMMA - 1), within(1e-15));
        for (Map<String, Object> row : t.de()) {
            double lambda = ((Number) row.get("lambda")).doubleValue();
            double expected = closedForm(lambda);
            assertThat(((Number) row.get("std_risk")).doubleValue()).isCloseTo(expected, within(1e-9 * expected));
            assertThat(((Number) row.get("gt_adv_risk")).doubleValue()).isCloseTo(0.25 * 0.25, within(1e-15));
            assertThat(((Number) row.get("p")).doubleValue()).isEqualTo(GAMMA * ((Number) row.get("n")).doubleValue());
        }
    }

    @Test
    void tradeoffAndFrontierRowsComeWithOneVerdictPerCase() {
        TheoryTables t = TheoryComposer.compose(request(List.of("tradeoff", "frontier")));
        assertThat(t.de()).isEmpty();
        assertThat(t.tradeoff()).hasSize(2 * 2); // n x attack
        assertThat(t.tradeVerdicts()).containsOnlyKeys("l2/clean/alpha=0.25", "linf/clean/alpha=0.25");
        assertThat(t.frontier()).isNotEmpty();
        // the grid minimum of the standard risk is at least the closed form's minimum over λ ≥ 0
        double best = Double.POSITIVE_INFINITY;
        for (double l = 0; l <= 10; l += 1e-3) {
            best = Math.min(best, closedForm(l));
        }
        for (Map<String, Object> row : t.tradeoff()) {
            assertThat(((Number) row.get("std_risk_min")).doubleValue()).isGreaterThanOrEqualTo(best * (1 - 1e-9));
        }
    }

    @Test
    void theViewOfOneSampleSizeIsTheComposedOne() {
        TheoryRequest r = request(List.of("de"));
        TheoryAt at = TheoryComposer.at(r, 400);
        assertThat(at.p()).isEqualTo(1600L);
        assertThat(at.equivalent().at(0.1).stdRisk()).isCloseTo(closedForm(0.1), within(1e-9 * closedForm(0.1)));
        assertThat(at.groundTruth(AttackNorm.LINF, Target.CLEAN, 0.25)).isCloseTo(0.0625, within(1e-15));
        assertThat(at.ranks().n()).isEqualTo(400L);
    }
}
