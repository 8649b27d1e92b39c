package org.advrisk.advtrain;

import java.util.Optional;
import org.advrisk.linear.LinearPath;
import org.advrisk.linear.LinearRiskRows;
import org.advrisk.linear.PathPoint;
import org.advrisk.linear.SampleSource;
import org.advrisk.linear.ThetaPath;
import org.advrisk.linear.ThetaSummary;

/**
 * The δ path of adversarial training on one training set: a {@link LinearPath} (parameter
 * {@code delta}) whose θ̂'s go through {@link LinearRiskRows} exactly like ridge's, plus the solver's
 * record of each fit (iterations, certified gap, status) and the thresholds δ₀, δ̄.
 */
public final class AdvTrainedPath implements LinearPath {
    private final ThetaPath thetas;
    private final AdvTrainPath fits;

    AdvTrainedPath(ThetaPath thetas, AdvTrainPath fits) {
        this.thetas = thetas;
        this.fits = fits;
    }

    /** The solver's fits, in the order of the estimator's δ list. */
    public AdvTrainPath fits() {
        return fits;
    }

    /** The fit at one δ of the list. */
    public AdvTrainFit fit(double delta) {
        for (AdvTrainFit f : fits.fits()) {
            if (Double.compare(f.delta(), delta) == 0) {
                return f;
            }
        }
        throw new IllegalArgumentException("delta: " + delta + " is not on this path");
    }

    @Override
    public String parameter() {
        return org.advrisk.columns.Columns.DELTA.name();
    }

    @Override
    public int n() {
        return thetas.n();
    }

    @Override
    public long p() {
        return thetas.p();
    }

    @Override
    public Optional<SampleSource> source() {
        return thetas.source();
    }

    @Override
    public boolean hasTheta() {
        return true;
    }

    @Override
    public PathPoint[] at(double[] params) {
        return thetas.at(params);
    }

    @Override
    public ThetaSummary[] summarize(double[] params, double[] exponents, int testSize) {
        return thetas.summarize(params, exponents, testSize);
    }

    @Override
    public double[] theta(double param) {
        return thetas.theta(param);
    }

    @Override
    public double trainMse(double param) {
        return thetas.trainMse(param);
    }
}
