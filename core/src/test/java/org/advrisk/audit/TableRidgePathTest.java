package org.advrisk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.advrisk.data.GramAccumulator;
import org.advrisk.data.MemoryTable;
import org.advrisk.data.Split;
import org.advrisk.data.Splits;
import org.advrisk.data.TrainingStatistics;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The eigen-path against a direct solve of the centred ridge normal equations
 * (ZᵀZ + nλI)θ = Zᵀ(y − ȳ) by LU (commons-math, no BLAS), with Z standardised by a separate
 * two-pass computation on the training rows only; λ = 0 against the SVD pseudo-inverse. Tolerance
 * 1e-10 relative to ‖θ‖∞: the systems have condition number below ~1e4, so both solutions agree
 * to κ·ε ≈ 1e-12.
 */
class TableRidgePathTest {
    static MemoryTable table(int n, int p, long seed, double offset) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double t = 1;
            for (int j = 0; j < p; j++) {
                double v = offset + (j + 1) * r.nextGaussian() + (j > 0 ? 0.5 * x[i * p + j - 1] - 0.5 * offset : 0);
                x[i * p + j] = v;
                t += (j % 3 - 1) * 0.3 * v;
            }
            y[i] = t + r.nextGaussian();
        }
        List<String> names = new java.util.ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add("x" + j);
        }
        return new MemoryTable(names, "y", x, y);
    }

    @ParameterizedTest(name = "n={0} p={1} offset={2}")
    @CsvSource({"60, 7, 0", "60, 7, 10000", "15, 40, 3", "30, 30, 0"})
    void pathMatchesDirectSolveOnTrainingRows(int nAll, int p, double offset) {
        MemoryTable t = table(nAll, p, 11, offset);
        Split split = Splits.fraction(nAll, 0.25, 5, 1).get(0);
        TrainingStatistics st = GramAccumulator.accumulate(t, split, true, false);
        int n = split.nTrain();
        // independent standardisation: two passes over the training rows
        double[][] z = new double[n][p];
        double[] yc = new double[n];
        double ym = 0;
        int k = 0;
        for (int i = 0; i < nAll; i++) {
            if (split.train(i)) {
                ym += t.y(i);
            }
        }
        ym /= n;
        for (int j = 0; j < p; j++) {
            double m = 0;
            for (int i = 0; i < nAll; i++) {
                if (split.train(i)) {
                    m += t.x(i, j);
                }
            }
            m /= n;
            double v = 0;
            for (int i = 0; i < nAll; i++) {
                if (split.train(i)) {
                    v += (t.x(i, j) - m) * (t.x(i, j) - m);
                }
            }
            double sd = Math.sqrt(v / n);
            assertThat(st.mean()[j]).isCloseTo(m, org.assertj.core.data.Offset.offset(1e-12 * (Math.abs(m) + sd)));
            assertThat(st.sd()[j]).isCloseTo(sd, org.assertj.core.data.Offset.offset(1e-9 * sd));
            k = 0;
            for (int i = 0; i < nAll; i++) {
                if (split.train(i)) {
                    z[k++][j] = (t.x(i, j) - m) / sd;
                }
            }
        }
        k = 0;
        for (int i = 0; i < nAll; i++) {
            if (split.train(i)) {
                yc[k++] = t.y(i) - ym;
            }
        }
        RealMatrix zm = new Array2DRowRealMatrix(z);
        RealVector yv = new ArrayRealVector(yc);
        double[] lambdas = {0, 1e-3, 0.05, 1, 30};
        TableRidgePath path = TableRidgePath.fit(st);
        double[] th = path.thetas(lambdas);
        for (int l = 0; l < lambdas.length; l++) {
            RealVector direct;
            if (lambdas[l] == 0) {
                direct = new SingularValueDecomposition(zm).getSolver().solve(yv);
            } else {
                RealMatrix a = zm.transpose().multiply(zm);
                for (int j = 0; j < p; j++) {
                    a.addToEntry(j, j, n * lambdas[l]);
                }
                direct = new LUDecomposition(a).getSolver().solve(zm.transpose().operate(yv));
            }
            double scale = direct.getLInfNorm();
            for (int j = 0; j < p; j++) {
                assertThat(Math.abs(th[j + l * p] - direct.getEntry(j))).as("λ=%s j=%d", lambdas[l], j)
                        .isLessThanOrEqualTo(1e-10 * scale);
            }
            RealVector res = yv.subtract(zm.operate(direct));
            double mse = res.dotProduct(res) / n;
            assertThat(path.trainMse(lambdas[l])).as("train MSE λ=%s", lambdas[l])
                    .isCloseTo(mse, org.assertj.core.data.Offset.offset(1e-10 * (mse + yv.dotProduct(yv) / n * 1e-3)));
            // intercept of the raw-unit model: b = ȳ − x̄ᵀθ_x reproduces the prediction of every row
            LinearModel model = LinearModel.of("y", st, java.util.Arrays.copyOfRange(th, l * p, (l + 1) * p), lambdas[l]);
            for (int i = 0; i < 3; i++) {
                double raw = model.intercept();
                double viaZ = ym;
                for (int j = 0; j < p; j++) {
                    raw += model.coefficients()[j] * t.x(i, j);
                    viaZ += th[j + l * p] * (t.x(i, j) - st.mean()[j]) / st.sd()[j];
                }
                assertThat(raw).isCloseTo(viaZ, org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(viaZ) + Math.abs(offset))));
            }
        }
    }
}
