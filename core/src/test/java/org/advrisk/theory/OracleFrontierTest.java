package org.advrisk.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.advrisk.model.AttackNorm;
import org.advrisk.linear.LinearRisks;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;
import org.junit.jupiter.api.Test;

/**
 * The oracle frontier against a direct evaluation of θ(μ) (numpy fixture made by
 * src/test/resources/oracle/make_fixture.py: a dense solve in a rotated basis for l2, the minimiser of each
 * coordinate's piecewise quadratic by comparing its candidates for linf), against random linear predictors
 * (none lies below the frontier), and on the edge cases (consistent target, infinite spectra, refusals).
 */
class OracleFrontierTest {
    /**
     * Relative agreement with the fixture: both sides are exact formulas in double precision; the fixture's
     * dense solve loses at most 3e-11 relative (measured against the closed form at μ = 1e-4, where R ~ μ²
     * and the rotated Σ' carries rounding of order 1e-16 in the null direction of Σ).
     */
    private static final double TOL = 1e-10;

    @Test
    void agreesWithTheDirectEvaluationOfThetaMu() throws IOException {
        JsonNode root;
        try (InputStream in = OracleFrontierTest.class.getResourceAsStream("/oracle/fixture.json")) {
            root = new ObjectMapper().readTree(in);
        }
        double alpha = root.get("alpha").asDouble();
        double sigma = root.get("sigma").asDouble();
        double[] mus = doubles(root.get("mus"));
        int compared = 0;
        for (JsonNode c : root.get("cases")) {
            TheorySpectrum ts = TheorySpectrum.ofValues(doubles(c.get("eigenvalues")), doubles(c.get("theta")),
                    c.get("name").asText());
            for (AttackNorm attack : new AttackNorm[] {AttackNorm.L2, AttackNorm.LINF}) {
                OracleEstimator est = new OracleEstimator(ts, attack);
                JsonNode expected = c.get(attack.label());
                for (int i = 0; i < mus.length; i++) {
                    OracleEstimator.Point pt = est.at(mus[i]);
                    JsonNode e = expected.get(i);
                    String where = c.get("name").asText() + " " + attack.label() + " mu=" + mus[i];
                    close(pt.stdRisk(), e.get("std_risk").asDouble(), where + " std_risk");
                    close(pt.normL2Sq(), e.get("norm_l2_sq").asDouble(), where + " norm_l2_sq");
                    close(pt.errorL2Sq(), e.get("error_l2_sq").asDouble(), where + " error_l2_sq");
                    if (!attack.isL2()) {
                        close(pt.normL1(), e.get("norm_l1").asDouble(), where + " norm_l1");
                        close(pt.errorL1(), e.get("error_l1").asDouble(), where + " error_l1");
                    }
                    compared++;
                }
                for (Target target : Target.values()) {
                    OracleFrontier f = OracleFrontier.of(ts, est, mus, attack, target, alpha, sigma,
                            Distribution.GAUSSIAN);
                    for (int i = 0; i < mus.length; i++) {
                        close(f.advRisk()[i], expected.get(i).get("adv_risk").get(target.label()).asDouble(),
                                c.get("name").asText() + " " + attack.label() + " " + target.label() + " mu=" + mus[i]);
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(2 * 2 * mus.length);
    }

    @Test
    void noRandomLinearPredictorLiesBelowTheFrontier() {
        SplittableRandom rng = new SplittableRandom(7);
        int p = 12;
        double[] lam = new double[p];
        double[] star = new double[p];
        for (int j = 0; j < p; j++) {
            lam[j] = Math.pow(0.5, j);
            star[j] = j % 3 == 2 ? 0 : rng.nextGaussian();
        }
        TheorySpectrum ts = TheorySpectrum.ofValues(lam, star, "geometric 12");
        for (AttackNorm attack : new AttackNorm[] {AttackNorm.L2, AttackNorm.LINF}) {
            OracleEstimator est = new OracleEstimator(ts, attack);
            for (Target target : new Target[] {Target.CLEAN, Target.NOISY}) {
                for (double alpha : new double[] {0.1, 0.5, 2}) {
                    OracleFrontier f = OracleFrontier.of(ts, attack, target, alpha, 0.5, Distribution.GAUSSIAN);
                    assertThat(f.advRisk()[0]).isEqualTo(f.groundTruth());
                    for (int k = 0; k < 400; k++) {
                        double[] th = new double[p];
                        double scale = rng.nextDouble();
                        double r = 0;
                        double d = 0;
                        for (int j = 0; j < p; j++) {
                            // near θ* shrunk, plus noise: a cloud around the whole path
                            th[j] = star[j] * (1 - scale) + 0.3 * rng.nextGaussian() * rng.nextDouble();
                            r += lam[j] * (th[j] - star[j]) * (th[j] - star[j]);
                            d += attack.isL2() ? th[j] * th[j] : Math.abs(th[j]);
                        }
                        d = attack.isL2() ? Math.sqrt(d) : d;
                        double ra = LinearRisks.gaussianAdversarial(r, d, alpha, target, 0.5, Distribution.GAUSSIAN);
                        assertThat(ra).as("random θ below the frontier: %s %s α=%s R=%s", attack.label(),
                                target.label(), alpha, r).isGreaterThanOrEqualTo(
                                f.bestAdvAt(r) * (1 - 1e-12));
                    }
                }
            }
        }
    }

    @Test
    void bestAdvAtMatchesADensePath() {
        TheorySpectrum ts = TheorySpectrum.ofValues(new double[] {1, 0.3, 0.1, 0.01},
                new double[] {0.2, 1, -1, 2}, "four");
        for (AttackNorm attack : new AttackNorm[] {AttackNorm.L2, AttackNorm.LINF}) {
            OracleEstimator est = new OracleEstimator(ts, attack);
            OracleFrontier f = OracleFrontier.of(ts, attack, Target.CLEAN, 1.0, 0.5, Distribution.GAUSSIAN);
            // the frontier dips below the ground truth here: the oracle is not just θ*
            double lowest = java.util.Arrays.stream(f.advRisk()).min().orElseThrow();
            assertThat(lowest).isLessThan(0.9 * f.groundTruth());
            int m = 200_000;
            double[] rs = new double[m];
            double[] ras = new double[m];
            for (int i = 0; i < m; i++) {
                OracleEstimator.Point pt = est.at(Math.pow(10, -6 + 10.0 * i / (m - 1)));
                rs[i] = pt.stdRisk();
                ras[i] = LinearRisks.gaussianAdversarial(rs[i], pt.dual(attack.q(), false), 1.0, Target.CLEAN, 0.5,
                        Distribution.GAUSSIAN);
            }
            double rMax = est.at(Double.POSITIVE_INFINITY).stdRisk();
            // R at dense points (so the brute force holds the exact end μ_r) and beyond R(θ = 0)
            for (double r : new double[] {rs[20_000], rs[60_000], rs[90_000], rs[120_000], rs[150_000], rs[m - 1],
                1.5 * rMax}) {
                double brute = Math.min(f.groundTruth(), r >= rMax ? rMax : Double.POSITIVE_INFINITY); // θ* and θ = 0
                for (int i = 0; i < m; i++) {
                    if (rs[i] <= r) {
                        brute = Math.min(brute, ras[i]);
                    }
                }
                double best = f.bestAdvAt(r);
                // the dense path (5·10⁻⁵ decades apart) can only be above the exact minimum, by O(step²) at an interior one
                assertThat(best).as("%s R=%s", attack.label(), r).isLessThanOrEqualTo(brute * (1 + 1e-12))
                        .isGreaterThanOrEqualTo(brute * (1 - 1e-7));
                if (r <= rMax) {
                    assertThat(f.pathAdvAt(r)).isGreaterThanOrEqualTo(best * (1 - 1e-12));
                } else {
                    assertThat(f.pathAdvAt(r)).isNaN();
                }
            }
            for (int k : new int[] {20_000, 90_000, 150_000}) {
                // the path's own point at R = rs[k] is the dense point k (μ found by bisection to 1e-15)
                assertThat(f.pathAdvAt(rs[k])).isCloseTo(ras[k], org.assertj.core.data.Offset.offset(1e-9 * ras[k]));
            }
        }
    }

    @Test
    void consistentTargetFrontierIsTheGroundTruthAlone() {
        TheorySpectrum ts = TheorySpectrum.ofValues(new double[] {1, 0.5, 0.1}, new double[] {1, -0.5, 0.3}, "three");
        for (AttackNorm attack : new AttackNorm[] {AttackNorm.L2, AttackNorm.LINF}) {
            OracleFrontier f = OracleFrontier.of(ts, attack, Target.CONSISTENT, 0.3, 0.5, Distribution.GAUSSIAN);
            assertThat(f.mu(0)).isZero();
            assertThat(f.stdRisk()[0]).isZero();
            assertThat(f.advRisk()[0]).isZero();
            assertThat(f.groundTruth()).isZero();
            for (int i = 1; i < f.size(); i++) {
                assertThat(f.pareto()[i]).as("mu=%s", f.mu(i)).isFalse();
            }
            assertThat(f.pareto()[0]).isTrue();
        }
    }

    @Test
    void gridRunsFromTheGroundTruthToZero() {
        TheorySpectrum ts = TheorySpectrum.ofValues(new double[] {2, 1, 1e-3}, new double[] {1, 0, -3}, "three");
        OracleEstimator l2 = new OracleEstimator(ts, AttackNorm.L2);
        double[] g = l2.autoGrid(OracleFrontier.PER_DECADE, OracleFrontier.MAX_POINTS);
        assertThat(g[0]).isZero();
        assertThat(g[g.length - 1]).isInfinite();
        assertThat(g[1]).isCloseTo(1e-7, org.assertj.core.data.Offset.offset(1e-18));
        assertThat(l2.at(g[g.length - 1]).normL2Sq()).isZero();
        assertThat(Math.sqrt(l2.at(g[g.length - 2]).normL2Sq())).isLessThan(1e-4 * Math.sqrt(10));
        OracleEstimator l1 = new OracleEstimator(ts, AttackNorm.LINF);
        double[] h = l1.autoGrid(OracleFrontier.PER_DECADE, OracleFrontier.MAX_POINTS);
        assertThat(h[0]).isZero();
        // θ = 0 exactly from μ₀ = max 2λ_j|θ*_j| = 4 on, and not before
        assertThat(h[h.length - 1]).isEqualTo(4.0);
        assertThat(l1.at(4.0).normL1()).isZero();
        assertThat(l1.at(h[h.length - 2]).normL1()).isPositive();
        assertThat(h).contains(2 * 1e-3 * 3);
    }

    @Test
    void infiniteSpectrumIsExactBecauseTheTailCarriesNoSignal() {
        SpectrumSpec family = SpectrumSpec.parse("powerlaw:a=1,b=2");
        double[] head = {0.7, 0, -0.2, 0, 0, 1.1};
        TheorySpectrum inf = TheorySpectrum.infinite(family, head, 1000);
        double[] first = new double[6];
        for (int i = 0; i < 6; i++) {
            first[i] = family.value(i, Long.MAX_VALUE);
        }
        TheorySpectrum finite = TheorySpectrum.ofValues(first, head, "head");
        for (AttackNorm attack : new AttackNorm[] {AttackNorm.L2, AttackNorm.LINF}) {
            OracleFrontier a = OracleFrontier.of(inf, attack, Target.NOISY, 0.4, 0.5, Distribution.RADEMACHER);
            OracleFrontier b = OracleFrontier.of(finite, attack, Target.NOISY, 0.4, 0.5, Distribution.RADEMACHER);
            assertThat(a.stdRisk()).containsExactly(b.stdRisk());
            assertThat(a.advRisk()).containsExactly(b.advRisk());
        }
    }

    @Test
    void refusesAttacksAndDesignsWithoutAFrontier() {
        TheorySpectrum ts = TheorySpectrum.ofValues(new double[] {1}, new double[] {1}, "one");
        assertThatThrownBy(() -> new OracleEstimator(ts, AttackNorm.L1)).hasMessage(
                "attack: l1 has no oracle frontier; allowed: l2 (population ridge) and linf (soft thresholding)");
        assertThatThrownBy(() -> new OracleEstimator(ts, AttackNorm.parse("lp:3"))).hasMessageStartingWith(
                "attack: lp:3 has no oracle frontier");
        assertThatThrownBy(() -> OracleFrontier.checkDesign(Distribution.RADEMACHER)).hasMessageStartingWith(
                "design: rademacher has no oracle frontier");
        assertThatThrownBy(() -> new OracleEstimator(ts, AttackNorm.L2).at(-1)).hasMessage("mu: -1.0 must be >= 0");
    }

    private static void close(double actual, double expected, String what) {
        assertThat(Math.abs(actual - expected)).as("%s: %s vs %s", what, actual, expected)
                .isLessThanOrEqualTo(TOL * Math.abs(expected));
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }
}
