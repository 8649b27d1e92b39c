package org.advrisk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.advrisk.data.Dataset;
import org.advrisk.data.MemoryTable;
import org.advrisk.data.Split;
import org.advrisk.data.Splits;
import org.advrisk.model.AttackNorm;
import org.advrisk.stats.Criterion;
import org.advrisk.stats.Decision;
import org.junit.jupiter.api.Test;

/**
 * The real-data claims: the verdict's numbers are the means over splits of the audit's rows (checked
 * here from the rows of a separate audit run), its criteria's estimates are the ratios of those means
 * (recomputed here), each decision is what its interval says against the threshold, the same seed gives
 * the same verdict, and on a table without a trade-off (p &lt; n, strong signal: every λ near 0 is
 * best for both risks) claim (ii) clearly fails.
 */
class RealDataClaimsTest {
    private static final RealDataClaims.Settings SMALL = new RealDataClaims.Settings(
            org.advrisk.param.Parameters.LAMBDA.parseList("0,logspace:-6,1,8"), AttackNorm.L2, new double[] {0.1, 1}, 200, 7);

    @Test
    void gasolineNumbersAreTheAuditsMeansAndTheEstimatesTheirRatios() {
        RealDataClaims.Case c = RealDataClaims.Case.of(Dataset.GASOLINE, 45, 6, 3);
        assertThat(c.n()).isEqualTo(60);
        assertThat(c.table().p()).isEqualTo(401);
        List<RealDataClaims.Result> vs = RealDataClaims.run(c, SMALL);
        assertThat(vs).hasSize(2);
        List<Split> splits = Splits.trainSize(60, 45, 3, 6);
        AuditResult res = Audit.run(c.table(), null, splits, new AuditOptions(SMALL.lambdas(), List.of(AttackNorm.L2),
                SMALL.alphas(), AlphaScale.RAW, null, true, false));
        double[] grid = SMALL.lambdas();
        for (RealDataClaims.Result v : vs) {
            double[] test = new double[grid.length];
            double[] adv = new double[grid.length];
            for (AuditRow r : res.rows()) {
                if (r.alpha() == v.alpha()) {
                    int l = java.util.Arrays.binarySearch(grid, r.lambda());
                    test[l] += r.testMse() / 6;
                    adv[l] += r.advTestMse() / 6;
                    assertThat(r.nTrain()).isEqualTo(45);
                    assertThat(r.nTest()).isEqualTo(15);
                }
            }
            double minTest = java.util.Arrays.stream(test).min().orElseThrow();
            double minAdv = java.util.Arrays.stream(adv).min().orElseThrow();
            // the means are summed in another order here: 1e-12 relative
            assertThat(v.testAtZero()).isCloseTo(test[0], org.assertj.core.data.Offset.offset(1e-12 * test[0]));
            assertThat(v.advAtZero()).isCloseTo(adv[0], org.assertj.core.data.Offset.offset(1e-12 * adv[0]));
            assertThat(v.minTest()).isCloseTo(minTest, org.assertj.core.data.Offset.offset(1e-12 * minTest));
            assertThat(v.minAdv()).isCloseTo(minAdv, org.assertj.core.data.Offset.offset(1e-12 * minAdv));
            int iStd = argmin(test);
            int iAdv = argmin(adv);
            assertThat(v.lambdaStd()).isEqualTo(grid[iStd]);
            assertThat(v.lambdaAdv()).isEqualTo(grid[iAdv]);
            double[] expect = {test[0] / minTest, adv[0] / minAdv, adv[iStd] / minAdv, test[iAdv] / minTest};
            List<Criterion> all = new java.util.ArrayList<>(v.one());
            all.addAll(v.two());
            for (int k = 0; k < 4; k++) {
                Criterion cr = all.get(k);
                assertThat(cr.interval().estimate()).as(cr.name()).isCloseTo(expect[k],
                        org.assertj.core.data.Offset.offset(1e-12 * expect[k]));
                assertThat(cr.interval().defined()).as(cr.name()).isTrue();
                assertThat(cr.interval().lo()).isLessThanOrEqualTo(cr.interval().hi());
                assertThat(cr.decision()).isEqualTo(expected(cr));
            }
            assertThat(v.claimOne().decision()).isEqualTo(Decision.all(v.one().stream().map(Criterion::decision).toList()));
            assertThat(v.claimTwo().decision()).isEqualTo(Decision.all(v.two().stream().map(Criterion::decision).toList()));
            assertThat(v.one().get(0).above()).as("small standard risk: below T").isFalse();
            assertThat(v.one().get(1).above()).as("large adversarial risk: above T").isTrue();
            assertThat(v.text()).contains("gasoline").contains(v.claimOne().decision().word()).contains(v.claimTwo().decision().word());
        }
        assertThat(RealDataClaims.run(c, SMALL)).as("same seeds, same verdicts").isEqualTo(vs);
    }

    /** The decision read off the interval directly. */
    private static Decision expected(Criterion c) {
        double lo = c.interval().lo();
        double hi = c.interval().hi();
        double t = c.threshold();
        if (c.above() ? lo > t : hi < t) {
            return Decision.HOLDS;
        }
        return (c.above() ? hi < t : lo > t) ? Decision.DOES_NOT_HOLD : Decision.INCONCLUSIVE;
    }

    private static int argmin(double[] v) {
        int b = 0;
        for (int i = 1; i < v.length; i++) {
            b = v[i] < v[b] ? i : b;
        }
        return b;
    }

    @Test
    void withoutATradeOffClaimTwoClearlyFails() {
        // n = 400, p = 5, y = strong linear signal + small noise: least squares (λ = 0) is best for both risks
        int n = 400;
        int p = 5;
        SplittableRandom r = new SplittableRandom(9);
        double[] x = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double t = 0;
            for (int j = 0; j < p; j++) {
                x[i * p + j] = r.nextGaussian();
                t += (j + 1) * x[i * p + j];
            }
            y[i] = t + 0.1 * r.nextGaussian();
        }
        MemoryTable table = new MemoryTable(List.of("a", "b", "c", "d", "e"), "y", x, y);
        RealDataClaims.Case c = new RealDataClaims.Case("linear", table, n, 300, 8, 1);
        RealDataClaims.Settings s = new RealDataClaims.Settings(SMALL.lambdas(), AttackNorm.L2, new double[] {0.01}, 200, 7);
        RealDataClaims.Result v = RealDataClaims.run(c, s).get(0);
        assertThat(v.claimTwo().decision()).isEqualTo(Decision.DOES_NOT_HOLD);
        assertThat(v.one().get(0).decision()).as("least squares is (near) the best ridge").isEqualTo(Decision.HOLDS);
        assertThat(v.one().get(1).decision()).as("and not fragile").isEqualTo(Decision.DOES_NOT_HOLD);
    }
}
