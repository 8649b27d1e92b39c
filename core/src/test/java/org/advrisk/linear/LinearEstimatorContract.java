package org.advrisk.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.LinearProblem;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * The contract of linear estimators on top of {@link EstimatorContract}: θ̂ from the path equals the
 * subclass's direct θ̂ (for ridge: an LU solve of the normal equations, see {@link #ridgeByNormalEquations});
 * with a known population, the path's exact quantities equal those computed from that θ̂ directly, and
 * the rows of the path equal the rows {@link LinearRiskRows#ofTheta} makes from the direct θ̂ (one risk
 * function for every estimator). Without a population (a user's table) the risks are refused.
 */
public abstract class LinearEstimatorContract extends EstimatorContract<TrainingData, LinearPath> {
    /** θ̂ of the directly solved estimator at param (p coordinates). */
    protected abstract double[] directTheta(double param);

    /** The explicit design the data stand for (n×p column-major) and its labels. */
    protected abstract DesignData explicitData();

    @Override
    protected int dim() {
        return explicitData().columns();
    }

    @Override
    protected double[] directPredictions(double param, int count, double[] points) {
        double[] t = directTheta(param);
        double[] out = new double[count];
        for (int c = 0; c < count; c++) {
            double s = 0;
            for (int j = 0; j < t.length; j++) {
                s += points[j + c * t.length] * t[j];
            }
            out[c] = s;
        }
        return out;
    }

    @Override
    protected double directTrainMse(double param) {
        DesignData d = explicitData();
        double[] t = directTheta(param);
        double s = 0;
        for (int i = 0; i < d.n(); i++) {
            double f = 0;
            for (int j = 0; j < d.columns(); j++) {
                f += d.x()[i + j * d.n()] * t[j];
            }
            s += (d.y()[i] - f) * (d.y()[i] - f);
        }
        return s / d.n();
    }

    /**
     * Ridge by an LU solve of the normal equations (XᵀX + nλI)θ = Xᵀy; for λ = 0 and p ≥ n the min-norm
     * solution Xᵀ(XXᵀ)⁻¹y. Independent of the eigendecomposition path.
     */
    public static double[] ridgeByNormalEquations(DesignData d, double lambda) {
        int n = d.n();
        int p = d.columns();
        RealMatrix x = new Array2DRowRealMatrix(n, p);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x.setEntry(i, j, d.x()[i + j * n]);
            }
        }
        ArrayRealVector y = new ArrayRealVector(d.y());
        if (lambda == 0 && p >= n) {
            RealMatrix k = x.multiply(x.transpose());
            return x.transpose().operate(new LUDecomposition(k).getSolver().solve(y)).toArray();
        }
        RealMatrix a = x.transpose().multiply(x);
        for (int j = 0; j < p; j++) {
            a.addToEntry(j, j, n * lambda);
        }
        return new LUDecomposition(a).getSolver().solve(x.transpose().operate(y)).toArray();
    }

    /** Whether the data carry their population (Σ, θ*). */
    protected boolean hasPopulation() {
        return explicitData().source().isPresent();
    }

    @Test
    void thetaEqualsTheDirectSolve() {
        LinearPath path = fitted();
        if (!path.hasTheta()) {
            assertThatThrownBy(() -> path.theta(params()[0])).isInstanceOf(IllegalStateException.class);
            return;
        }
        for (double param : params()) {
            double[] want = directTheta(param);
            double[] got = path.theta(param);
            assertThat(got).hasSize(want.length);
            double tol = tolerance() * scale(want);
            for (int j = 0; j < want.length; j++) {
                assertThat(got[j]).as("%s=%s, j=%d", path.parameter(), param, j).isCloseTo(want[j], within(tol));
            }
        }
    }

    @Test
    void exactQuantitiesEqualThoseOfTheDirectTheta() {
        LinearPath path = fitted();
        if (!hasPopulation()) {
            assertThatThrownBy(() -> path.at(params()[0])).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("theta()");
            return;
        }
        for (double param : params()) {
            PathPoint want = directPoint(path.problem(), param);
            PathPoint pt = path.at(param);
            double norm = want.normL2Sq();
            assertThat(pt.lambda()).isEqualTo(param);
            assertThat(pt.stdRisk()).isCloseTo(want.stdRisk(), within(tolerance() * Math.max(want.stdRisk(), norm)));
            assertThat(pt.normL2Sq()).isCloseTo(norm, within(tolerance() * norm));
            assertThat(pt.errL2Sq()).isCloseTo(want.errL2Sq(), within(tolerance() * Math.max(want.errL2Sq(), norm)));
            assertThat(pt.trainMse()).isCloseTo(want.trainMse(), within(tolerance() * Math.max(want.trainMse(), 1)));
        }
    }

    /** The exact quantities of the directly solved estimator: by default computed from {@link #directTheta}. */
    protected PathPoint directPoint(LinearProblem pr, double param) {
        double[] t = directTheta(param);
        double risk = 0;
        double norm = 0;
        double err = 0;
        for (int j = 0; j < t.length; j++) {
            double dj = t[j] - pr.theta().value(j);
            risk += pr.spectrum().value(j) * dj * dj;
            norm += t[j] * t[j];
            err += dj * dj;
        }
        return new PathPoint(param, risk, norm, err, directTrainMse(param));
    }

    /** The rows of the path equal the rows of the direct θ̂ through the one risk function (l2, linf, l1). */
    @Test
    void rowsEqualRowsOfTheDirectTheta() {
        LinearPath path = fitted();
        if (!hasPopulation() || !path.hasTheta()) {
            return;
        }
        SampleSource src = path.source().orElseThrow();
        boolean gaussian = src.problem().design() == Distribution.GAUSSIAN;
        List<AttackNorm> attacks = List.of(AttackNorm.L2, AttackNorm.parse("linf"), AttackNorm.parse("l1"));
        for (double param : params()) {
            // the path's own parameter values (gradient flow's t = ∞ too); the query gives attacks, targets, α
            LinearQuery q = new LinearQuery(new double[] {0}, new double[] {0.1, 0.5}, attacks,
                    List.of(Target.CLEAN, Target.CONSISTENT, Target.NOISY), 400);
            List<LinearRiskRow> got = LinearRiskRows.of(path, new double[] {param}, q, src.seed(), src.trial());
            List<LinearRiskRow> want = LinearRiskRows.ofTheta(explicitData(), param, directTheta(param), q);
            assertThat(got).hasSameSizeAs(want).hasSize(3 * 3 * 2);
            for (int i = 0; i < got.size(); i++) {
                LinearRiskRow a = got.get(i);
                LinearRiskRow b = want.get(i);
                assertThat(a.attack()).isEqualTo(b.attack());
                assertThat(a.target()).isEqualTo(b.target());
                double tol = tolerance() * Math.max(1, b.advRisk());
                assertThat(a.advRisk()).as("%s row %d", gaussian ? "gaussian" : "rademacher", i)
                        .isCloseTo(b.advRisk(), within(gaussian ? tol : 1e-6 * Math.max(1, b.advRisk())));
                assertThat(a.normDual()).isCloseTo(b.normDual(), within(tolerance() * Math.max(1, b.normDual())));
                assertThat(a.stdRisk()).isCloseTo(b.stdRisk(), within(tol));
            }
        }
    }
}
