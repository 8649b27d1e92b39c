package org.advrisk.kernel;

import java.util.SplittableRandom;
import org.advrisk.linear.Estimator;
import org.advrisk.linear.EstimatorContract;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * {@link KernelRidge} passes the estimator contract: predictions Σ_i c_i k(z, x_i) and the training
 * error equal those of c = (K + nλI)⁻¹y solved by LU, with K and k(z, x_i) evaluated pointwise from
 * {@link Kernel#value} (not through the Gram code).
 */
class KernelRidgeContractTest extends EstimatorContract<KernelData, KernelRidgePath> {
    private static final int D = 12;
    private static final int N = 25;

    @Override
    protected KernelData data() {
        SplittableRandom r = new SplittableRandom(8);
        double[] x = new double[D * N];
        double[] y = new double[N];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        for (int i = 0; i < N; i++) {
            y[i] = x[i * D] + 0.3 * r.nextGaussian();
        }
        return new KernelData(D, N, x, y);
    }

    @Override
    protected Estimator<KernelData, KernelRidgePath> estimator() {
        return new KernelRidge(ReluNtk.K1);
    }

    @Override
    protected double[] params() {
        return new double[] {0, 1e-3, 0.1, 3};
    }

    @Override
    protected int dim() {
        return D;
    }

    private static double k(double[] a, int ia, double[] b, int ib) {
        double g = 0;
        double na = 0;
        double nb = 0;
        for (int t = 0; t < D; t++) {
            g += a[ia * D + t] * b[ib * D + t];
            na += a[ia * D + t] * a[ia * D + t];
            nb += b[ib * D + t] * b[ib * D + t];
        }
        return ReluNtk.K1.value(g, Math.sqrt(na), Math.sqrt(nb));
    }

    private RealVector coefficients(KernelData data, double lambda, RealMatrix[] gram) {
        RealMatrix kk = new Array2DRowRealMatrix(N, N);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                kk.setEntry(i, j, k(data.x(), i, data.x(), j));
            }
        }
        gram[0] = kk.copy();
        for (int i = 0; i < N; i++) {
            kk.addToEntry(i, i, N * lambda);
        }
        return new LUDecomposition(kk).getSolver().solve(new ArrayRealVector(data.y()));
    }

    @Override
    protected double[] directPredictions(double lambda, int count, double[] points) {
        KernelData data = data();
        RealVector c = coefficients(data, lambda, new RealMatrix[1]);
        double[] out = new double[count];
        for (int t = 0; t < count; t++) {
            for (int i = 0; i < N; i++) {
                out[t] += c.getEntry(i) * k(points, t, data.x(), i);
            }
        }
        return out;
    }

    @Override
    protected double directTrainMse(double lambda) {
        KernelData data = data();
        RealMatrix[] gram = new RealMatrix[1];
        RealVector c = coefficients(data, lambda, gram);
        RealVector r = gram[0].operate(c).subtract(new ArrayRealVector(data.y()));
        return r.dotProduct(r) / N;
    }
}
