package org.advrisk.linear;

import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.LinearProblem;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.random.Distribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * {@link RidgeEstimator} on Wishart-tailed statistics passes {@link LinearEstimatorContract}: θ̂ does not
 * exist (its tail features were never drawn), so the direct solve works on the statistics themselves:
 * w = (K + nλI)⁻¹y by LU, ‖θ̂‖² = wᵀKw, R = wᵀMw − 2bᵀw + ‖θ*‖²_Σ, ‖θ̂ − θ*‖² = ‖θ̂‖² − 2(Xθ*)ᵀw + ‖θ*‖²,
 * train MSE = (1/n)‖Kw − y‖².
 */
class WishartRidgeContractTest extends LinearEstimatorContract {
    private final LinearProblem pr = new LinearProblem(30, SpectrumSpec.parse("twolevel:spikes=5,spike=1,tail=1")
            .withSize(100_000), GroundTruthSpec.parse("top:k=5,norm=1").withSize(100_000, 0), 0.5,
            Distribution.GAUSSIAN, Distribution.GAUSSIAN);

    @Override
    protected TrainingData data() {
        return WishartTail.sample(pr, 3, 1, 1);
    }

    @Override
    protected Estimator<TrainingData, LinearPath> estimator() {
        RidgeEstimator ridge = new RidgeEstimator(1);
        return ridge::fit;
    }

    @Override
    protected double[] params() {
        return new double[] {0, 1e-2, 1};
    }

    @Override
    protected boolean predicts() {
        return false;
    }

    @Override
    protected double[] directTheta(double param) {
        throw new UnsupportedOperationException("a Wishart tail has no θ̂");
    }

    @Override
    protected DesignData explicitData() {
        throw new UnsupportedOperationException("a Wishart tail has no explicit design");
    }

    @Override
    protected boolean hasPopulation() {
        return true;
    }

    private RealVector w(GramStats g, double lambda, RealMatrix[] kOut) {
        int n = g.n();
        RealMatrix k = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                k.setEntry(i, j, g.k()[i + j * n]);
            }
        }
        kOut[0] = k.copy();
        for (int i = 0; i < n; i++) {
            k.addToEntry(i, i, n * lambda);
        }
        return new LUDecomposition(k).getSolver().solve(new ArrayRealVector(g.y()));
    }

    @Override
    protected double directTrainMse(double lambda) {
        GramStats g = (GramStats) data();
        RealMatrix[] k = new RealMatrix[1];
        RealVector w = w(g, lambda, k);
        RealVector r = k[0].operate(w).subtract(new ArrayRealVector(g.y()));
        return r.dotProduct(r) / g.n();
    }

    @Override
    protected PathPoint directPoint(LinearProblem problem, double lambda) {
        GramStats g = (GramStats) data();
        int n = g.n();
        RealMatrix[] k = new RealMatrix[1];
        RealVector w = w(g, lambda, k);
        RealMatrix m = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.setEntry(i, j, g.m()[i + j * n]);
            }
        }
        double norm = w.dotProduct(k[0].operate(w));
        double risk = w.dotProduct(m.operate(w)) - 2 * new ArrayRealVector(g.b()).dotProduct(w)
                + problem.signalVariance();
        double ts = problem.theta().norm(2);
        double err = norm - 2 * new ArrayRealVector(g.xTheta()).dotProduct(w) + ts * ts;
        return new PathPoint(lambda, risk, norm, err, directTrainMse(lambda));
    }
}
