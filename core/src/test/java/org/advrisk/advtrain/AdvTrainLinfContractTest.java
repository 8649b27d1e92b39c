package org.advrisk.advtrain;

/** The estimator contract for l∞ training with p > n (fixture case 6: n = 30, p = 80, no intercept). */
class AdvTrainLinfContractTest extends AdvTrainContractTest {
    @Override
    protected int caseIndex() {
        return 6;
    }
}
