package org.advrisk.linear;

import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.LinearProblem;
import org.advrisk.model.Spectrum;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.advrisk.columns.Columns;
import org.advrisk.random.Distribution;
import org.junit.jupiter.api.Test;

/**
 * The shaped and label-preserving norms on the paths that never hold θ̂: the streamed Gram path (θ̂'s
 * coordinates rebuilt from the streams) against the explicit design of the same streams, the exact Wishart
 * tail against identities with the path's own exact quantities, and a brute-force attacker inside the
 * constrained set against the closed form.
 */
class ThreatPathTest {
    private static final LinearProblem TWO_LEVEL = new LinearProblem(40,
            new Spectrum(SpectrumSpec.parse("twolevel:spikes=4,spike=1,tail=1"), 400),
            GroundTruthSpec.parse("random:k=4,norm=1").withSize(400, 3), 0.5, Distribution.GAUSSIAN, Distribution.GAUSSIAN);

    private static LinearQuery query(List<AttackNorm> attacks, List<Target> targets, double[] scales, boolean lp) {
        return new LinearQuery(new double[] {0, 0.01}, new double[] {0.2}, attacks, targets, 100)
                .withThreats(ThreatModel.grid(scales, List.of(lp)));
    }

    @Test
    void streamedPathGivesTheNormsOfTheExplicitDesignOfTheSameStreams() {
        for (boolean lp : new boolean[] {false, true}) {
            List<AttackNorm> attacks = lp ? List.of(AttackNorm.L2) : List.of(AttackNorm.L2, AttackNorm.LINF);
            LinearQuery q = query(attacks, List.of(Target.CLEAN, Target.CONSISTENT), new double[] {0.5, 1, 2}, lp);
            List<LinearRiskRow> streamed = LinearRiskRows.of(DualRidgePath.fit(TWO_LEVEL, 5, 1, 1, TailMode.STREAM), q, 5, 1);
            List<LinearRiskRow> explicit = LinearRiskRows.of(DualRidgePath.of(DesignSampler.sample(TWO_LEVEL, 5, 1), 1), q, 5, 1);
            assertThat(streamed).hasSameSizeAs(explicit).hasSize(2 * attacks.size() * 2 * 3);
            for (int i = 0; i < streamed.size(); i++) {
                double a = streamed.get(i).row().number(Columns.NORM_DUAL);
                double b = explicit.get(i).row().number(Columns.NORM_DUAL);
                assertThat(a).as("row %d (lp %s)", i, lp).isCloseTo(b, within(1e-9 * b));
            }
        }
    }

    @Test
    void wishartTailPathAgreesWithItsOwnExactQuantities() {
        LinearProblem big = new LinearProblem(60, new Spectrum(SpectrumSpec.parse("twolevel:spikes=5,spike=1,tail=1"),
                1_000_000), GroundTruthSpec.parse("top:k=3,norm=1").withSize(1_000_000, 0), 0.5, Distribution.GAUSSIAN,
                Distribution.GAUSSIAN);
        DualRidgePath path = DualRidgePath.fit(big, 2, 0, 1, TailMode.EXACT);
        assertThat(path.exactTail()).isTrue();
        double[] lambdas = {0, 0.001, 0.1};
        PathPoint[] pts = path.at(lambdas);
        LinearQuery q = new LinearQuery(lambdas, new double[] {0.1}, List.of(AttackNorm.L2),
                List.of(Target.CLEAN, Target.CONSISTENT), 100).withThreats(ThreatModel.grid(new double[] {0, 1},
                List.of(false)));
        ThreatNorms norms = ThreatNorms.of(path, lambdas, pts, q);
        ThreatModel g0 = new ThreatModel(0, false);
        ThreatModel g1 = new ThreatModel(1, false);
        for (int k = 0; k < lambdas.length; k++) {
            // G = 0: ‖θ̂‖² and ‖θ̂ − θ*‖² of the path (from K); G = 1: the standard risk ‖θ̂ − θ*‖²_Σ (from M = XΣXᵀ,
            // whose tail is ε²W, while the threat norms use ε·‖θ̂‖² and the streamed head).
            assertThat(norms.dual(k, AttackNorm.L2, Target.CLEAN, g0)).isCloseTo(pts[k].normL2(), within(1e-10 * pts[k].normL2()));
            double e0 = Math.pow(norms.dual(k, AttackNorm.L2, Target.CONSISTENT, g0), 2);
            assertThat(e0).isCloseTo(pts[k].errL2Sq(), within(1e-9 * pts[k].errL2Sq()));
            double r1 = Math.pow(norms.dual(k, AttackNorm.L2, Target.CONSISTENT, g1), 2);
            assertThat(r1).as("λ=%s", lambdas[k]).isCloseTo(pts[k].stdRisk(), within(1e-8 * pts[k].stdRisk()));
        }
    }

