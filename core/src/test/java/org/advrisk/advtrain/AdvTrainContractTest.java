package org.advrisk.advtrain;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.advrisk.linear.DesignData;
import org.advrisk.linear.Estimator;
import org.advrisk.linear.LinearEstimatorContract;
import org.advrisk.linear.LinearPath;
import org.advrisk.linear.TrainingData;

/**
 * {@link AdvTrainEstimator} passes the estimator contract against an independent solve: scipy's SLSQP
 * on the epigraph form (fixture case 0: n = 40, p = 20, l2 training, no intercept). Tolerance: the
 * fixture's θ̂ are accurate to ≲ 1e-6 absolute (θ entries O(1)), so 1e-5 relative to max|θ̂|.
 */
class AdvTrainContractTest extends LinearEstimatorContract {
    /** The fixture case used (index in fixture.json). */
    protected int caseIndex() {
        return 0;
    }

    private AdversarialTrainingTest.Case fixtureCase() {
        try {
            return AdversarialTrainingTest.fixture().get(caseIndex());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected TrainingData data() {
        return explicitData();
    }

    @Override
    protected DesignData explicitData() {
        AdversarialTrainingTest.Case c = fixtureCase();
        return DesignData.of(c.data().n(), c.data().p(), c.data().x().clone(), c.data().y().clone());
    }

    @Override
    protected Estimator<TrainingData, LinearPath> estimator() {
        AdversarialTrainingTest.Case c = fixtureCase();
        AdvTrainEstimator est = new AdvTrainEstimator(c.attack(), c.deltas());
        return d -> est.fit((DesignData) d);
    }

    @Override
    protected double[] params() {
        return fixtureCase().deltas();
    }

    @Override
    protected double[] directTheta(double param) {
        AdversarialTrainingTest.Case c = fixtureCase();
        for (int k = 0; k < c.deltas().length; k++) {
            if (c.deltas()[k] == param) {
                return c.thetas()[k].clone();
            }
        }
        throw new IllegalArgumentException("no fixture fit at delta " + param);
    }

    @Override
    protected double tolerance() {
        return 1e-5;
    }
}
