package org.advrisk.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.advrisk.attack.Predictor;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Estimator} passes: its path's predictions and training errors equal those
 * of a direct, independent solve (given by the subclass) at every parameter value, and fitting twice
 * gives the same bits. Subclasses: one per estimator and kind of training data.
 *
 * <p>Tolerance: the path and the direct solve are two backward-stable solves of systems whose condition
 * number the subclass keeps below ~1e6; they agree to about κ·n·1e-16 ≤ 1e-8 relative, the default.
 */
public abstract class EstimatorContract<D, P extends EstimatorPath> {
    /** Fresh training data (called once per fit: paths may consume their inputs). */
    protected abstract D data();

    /** The estimator under test. */
    protected abstract Estimator<D, P> estimator();

    /** Parameter values to check (the path parameter, e.g. λ). */
    protected abstract double[] params();

    /** Input dimension of the predictor. */
    protected abstract int dim();

    /** Predictions at the columns of points (dim×count) of the directly solved estimator at param. */
    protected abstract double[] directPredictions(double param, int count, double[] points);

    /** Training mean squared error of the directly solved estimator at param. */
    protected abstract double directTrainMse(double param);

    /** Whether the path can predict (false for statistics that never drew the features). */
    protected boolean predicts() {
        return true;
    }

    /** Relative tolerance of path vs direct solve (see the class comment). */
    protected double tolerance() {
        return 1e-8;
    }

    protected final P fitted() {
        return estimator().fit(data());
    }

    protected static double scale(double[] v) {
        double s = 0;
        for (double x : v) {
            s = Math.max(s, Math.abs(x));
        }
        return Math.max(s, 1e-300);
    }

    @Test
    void predictionsEqualADirectSolve() {
        if (!predicts()) {
            return;
        }
        P path = fitted();
        int count = 5;
        double[] points = new double[dim() * count];
        SplittableRandom r = new SplittableRandom(99);
        for (int i = 0; i < points.length; i++) {
            points[i] = r.nextGaussian();
        }
        for (double param : params()) {
            Predictor f = path.predictor(param);
            assertThat(f.dim()).isEqualTo(dim());
            double[] got = new double[count];
            f.evaluate(count, points, got, null);
            double[] want = directPredictions(param, count, points);
            double tol = tolerance() * scale(want);
            for (int t = 0; t < count; t++) {
                assertThat(got[t]).as("%s=%s, point %d", path.parameter(), param, t).isCloseTo(want[t], within(tol));
            }
        }
    }

    @Test
    void trainingErrorEqualsADirectSolve() {
        P path = fitted();
        for (double param : params()) {
            double want = directTrainMse(param);
            assertThat(path.trainMse(param)).as("%s=%s", path.parameter(), param)
                    .isCloseTo(want, within(tolerance() * Math.max(want, 1e-12) + 1e-14));
        }
    }

    @Test
    void twoFitsGiveTheSameBits() {
        P a = fitted();
        P b = fitted();
        assertThat(a.parameter()).isNotBlank().isEqualTo(b.parameter());
        assertThat(a.n()).isEqualTo(b.n());
        for (double param : params()) {
            assertThat(a.trainMse(param)).isEqualTo(b.trainMse(param));
        }
    }
}
