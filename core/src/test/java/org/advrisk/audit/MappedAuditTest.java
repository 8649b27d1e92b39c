package org.advrisk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.advrisk.attack.LinearWorstCase;
import org.advrisk.attack.Predictor;
import org.advrisk.data.FeatureMap;
import org.advrisk.data.MemoryTable;
import org.advrisk.data.Split;
import org.advrisk.data.Splits;
import org.advrisk.model.AttackNorm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feature maps: the input gradient against central differences (h = 1e-5, error O(h²) ≈ 1e-9 for the
 * smooth rff map; relu checked away from kinks), and the attacked rows: not certified, PGD at least
 * the clean test MSE and at least a random search over 500 feasible perturbations per row (PGD follows
 * the gradient from the same δ = 0 start and keeps the best iterate); for a nearly linear map (rff with
 * a tiny γ) PGD meets the first-order value to 1%.
 */
class MappedAuditTest {
    @ParameterizedTest
    @ValueSource(strings = {"relu:m=50", "rff:m=50,gamma=0.3"})
    void gradientMatchesCentralDifferences(String spec) {
        int d = 4;
        FeatureMap map = FeatureMap.parse(spec, d, 3);
        SplittableRandom r = new SplittableRandom(2);
        double[] c = new double[map.m()];
        for (int k = 0; k < c.length; k++) {
            c[k] = r.nextGaussian();
        }
        Predictor f = MappedAudit.predictor(map, c, 0.7);
        double[] z = {0.3, -1.1, 0.5, 2.0};
        double[] g = f.gradient(z);
        double h = 1e-5;
        for (int j = 0; j < d; j++) {
            double[] up = z.clone();
            double[] dn = z.clone();
            up[j] += h;
            dn[j] -= h;
            double fd = (f.value(up) - f.value(dn)) / (2 * h);
            assertThat(g[j]).as("%s ∂_%d", spec, j).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-6 * (1 + Math.abs(fd))));
        }
    }

    @ParameterizedTest
    @CsvSource({"l2,relu:m=200", "linf,relu:m=200", "l2,ntk", "linf,ntk"})
    void attackedRowsAreLowerBoundsAboveRandomSearch(String attack, String map) {
        MemoryTable t = TableRidgePathTest.table(40, 3, 8, 0);
        List<Split> splits = Splits.fraction(40, 0.25, 2, 1);
        AuditOptions o = new AuditOptions(new double[] {0.01}, List.of(AttackNorm.parse(attack)), new double[] {0.3},
                AlphaScale.RAW, null, true, false);
        MappedAudit.PgdSettings s = new MappedAudit.PgdSettings(20, 2, 5);
        AuditRow row = MappedAudit.run(t, splits, o, map, s).rows().get(0);
        assertThat(row.certified()).isFalse();
        assertThat(row.advTestMse()).isGreaterThanOrEqualTo(row.testMse());
        // independent random search with the same model, rebuilt through the public pieces
        AuditResult again = MappedAudit.run(t, splits, o, map, s);
        assertThat(again.rows().get(0)).isEqualTo(row);
        Predictor f = refit(t, splits.get(0), map, 0.01);
        double random = randomSearch(t, splits.get(0), f, attack, 0.3);
        assertThat(row.advTestMse()).isGreaterThanOrEqualTo(random * (1 - 1e-12));
        assertThat(random).as("the search moves the loss").isGreaterThan(row.testMse());
        // the first-order column: mean (|r| + α‖∇f‖_q)² with ∇f by central differences (h = 1e-5: O(h²) error)
        double q = attack.equals("l2") ? 2 : 1;
        double fo = 0;
        int m = 0;
        org.advrisk.data.ColumnMoments cm = org.advrisk.data.ColumnMoments.of(t, splits.get(0));
        for (int i = 0; i < t.n(); i++) {
            if (splits.get(0).train(i)) {
                continue;
            }
            double[] z = standardised(t, i, cm);
            double[] g = new double[z.length];
            for (int j = 0; j < z.length; j++) {
                double[] up = z.clone();
                double[] dn = z.clone();
                up[j] += 1e-5;
                dn[j] -= 1e-5;
                g[j] = (f.value(up) - f.value(dn)) / 2e-5;
            }
            double e = Math.abs(f.value(z) - t.y(i)) + 0.3 * LinearWorstCase.norm(g, q);
            fo += e * e;
            m++;
        }
        assertThat(row.advFirstOrder()).isCloseTo(fo / m, org.assertj.core.data.Offset.offset(1e-6 * fo / m));
    }

    /** The split's model at one λ, rebuilt from its parts (feature map + table ridge, or the kernel path on z). */
    static Predictor refit(MemoryTable t, Split split, String spec, double lambda) {
        int d = t.p();
        org.advrisk.data.ColumnMoments cm = org.advrisk.data.ColumnMoments.of(t, split);
        if (spec.equals("ntk")) {
            double[] z = new double[split.nTrain() * d];
            double[] y = new double[split.nTrain()];
            int k = 0;
            for (int i = 0; i < t.n(); i++) {
                if (split.train(i)) {
                    System.arraycopy(standardised(t, i, cm), 0, z, k * d, d);
                    y[k++] = t.y(i);
                }
            }
            return InterceptKernelRidgePath.fit(org.advrisk.kernel.ReluNtk.K1, d, k, z, y).predictor(lambda);
        }
        FeatureMap map = FeatureMap.parse(spec, d, 5);
        org.advrisk.data.MappedRows mapped = new org.advrisk.data.MappedRows(t, cm.mean(), cm.sd(), map);
        org.advrisk.data.TrainingStatistics st = org.advrisk.data.GramAccumulator.accumulate(mapped, split, false, true);
        double[] th = TableRidgePath.fit(st).thetas(new double[] {lambda});
        double[] c = new double[map.m()];
        double off = st.yMean();
        for (int k = 0; k < st.p(); k++) {
            c[st.kept()[k]] = th[k];
            off -= th[k] * st.mean()[k];
        }
        return MappedAudit.predictor(map, c, off);
    }

    static double[] standardised(MemoryTable t, int i, org.advrisk.data.ColumnMoments cm) {
        double[] z = new double[t.p()];
        for (int j = 0; j < z.length; j++) {
            z[j] = (t.x(i, j) - cm.mean()[j]) / cm.sd()[j];
        }
        return z;
    }

    /** Mean over test rows of the best squared error over 500 random feasible input perturbations. */
    private static double randomSearch(MemoryTable t, Split split, Predictor f, String attack, double alpha) {
        int d = t.p();
        org.advrisk.data.ColumnMoments cm = org.advrisk.data.ColumnMoments.of(t, split);
        SplittableRandom r = new SplittableRandom(77);
        double sum = 0;
        int n = 0;
        double p = attack.equals("l2") ? 2 : Double.POSITIVE_INFINITY;
        for (int i = 0; i < t.n(); i++) {
            if (split.train(i)) {
                continue;
            }
            double[] z = new double[d];
            for (int j = 0; j < d; j++) {
                z[j] = (t.x(i, j) - cm.mean()[j]) / cm.sd()[j];
            }
            double best = 0;
            for (int s = 0; s < 500; s++) {
                double[] u = new double[d];
                for (int j = 0; j < d; j++) {
                    u[j] = p == 2 ? r.nextGaussian() : 2 * r.nextDouble() - 1;
                }
                double nrm = LinearWorstCase.norm(u, p);
                double[] x = z.clone();
                for (int j = 0; j < d; j++) {
                    x[j] += alpha * (p == 2 ? u[j] / nrm : u[j]);
                }
                double e = f.value(x) - t.y(i);
                best = Math.max(best, e * e);
            }
            sum += best;
            n++;
        }
        return sum / n;
    }

    @org.junit.jupiter.api.Test
    void nearlyLinearMapMeetsTheFirstOrderValue() {
        MemoryTable t = TableRidgePathTest.table(40, 3, 9, 0);
        List<Split> splits = Splits.fraction(40, 0.25, 2, 1);
        AuditOptions o = new AuditOptions(new double[] {1e-4}, List.of(AttackNorm.L2), new double[] {0.1}, AlphaScale.RAW,
                null, true, false);
        AuditRow row = MappedAudit.run(t, splits, o, "rff:m=300,gamma=0.001", new MappedAudit.PgdSettings(20, 1, 5)).rows().get(0);
        assertThat(row.advTestMse()).isCloseTo(row.advFirstOrder(), org.assertj.core.data.Offset.offset(0.01 * row.advFirstOrder()));
        assertThat(Arrays.asList(row.certified())).containsExactly(false);
    }

    @org.junit.jupiter.api.Test
    void kernelGradientWithInterceptMatchesCentralDifferences() {
        int d = 4;
        int n = 9;
        SplittableRandom r = new SplittableRandom(4);
        double[] pts = new double[d * n];
        double[] c = new double[n];
        for (int k = 0; k < pts.length; k++) {
            pts[k] = r.nextGaussian();
        }
        for (int k = 0; k < n; k++) {
            c[k] = r.nextGaussian();
        }
        Predictor f = InterceptKernelRidgePath.predictor(org.advrisk.kernel.ReluNtk.K1, d, n, pts, c, 3.5);
        double[] z = {0.3, -1.1, 0.5, 2.0};
        double[] g = f.gradient(z);
        double h = 1e-5;
        for (int j = 0; j < d; j++) {
            double[] up = z.clone();
            double[] dn = z.clone();
            up[j] += h;
            dn[j] -= h;
            double fd = (f.value(up) - f.value(dn)) / (2 * h);
            assertThat(g[j]).as("∂_%d", j).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-6 * (1 + Math.abs(fd))));
        }
        assertThat(f.value(new double[d])).as("K1(0, ·) = 0: f(0) is the intercept").isEqualTo(3.5);
    }

    /** A separate test table holding exactly a split's test rows gives that split's rows, bit for bit. */
    @ParameterizedTest
    @ValueSource(strings = {"relu:m=60", "ntk"})
    void separateTestTableEqualsTheMaskedSplit(String map) {
        MemoryTable t = TableRidgePathTest.table(40, 3, 8, 0);
        Split split = Splits.fraction(40, 0.25, 2, 1).get(0);
        int nTrain = split.nTrain();
        double[] xTrain = new double[nTrain * 3];
        double[] yTrain = new double[nTrain];
        double[] xTest = new double[split.nTest() * 3];
        double[] yTest = new double[split.nTest()];
        int a = 0;
        int b = 0;
        for (int i = 0; i < t.n(); i++) {
            for (int j = 0; j < 3; j++) {
                if (split.train(i)) {
                    xTrain[a * 3 + j] = t.x(i, j);
                } else {
                    xTest[b * 3 + j] = t.x(i, j);
                }
            }
            if (split.train(i)) {
                yTrain[a++] = t.y(i);
            } else {
                yTest[b++] = t.y(i);
            }
        }
        MemoryTable train = new MemoryTable(t.featureNames(), t.targetName(), xTrain, yTrain);
        MemoryTable test = new MemoryTable(t.featureNames(), t.targetName(), xTest, yTest);
        AuditOptions o = new AuditOptions(new double[] {0, 0.01, 1}, List.of(AttackNorm.L2, AttackNorm.LINF),
                new double[] {0.1, 0.3}, AlphaScale.RAW, null, true, false);
        MappedAudit.PgdSettings s = new MappedAudit.PgdSettings(10, 1, 5);
        List<AuditRow> masked = MappedAudit.run(t, List.of(split), o, map, s).rows();
        List<AuditRow> separate = MappedAudit.run(train, test, List.of(Splits.testFile(nTrain, test.n())), o, map, s).rows();
        assertThat(separate).hasSameSizeAs(masked);
        for (int k = 0; k < masked.size(); k++) {
            AuditRow m = masked.get(k);
            assertThat(separate.get(k)).isEqualTo(new AuditRow("test-file", m.estimator(), m.lambda(), m.attack(), m.alpha(),
                    m.alphaEff(), m.trainMse(), m.testMse(), m.advTestMse(), m.advTestMseSe(), m.certified(), m.normDual(),
                    m.nTrain(), m.nTest(), m.p(), m.advFirstOrder()));
        }
    }

    /** A refitted model saved as JSON and read back audits its rows exactly like the model in memory. */
    @ParameterizedTest
    @ValueSource(strings = {"rff:m=40,gamma=0.2", "ntk"})
    void savedModelRoundTripsBitForBit(String map, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        MemoryTable t = TableRidgePathTest.table(30, 3, 6, 0);
        MappedModel m = MappedAudit.refit(t, "y", map, 5, 0.01, true);
        java.nio.file.Path f = dir.resolve("m.json");
        m.write(f, null);
        MappedModel back = MappedModel.readIfMapped(f);
        assertThat(back).isNotNull();
        assertThat(back.weights()).containsExactly(m.weights());
        assertThat(back.intercept()).isEqualTo(m.intercept());
        AuditOptions o = new AuditOptions(new double[] {0.01}, List.of(AttackNorm.L2), new double[] {0.2}, AlphaScale.RAW,
                null, true, false);
        MappedAudit.PgdSettings s = new MappedAudit.PgdSettings(10, 1, 5);
        assertThat(MappedAudit.external(t, back, o, s).rows()).isEqualTo(MappedAudit.external(t, m, o, s).rows());
        // the refit is the fit on every row: its training predictions equal the path's at that λ
        Predictor direct = refit(t, Splits.all(30), map.equals("ntk") ? "ntk" : map, 0.01);
        org.advrisk.data.ColumnMoments cm = org.advrisk.data.ColumnMoments.of(t, Splits.all(30));
        for (int i = 0; i < 5; i++) {
            double[] z = standardised(t, i, cm);
            assertThat(back.predictor().value(z)).isCloseTo(direct.value(z), org.assertj.core.data.Offset.offset(1e-12));
        }
    }
}
