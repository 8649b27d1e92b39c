package org.advrisk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.advrisk.attack.LinearWorstCase;
import org.advrisk.data.MemoryTable;
import org.advrisk.data.Split;
import org.advrisk.data.Splits;
import org.advrisk.advtrain.AdvTrainData;
import org.advrisk.advtrain.AdvTrainFit;
import org.advrisk.advtrain.AdvTrainPath;
import org.advrisk.advtrain.AdversarialTraining;
import org.advrisk.model.AttackNorm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Adversarial training inside the audit against a direct call of the solver on a training table the
 * test standardises itself (two-pass mean and sd, ddof 0), with the intercept free: the audit's rows
 * (train, test and certified adversarial MSE, ‖θ̂‖_q) equal those computed here from the direct fit;
 * a brute-force attack on the test points never exceeds the certified value and the Hölder maximiser
 * reaches it; the jointly optimised intercept is not the centring intercept ȳ.
 */
class AdvTrainAuditTest {

    /** Column-major standardised training design and the test points, by the test's own two-pass statistics. */
    private record Standardised(AdvTrainData train, double[][] testZ, double[] testY) {
    }

    private static Standardised standardise(MemoryTable t, Split split) {
        int p = t.p();
        int n = split.nTrain();
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int i = 0; i < t.n(); i++) {
            if (split.train(i)) {
                for (int j = 0; j < p; j++) {
                    mean[j] += t.x(i, j) / n;
                }
            }
        }
        for (int i = 0; i < t.n(); i++) {
            if (split.train(i)) {
                for (int j = 0; j < p; j++) {
                    sd[j] += Math.pow(t.x(i, j) - mean[j], 2) / n;
                }
            }
        }
        double[] z = new double[n * p];
        double[] y = new double[n];
        double[][] tz = new double[split.nTest()][p];
        double[] ty = new double[split.nTest()];
        int a = 0;
        int b = 0;
        for (int i = 0; i < t.n(); i++) {
            for (int j = 0; j < p; j++) {
                double v = (t.x(i, j) - mean[j]) / Math.sqrt(sd[j]);
                if (split.train(i)) {
                    z[a + j * n] = v;
                } else {
                    tz[b][j] = v;
                }
            }
            if (split.train(i)) {
                y[a++] = t.y(i);
            } else {
                ty[b++] = t.y(i);
            }
        }
        return new Standardised(new AdvTrainData(n, p, z, y, true), tz, ty);
    }

    /** F(θ, b) = (1/n)Σ(|y_i − b − z_iᵀθ| + δ‖θ‖_q)² on a design, written out. */
    private static double objective(AdvTrainData d, double[] theta, double b, double delta, double q) {
        double nrm = LinearWorstCase.norm(theta, q);
        double s = 0;
        for (int i = 0; i < d.n(); i++) {
            double r = d.y()[i] - b;
            for (int j = 0; j < d.p(); j++) {
                r -= d.x()[i + j * d.n()] * theta[j];
            }
            s += Math.pow(Math.abs(r) + delta * nrm, 2);
        }
        return s / d.n();
    }

    /**
     * The audit's fits (its own code path: statistics, shifted design, solver) against a direct call of
     * the solver on the test's standardised table shifted by an arbitrary 0.7 (with a free intercept any
     * shift is absorbed: b = b_solver + 0.7Σθ_j). Both are certified within their duality gaps of the same
     * minimum, so each objective, evaluated here on the centred table, must lie above the other fit's lower
     * bound, and the two within the sum of the gaps (1e-10 slack for rounding of F itself). Where both
     * gaps are at most 1e-11, θ̂ and b̂ agree to 1e-5 relative (F is flat to second order: a gap g allows
     * a distance of order √g·scale in its flattest direction). The rows are then the test's own
     * computation from the audit's θ̂, b̂ on its standardised test points, to 1e-9 (rounding of the two
     * standardisations only).
     */
    @ParameterizedTest
    @CsvSource({"60,5,l2", "60,5,linf", "24,40,l2", "24,40,linf", "18,200,l2"})
    void fitsAndRowsEqualTheDirectSolverOnTheStandardisedTable(int n, int p, String trainAttack) {
        MemoryTable t = TableRidgePathTest.table(n, p, 11, 3);
        Split split = Splits.fraction(n, 0.25, 4, 1).get(0);
        double[] deltas = {0.02, 0.1, 0.4, 0.8};
        AttackNorm ta = AttackNorm.parse(trainAttack);
        AuditOptions.AdvTrainSettings settings = new AuditOptions.AdvTrainSettings(deltas, ta);
        AuditOptions o = new AuditOptions(new double[] {0, 1}, List.of(AttackNorm.L2, AttackNorm.LINF),
                new double[] {0.1, 0.5}, AlphaScale.RAW, null, true, false, settings);
        AuditResult res = Audit.run(t, null, List.of(split), o);
        org.advrisk.data.TrainingStatistics st = org.advrisk.data.GramAccumulator.accumulate(t, split, true, false);
        AdvTrainPath audit = AdvTrainAudit.fit(AdvTrainAudit.design(t, split, st), settings);
        Standardised s = standardise(t, split);
        double[] shifted = s.train().x().clone();
        for (int k = 0; k < shifted.length; k++) {
            shifted[k] += 0.7;
        }
        AdvTrainPath direct = new AdversarialTraining(new AdvTrainData(s.train().n(), p, shifted, s.train().y(), true), ta,
                AdversarialTraining.Options.DEFAULT).path(deltas);
        int close = 0;
        for (int k = 0; k < deltas.length; k++) {
            AdvTrainFit fa = audit.fits().get(k);
            AdvTrainFit fd = direct.fits().get(k);
            double ba = AdvTrainAudit.intercept(fa, split.nTrain());
            double bd = fd.intercept();
            for (double v : fd.theta()) {
                bd += 0.7 * v;
            }
            double objA = objective(s.train(), fa.theta(), ba, deltas[k], ta.q());
            double objD = objective(s.train(), fd.theta(), bd, deltas[k], ta.q());
            assertThat(objA).as("δ = %s", deltas[k]).isGreaterThanOrEqualTo(fd.lowerBound() * (1 - 1e-10));
            assertThat(objD).as("δ = %s", deltas[k]).isGreaterThanOrEqualTo(fa.lowerBound() * (1 - 1e-10));
            assertThat(Math.abs(objA - objD)).as("δ = %s", deltas[k])
                    .isLessThanOrEqualTo((fa.relativeGap() + fd.relativeGap() + 1e-10) * objD);
            if (fa.relativeGap() <= 1e-11 && fd.relativeGap() <= 1e-11) {
                double scale = Math.max(LinearWorstCase.norm(fd.theta(), Double.POSITIVE_INFINITY), 1e-12);
                for (int j = 0; j < p; j++) {
                    assertThat(Math.abs(fa.theta()[j] - fd.theta()[j])).as("δ = %s, θ_%d", deltas[k], j)
                            .isLessThan(1e-5 * scale);
                }
                assertThat(ba).isCloseTo(bd, org.assertj.core.data.Offset.offset(1e-5 * Math.max(1, Math.abs(bd))));
                close++;
            }
            for (AuditRow r : res.rows()) {
                if (r.advTrain() == null || r.advTrain().delta() != deltas[k]) {
                    continue;
                }
                assertThat(r.estimator()).isEqualTo("advtrain");
                assertThat(r.lambda()).isNaN();
                assertThat(r.certified()).isTrue();
                assertThat(r.advTrain().trainGap()).isEqualTo(fa.relativeGap());
                double nd = LinearWorstCase.norm(fa.theta(), AttackNorm.parse(r.attack()).q());
                double mse = 0;
                double adv = 0;
                for (int i = 0; i < s.testY().length; i++) {
                    double e = Math.abs(ba + dot(s.testZ()[i], fa.theta()) - s.testY()[i]);
                    mse += e * e / s.testY().length;
                    adv += Math.pow(e + r.alpha() * nd, 2) / s.testY().length;
                }
                assertThat(r.testMse()).isCloseTo(mse, org.assertj.core.data.Offset.offset(1e-9 * mse));
                assertThat(r.advTestMse()).isCloseTo(adv, org.assertj.core.data.Offset.offset(1e-9 * adv));
                assertThat(r.normDual()).isCloseTo(nd, org.assertj.core.data.Offset.offset(1e-12 * nd));
            }
        }
        assertThat(close).as("fits certified to 1e-11 on both roads").isPositive();
        assertThat(res.rows().stream().filter(r -> r.advTrain() != null).count()).isEqualTo(4 * 2 * 2);
        // the summary's δ choice is the argmin over δ of the rows' means (one split: the rows themselves)
        AuditSummary sum = res.summaries().get(0);
        double best = Double.POSITIVE_INFINITY;
        double bestDelta = Double.NaN;
        for (AuditRow r : res.rows()) {
            if (r.advTrain() != null && r.attack().equals(sum.attack()) && r.alpha() == sum.alpha() && r.advTestMse() < best) {
                best = r.advTestMse();
                bestDelta = r.advTrain().delta();
            }
        }
        assertThat(sum.deltaChoice().deltaAdv()).isEqualTo(bestDelta);
        assertThat(sum.deltaChoice().advAtAdv()).isEqualTo(best);
    }

    /**
     * p > n_train, l2 training below δ̄: adversarial training returns the minimum-norm interpolator with
     * an intercept, which is the ridge path at λ = 0 (the dual eigendecomposition of the centred ZZᵀ):
     * two roads, equal rows to 1e-9 relative. On exactly centred columns the solver's closed form would
     * go through a singular Gram (the reason for the audit's column shift).
     */
    @org.junit.jupiter.api.Test
    void belowDeltaBarAdvTrainRowsAreTheRidgeInterpolatorRows() {
        MemoryTable t = TableRidgePathTest.table(24, 60, 2, 5);
        Split split = Splits.fraction(24, 0.25, 4, 1).get(0);
        AuditOptions o = new AuditOptions(new double[] {0}, List.of(AttackNorm.L2, AttackNorm.LINF), new double[] {0.2},
                AlphaScale.RAW, null, true, false, new AuditOptions.AdvTrainSettings(new double[] {0.01}, AttackNorm.L2));
        List<AuditRow> rows = Audit.run(t, null, List.of(split), o).rows();
        List<AuditRow> ridge = rows.stream().filter(r -> r.advTrain() == null).toList();
        List<AuditRow> adv = rows.stream().filter(r -> r.advTrain() != null).toList();
        assertThat(adv).hasSameSizeAs(ridge).hasSize(2);
        for (int k = 0; k < ridge.size(); k++) {
            assertThat(adv.get(k).advTrain().deltaBar()).as("0.01 below the threshold").isGreaterThan(0.01);
            assertThat(adv.get(k).advTrain().iterations()).as("closed form").isZero();
            assertThat(adv.get(k).testMse()).isCloseTo(ridge.get(k).testMse(),
                    org.assertj.core.data.Offset.offset(1e-9 * ridge.get(k).testMse()));
            assertThat(adv.get(k).advTestMse()).isCloseTo(ridge.get(k).advTestMse(),
                    org.assertj.core.data.Offset.offset(1e-9 * ridge.get(k).advTestMse()));
            assertThat(adv.get(k).trainMse()).isLessThan(1e-18 * ridge.get(k).testMse() + 1e-20);
        }
    }

    @ParameterizedTest
    @CsvSource({"l2,l2", "l2,linf", "linf,linf", "linf,l1"})
    void bruteForceNeverExceedsTheCertifiedValueAndTheMaximiserReachesIt(String trainAttack, String attack) {
        MemoryTable t = TableRidgePathTest.table(50, 4, 13, 0);
        Split split = Splits.fraction(50, 0.2, 1, 1).get(0);
        double alpha = 0.3;
        AttackNorm att = AttackNorm.parse(attack);
        AuditOptions o = new AuditOptions(new double[] {1}, List.of(att), new double[] {alpha}, AlphaScale.RAW, null,
                true, false, new AuditOptions.AdvTrainSettings(new double[] {0.2}, AttackNorm.parse(trainAttack)));
        AuditRow row = Audit.run(t, null, List.of(split), o).rows().stream().filter(r -> r.advTrain() != null)
                .findFirst().orElseThrow();
        Standardised s = standardise(t, split);
        AdvTrainFit f = new AdversarialTraining(s.train(), AttackNorm.parse(trainAttack), AdversarialTraining.Options.DEFAULT)
                .fit(0.2);
        SplittableRandom r = new SplittableRandom(3);
        double brute = 0;
        double holder = 0;
        int m = s.testY().length;
        for (int k = 0; k < m; k++) {
            double[] z = s.testZ()[k];
            double e0 = f.intercept() + dot(z, f.theta()) - s.testY()[k];
            double best = 0;
            for (int trial = 0; trial < 4000; trial++) {
                double[] u = new double[z.length];
                for (int j = 0; j < u.length; j++) {
                    u[j] = att.p() == 2 ? r.nextGaussian() : 2 * r.nextDouble() - 1;
                }
                double scale = alpha / LinearWorstCase.norm(u, att.p());
                double e = e0 + scale * dot(u, f.theta());
                best = Math.max(best, e * e);
            }
            brute += best / m;
            // the Hölder maximiser: δ = α·sign(e0)·u with u = argmax_{‖u‖_p ≤ 1} uᵀθ, written out per norm
            double[] th = f.theta();
            double[] u = new double[th.length];
            int big = 0;
            for (int j = 0; j < th.length; j++) {
                u[j] = att.p() == 2 ? th[j] / LinearWorstCase.norm(th, 2) : Math.signum(th[j]);
                big = Math.abs(th[j]) > Math.abs(th[big]) ? j : big;
            }
            if (att.p() == 1) {
                java.util.Arrays.fill(u, 0);
                u[big] = Math.signum(th[big]);
            }
            double e = e0 + Math.signum(e0) * alpha * dot(u, th);
            holder += e * e / m;
        }
        assertThat(brute).isLessThanOrEqualTo(row.advTestMse() * (1 + 1e-12));
        assertThat(holder).isCloseTo(row.advTestMse(), org.assertj.core.data.Offset.offset(1e-5 * holder));
    }

    /**
     * With heavy-tailed targets the joint intercept is not the centring intercept mean(y − Zθ̂): setting
     * ∂F/∂b = 0 gives b = mean(y − Zθ̂) + δ‖θ̂‖₂·mean(sign(y_i − b − z_iᵀθ̂)) (no zero residual), which the
     * fit satisfies to 1e-6 (the certified gap) while the sign term is far from 0.
     */
    @org.junit.jupiter.api.Test
    void theJointInterceptIsNotTheCentringIntercept() {
        int n = 40;
        SplittableRandom r = new SplittableRandom(5);
        double[] x = new double[n * 2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i * 2] = r.nextGaussian();
            x[i * 2 + 1] = r.nextGaussian();
            y[i] = x[i * 2] + (i < 4 ? 30 : 0) + 0.1 * r.nextGaussian();
        }
        MemoryTable t = new MemoryTable(List.of("a", "b"), "y", x, y);
        Split split = Splits.fraction(n, 0.25, 1, 1).get(0);
        org.advrisk.data.TrainingStatistics st = org.advrisk.data.GramAccumulator.accumulate(t, split, true, false);
        AdvTrainFit f = AdvTrainAudit.fit(AdvTrainAudit.design(t, split, st),
                new AuditOptions.AdvTrainSettings(new double[] {0.05}, AttackNorm.L2)).fits().get(0);
        double b = AdvTrainAudit.intercept(f, split.nTrain());
        Standardised s = standardise(t, split);
        int m = s.train().n();
        double meanResidual = 0;
        double[] res = new double[m];
        for (int i = 0; i < m; i++) {
            double zt = 0;
            for (int j = 0; j < 2; j++) {
                zt += s.train().x()[i + j * m] * f.theta()[j];
            }
            res[i] = s.train().y()[i] - zt;
            meanResidual += res[i] / m;
        }
        double signs = 0;
        for (int i = 0; i < m; i++) {
            signs += Math.signum(res[i] - b) / m;
        }
        double term = 0.05 * LinearWorstCase.norm(f.theta(), 2) * signs;
        assertThat(Math.abs(term)).as("the sign term").isGreaterThan(0.01);
        assertThat(b).isCloseTo(meanResidual + term, org.assertj.core.data.Offset.offset(1e-6));
    }

    @org.junit.jupiter.api.Test
    void aDesignBeyondTheCapIsRefusedNamingTheFlag() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AdvTrainAudit.checkSize(1_000_000, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("estimator: advtrain holds")
                .hasMessageContaining("n_train·p = 1000000·100").hasMessageContaining("use --estimator ridge");
        AdvTrainAudit.checkSize(1000, 100); // 1e5 doubles: fine
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