    @Test
    void noAttackerInsideTheConstrainedSetBeatsTheClosedForm() {
        DesignData d = DesignSampler.sample(TWO_LEVEL, 8, 0);
        LinearPath path = new RidgeEstimator(1).fit(d);
        double alpha = 0.2;
        int p = (int) TWO_LEVEL.p();
        double[] lam = TWO_LEVEL.spectrum().toArray();
        double[] ts = new double[p];
        for (int j = 0; j < p; j++) {
            ts[j] = TWO_LEVEL.theta().value(j);
        }
        double[] th = path.theta(0);
        SplittableRandom rnd = new SplittableRandom(42);
        for (double g : new double[] {0, 0.5, 1}) {
            for (String attack : new String[] {"l2", "l2-lp", "linf"}) {
                boolean lp = attack.equals("l2-lp");
                AttackNorm norm = attack.equals("linf") ? AttackNorm.LINF : AttackNorm.L2;
                LinearQuery q = new LinearQuery(new double[] {0}, new double[] {alpha}, List.of(norm), List.of(Target.CLEAN),
                        100).withThreats(List.of(new ThreatModel(g, lp)));
                double dual = LinearRiskRows.of(path, q, 8, 0).get(0).row().number(Columns.NORM_DUAL);
                double[] w = new double[p];
                double[] v = new double[p];
                double vv = 0;
                for (int j = 0; j < p; j++) {
                    w[j] = Math.pow(lam[j], g / 2);
                    v[j] = w[j] * ts[j];
                    vv += v[j] * v[j];
                }
                for (int trialX = 0; trialX < 5; trialX++) {
                    double e = 0;
                    for (int j = 0; j < p; j++) {
                        e += Math.sqrt(lam[j]) * rnd.nextGaussian() * (th[j] - ts[j]);
                    }
                    double closed = Math.pow(Math.abs(e) + alpha * dual, 2);
                    for (int s = 0; s < 400; s++) {
                        double[] u = new double[p];
                        for (int j = 0; j < p; j++) {
                            // s = 0: the maximiser (u along the attack's view of θ̂, signed with e); else random
                            double toward = Math.signum(e) * w[j] * th[j];
                            u[j] = norm == AttackNorm.LINF ? (s == 0 ? alpha * Math.signum(toward)
                                    : (rnd.nextBoolean() ? alpha : -alpha) * (s % 2 == 0 ? 1 : rnd.nextDouble()))
                                    : s == 0 ? toward : rnd.nextGaussian();
                        }
                        if (norm == AttackNorm.L2) {
                            if (lp) {
                                double uv = 0;
                                for (int j = 0; j < p; j++) {
                                    uv += u[j] * v[j];
                                }
                                for (int j = 0; j < p; j++) {
                                    u[j] -= uv / vv * v[j];
                                }
                            }
                            double un = 0;
                            for (double x : u) {
                                un += x * x;
                            }
                            double r = alpha * (s == 0 ? 1 : Math.pow(rnd.nextDouble(), 0.1)) / Math.sqrt(un);
                            for (int j = 0; j < p; j++) {
                                u[j] *= r;
                            }
                        }
                        double shift = 0;
                        double moved = 0;
                        for (int j = 0; j < p; j++) {
                            double delta = w[j] * u[j]; // δ = Σ^{G/2}u: ‖Σ^{−G/2}δ‖_p = ‖u‖_p ≤ α
                            shift += delta * th[j];
                            moved += delta * ts[j];
                        }
                        if (lp) {
                            assertThat(moved).isCloseTo(0, within(1e-12));
                        }
                        double value = Math.pow(e + shift, 2);
                        assertThat(value).as("G=%s %s", g, attack).isLessThanOrEqualTo(closed * (1 + 1e-12));
                        if (s == 0) {
                            assertThat(value).as("the maximiser attains it: G=%s %s", g, attack)
                                    .isCloseTo(closed, within(1e-10 * closed));
                        }
                    }
                }
            }
        }
    }
}
