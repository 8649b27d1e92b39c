package org.advrisk.audit;

import org.advrisk.data.GramAccumulator;
import org.advrisk.data.MemoryTable;
import org.advrisk.data.Splits;
import org.advrisk.data.TrainingStatistics;
import org.advrisk.linear.Estimator;
import org.advrisk.linear.EstimatorContract;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The house's estimator contract for {@link TableRidge} on a streamed table's statistics (primal,
 * p &lt; n): predictions on standardised inputs and training MSE against an LU solve of the centred
 * normal equations (SVD pseudo-inverse at λ = 0), commons-math, no BLAS.
 */
class TableRidgeContractTest extends EstimatorContract<TrainingStatistics, TableRidgePath> {
    private static final int N = 50;
    private static final int P = 6;

    @Override
    protected TrainingStatistics data() {
        MemoryTable t = TableRidgePathTest.table(N, P, 21, 3);
        return GramAccumulator.accumulate(t, Splits.all(N), true, false);
    }

    @Override
    protected Estimator<TrainingStatistics, TableRidgePath> estimator() {
        return new TableRidge();
    }

    @Override
    protected double[] params() {
        return new double[] {0, 1e-3, 0.1, 2};
    }

    @Override
    protected int dim() {
        return P;
    }

    private RealVector direct(double lambda, double[][] zOut, double[] ycOut) {
        MemoryTable t = TableRidgePathTest.table(N, P, 21, 3);
        double ym = 0;
        for (int i = 0; i < N; i++) {
            ym += t.y(i) / N;
        }
        for (int j = 0; j < P; j++) {
            double m = 0;
            for (int i = 0; i < N; i++) {
                m += t.x(i, j) / N;
            }
            double v = 0;
            for (int i = 0; i < N; i++) {
                v += (t.x(i, j) - m) * (t.x(i, j) - m) / N;
            }
            for (int i = 0; i < N; i++) {
                zOut[i][j] = (t.x(i, j) - m) / Math.sqrt(v);
            }
        }
        for (int i = 0; i < N; i++) {
            ycOut[i] = t.y(i) - ym;
        }
        RealMatrix z = new Array2DRowRealMatrix(zOut);
        RealVector y = new ArrayRealVector(ycOut);
        if (lambda == 0) {
            return new SingularValueDecomposition(z).getSolver().solve(y);
        }
        RealMatrix a = z.transpose().multiply(z);
        for (int j = 0; j < P; j++) {
            a.addToEntry(j, j, N * lambda);
        }
        return new LUDecomposition(a).getSolver().solve(z.transpose().operate(y));
    }

    @Override
    protected double[] directPredictions(double lambda, int count, double[] points) {
        double[] yc = new double[N];
        RealVector th = direct(lambda, new double[N][P], yc);
        MemoryTable t = TableRidgePathTest.table(N, P, 21, 3);
        double ym = 0;
        for (int i = 0; i < N; i++) {
            ym += t.y(i) / N;
        }
        double[] out = new double[count];
        for (int c = 0; c < count; c++) {
            double v = ym;
            for (int j = 0; j < P; j++) {
                v += th.getEntry(j) * points[c * P + j];
            }
            out[c] = v;
        }
        return out;
    }

    @Override
    protected double directTrainMse(double lambda) {
        double[][] z = new double[N][P];
        double[] yc = new double[N];
        RealVector th = direct(lambda, z, yc);
        RealVector r = new ArrayRealVector(yc).subtract(new Array2DRowRealMatrix(z).operate(th));
        return r.dotProduct(r) / N;
    }
}
