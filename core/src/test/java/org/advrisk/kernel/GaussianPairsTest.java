package org.advrisk.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/** The activations' Gaussian expectations: closed forms, quadrature, Mehler series and numpy Monte Carlo. */
class GaussianPairsTest {
    private static final double[][] POINTS = {{1, 1, 0.3}, {0.8, 1.2, -0.5}, {1.5, 0.7, 0.9}, {0.5, 0.5, 0.1},
        {1, 1, 1}, {2, 0.3, 0.2}};

    /** erf and quadratic are smooth: the 40-node tensor rule reproduces their closed forms to 1e-10. */
    @Test
    void quadratureMatchesSmoothClosedFormsTo1e10() {
        for (Activation a : new Activation[] {Activation.ERF, Activation.QUADRATIC}) {
            for (double[] pt : POINTS) {
                double[] closed = GaussianPairs.expectations(a, pt[0], pt[1], pt[2]);
                double[] quad = GaussianPairs.quadrature(a, pt[0], pt[1], pt[2], GaussianPairs.DEFAULT_NODES);
                assertThat(Math.abs(quad[0] - closed[0])).as(a + " E1 " + pt[2]).isLessThan(1e-10);
                assertThat(Math.abs(quad[1] - closed[1])).as(a + " E2 " + pt[2]).isLessThan(1e-10);
            }
        }
    }

    /**
     * relu and abs have a kink (σ' jumps), where Gauss–Hermite converges only algebraically: with 200
     * nodes per dimension the quadrature is within 1e-3 of the arc-cosine / arcsine closed forms (seen:
     * up to ~4e-4 for E1, the step function; E2 ~1e-5). This is why those two use their closed forms.
     */
    @Test
    void quadratureApproachesKinkedClosedForms() {
        for (Activation a : new Activation[] {Activation.RELU, Activation.ABS}) {
            for (double[] pt : POINTS) {
                double[] closed = GaussianPairs.expectations(a, pt[0], pt[1], pt[2]);
                double[] quad = GaussianPairs.quadrature(a, pt[0], pt[1], pt[2], 200);
                assertThat(Math.abs(quad[0] - closed[0])).as(a + " E1").isLessThan(1e-3);
                assertThat(Math.abs(quad[1] - closed[1])).as(a + " E2").isLessThan(1e-3);
            }
        }
    }

    /** tanh and softplus: the tabulated series (|ρ| ≤ 0.5) and the 40-node rule agree with an 80-node rule. */
    @Test
    void seriesAndDefaultRuleMatchAFinerQuadrature() {
        double[][] pts = {{1, 1, 0.3}, {0.8, 1.2, -0.45}, {1.5, 0.7, 0.9}, {0.5, 0.5, 0.1}, {1, 1, 1},
            {3.5, 2.2, 0.5}, {0.01, 1, 0.02}};
        for (Activation a : new Activation[] {Activation.TANH, Activation.SOFTPLUS}) {
            for (double[] pt : pts) {
                double[] fast = GaussianPairs.expectations(a, pt[0], pt[1], pt[2]);
                double[] fine = GaussianPairs.quadrature(a, pt[0], pt[1], pt[2], 80);
                assertThat(Math.abs(fast[0] - fine[0])).as(a + " E1 " + java.util.Arrays.toString(pt)).isLessThan(1e-9);
                assertThat(Math.abs(fast[1] - fine[1])).as(a + " E2 " + java.util.Arrays.toString(pt)).isLessThan(1e-9);
            }
        }
        assertThat(HermiteSeries.expectations(Activation.TANH, 1, 1, 0.3)).isNotNull();
        assertThat(HermiteSeries.expectations(Activation.TANH, 1, 1, 0.9)).isNull();
    }

    /**
     * numpy Monte Carlo of E[σ'(u)σ'(v)] and E[σ(u)σ(v)] (activation_mc.py next to the fixture, 2e7 draws
     * per point): within 1e-3 wherever the Monte Carlo standard error is below 2.5e-4 (so 1e-3 is a 4σ
     * bound). The quadratic's E2 = E[u²v²] is heavy-tailed (its se reaches ~2e-3 at 2e7 draws); there the
     * bound is 4 standard errors of the fixture (it is also an exact identity, pq + 2c², checked above).
     */
    @Test
    void expectationsMatchNumpyMonteCarlo() throws IOException {
        List<String[]> rows = fixture();
        assertThat(rows).hasSize(24);
        for (String[] r : rows) {
            Activation a = Activation.parse(r[0]);
            double[] e = GaussianPairs.expectations(a, Double.parseDouble(r[1]), Double.parseDouble(r[2]),
                    Double.parseDouble(r[3]));
            for (int k = 0; k < 2; k++) {
                double se = Double.parseDouble(r[5 + 2 * k]);
                double bound = se < 2.5e-4 ? 1e-3 : 4 * se;
                if (a != Activation.QUADRATIC) {
                    assertThat(se).as("fixture se " + String.join(",", r)).isLessThan(2.5e-4);
                }
                assertThat(Math.abs(e[k] - Double.parseDouble(r[4 + 2 * k]))).as(String.join(",", r)).isLessThan(bound);
            }
        }
    }

    @Test
    void erfSeriesMatchesCommonsMath() {
        for (double t = -7; t < 7; t += 0.0137) {
            assertThat(Math.abs(Activation.erf(t) - Erf.erf(t))).isLessThan(1e-14);
        }
    }

    @Test
    void evenActivationsAreMarkedEven() {
        // E[σ'(g)] = 0 for the even ones (the linear part of the kernel vanishes), not for the others.
        for (Activation a : Activation.values()) {
            double mu0 = a == Activation.ABS ? 0 : GaussianPairs.mean(a, 1, 1);
            assertThat(Math.abs(mu0) < 1e-12).as(a.label()).isEqualTo(a.even());
        }
    }

    private static List<String[]> fixture() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (var in = GaussianPairsTest.class.getResourceAsStream("activation_mc.csv");
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
        }
        return rows;
    }
}
