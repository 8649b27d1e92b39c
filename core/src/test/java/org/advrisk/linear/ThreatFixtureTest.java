package org.advrisk.linear;

import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruth;
import org.advrisk.model.LinearProblem;
import org.advrisk.model.Spectrum;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.advrisk.columns.Columns;
import org.advrisk.random.Distribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shaped and label-preserving attacks against numpy (src/test/resources/threat/make_fixture.py): for a design
 * held in memory, the dual norms ‖Σ^{G/2}θ̂‖_q, ‖Σ^{G/2}(θ̂ − θ*)‖_q and ‖P⊥Σ^{G/2}θ̂‖₂ of a primal direct solve,
 * the ground truth's risk and the Gaussian closed-form R_α of every row agree to 1e-10 relative (the two
 * sides solve different linear systems, dual here, primal there, so agreement is to rounding, ~1e-13).
 */
class ThreatFixtureTest {
    private static JsonNode fixture;
    private static LinearProblem problem;
    private static DesignData data;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = ThreatFixtureTest.class.getResourceAsStream("/threat/fixture.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        int n = fixture.get("n").asInt();
        int p = fixture.get("p").asInt();
        double[] lam = doubles(fixture.get("spectrum"));
        Spectrum spectrum = new Spectrum(new SpectrumSpec.Explicit(lam, "fixture"), p);
        GroundTruth theta = new GroundTruth(doubles(fixture.get("theta_star")), p);
        problem = new LinearProblem(n, spectrum, theta, fixture.get("sigma").asDouble(), Distribution.GAUSSIAN,
                Distribution.GAUSSIAN);
        data = new DesignData(n, p, doubles(fixture.get("x")), doubles(fixture.get("y")),
                new SampleSource(problem, 0, 0));
    }

    static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    private static List<LinearRiskRow> rows(List<AttackNorm> attacks, boolean lp) {
        LinearQuery q = new LinearQuery(doubles(fixture.get("lambdas")), new double[] {fixture.get("alpha").asDouble()},
                attacks, List.of(Target.CLEAN, Target.CONSISTENT, Target.NOISY), 100)
                .withThreats(ThreatModel.grid(doubles(fixture.get("scales")), List.of(lp)));
        return LinearRiskRows.of(new RidgeEstimator(1).fit(data), q, 0, 0);
    }

    @Test
    void everyRowMatchesTheDirectSolve() {
        List<LinearRiskRow> all = new ArrayList<>(rows(List.of(AttackNorm.L2, AttackNorm.LINF, AttackNorm.L1,
                AttackNorm.parse("lp:1.5")), false));
        all.addAll(rows(List.of(AttackNorm.L2), true));
        int matched = 0;
        for (JsonNode c : fixture.get("cases")) {
            LinearRiskRow r = find(all, c);
            for (String col : List.of("std_risk", "norm_dual", "adv_risk", "gt_adv_risk")) {
                double want = c.get(col).asDouble();
                double got = r.row().number(Columns.of(col));
                assertThat(got).as("%s of %s", col, c).isCloseTo(want, within(1e-10 * Math.max(Math.abs(want), 1e-3)));
            }
            matched++;
        }
        assertThat(matched).isEqualTo(all.size()).isEqualTo(120);
    }

    private static LinearRiskRow find(List<LinearRiskRow> rows, JsonNode c) {
        for (LinearRiskRow r : rows) {
            var row = r.row();
            if (row.number(Columns.LAMBDA) == c.get("lambda").asDouble()
                    && row.number(Columns.ATTACK_SCALE) == c.get("attack_scale").asDouble()
                    && row.get(Columns.LABEL_PRESERVING).equals(c.get("label_preserving").asBoolean())
                    && row.get(Columns.ATTACK).equals(c.get("attack").asText())
                    && row.get(Columns.TARGET).equals(c.get("target").asText())) {
                return r;
            }
        }
        throw new AssertionError("no row for " + c);
    }
}
