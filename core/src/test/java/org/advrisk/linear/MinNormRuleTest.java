package org.advrisk.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/**
 * The one λ = 0 rule ({@link MinNormRule}) on rank-deficient designs: λ = 0 and t = ∞ are the
 * minimum-norm least-squares fit, against a direct computation — a duplicated column (primal path, p &lt; n:
 * the least-squares coefficient of the column splits evenly between its two copies) and duplicated rows
 * (dual path, p ≥ n: Commons Math's SVD pseudo-inverse). Tolerance 1e-9 relative: both are backward-stable
 * solves of a system with condition number below 1e3 on its range.
 */
class MinNormRuleTest {
    @Test
    void duplicatedColumnSplitsItsCoefficient() {
        int n = 30;
        SplittableRandom r = new SplittableRandom(4);
        double[][] a = new double[n][3];
        double[] y = new double[n];
        double[] x = new double[n * 4];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                a[i][j] = r.nextGaussian();
                x[i + j * n] = a[i][j];
            }
            x[i + 3 * n] = a[i][0];
            y[i] = 2 * a[i][0] - a[i][1] + 0.5 * r.nextGaussian();
        }
        double[] beta = new QRDecomposition(new Array2DRowRealMatrix(a)).getSolver()
                .solve(new ArrayRealVector(y)).toArray();
        double[] expected = {beta[0] / 2, beta[1], beta[2], beta[0] / 2};
        RidgePath path = new RidgeEstimator(1).fit(DesignData.of(n, 4, x, y));
        assertClose(path.theta(0), expected);
        assertClose(path.filtered(SpectralFamily.FLOW).theta(Double.POSITIVE_INFINITY), expected);
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double f = beta[0] * a[i][0] + beta[1] * a[i][1] + beta[2] * a[i][2];
            rss += (y[i] - f) * (y[i] - f);
        }
        assertThat(path.trainMse(0)).isCloseTo(rss / n, within(1e-9 * rss / n));
    }

    @Test
    void duplicatedRowsGiveThePseudoInverse() {
        int n = 10;
        int p = 25;
        SplittableRandom r = new SplittableRandom(9);
        double[][] rows = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                rows[i][j] = i == 7 ? rows[2][j] : r.nextGaussian();
            }
            y[i] = r.nextGaussian();
        }
        double[] x = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i + j * n] = rows[i][j];
            }
        }
        RealMatrix design = new Array2DRowRealMatrix(rows);
        double[] expected = new SingularValueDecomposition(design).getSolver().solve(new ArrayRealVector(y)).toArray();
        RidgePath path = new RidgeEstimator(1).fit(DesignData.of(n, p, x, y));
        assertClose(path.theta(0), expected);
        assertClose(path.filtered(SpectralFamily.FLOW).theta(Double.POSITIVE_INFINITY), expected);
        double[] fit = design.operate(expected);
        double rss = 0;
        for (int i = 0; i < n; i++) {
            rss += (y[i] - fit[i]) * (y[i] - fit[i]);
        }
        assertThat(rss).as("rows 2 and 7 differ in y: no interpolation").isGreaterThan(1e-6);
        assertThat(path.trainMse(0)).isCloseTo(rss / n, within(1e-9 * rss / n));
    }

    @Test
    void cutoffIsMaxSideTimesEpsilonTimesLargestEigenvalue() {
        assertThat(MinNormRule.cutoff(10, 4000, 2.0)).isEqualTo(4000 * Math.ulp(1.0) * 2.0);
        assertThat(MinNormRule.cutoff(10, 4, -1.0)).isZero();
    }

    private static void assertClose(double[] actual, double[] expected) {
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("coefficient " + i).isCloseTo(expected[i], within(1e-9 * scale));
        }
    }
}
