package org.advrisk.linear;

/**
 * Exact l2 quantities of the ridge estimator θ̂_λ on one training set.
 *
 * @param lambda    our ridge parameter λ (scikit-learn's alpha = nλ); 0 is min-norm / least squares
 * @param stdRisk   excess standard risk ‖θ̂ − θ*‖²_Σ
 * @param normL2Sq  ‖θ̂‖₂²
 * @param errL2Sq   ‖θ̂ − θ*‖₂² (the l2 dual norm for the consistent target)
 * @param trainMse  (1/n)‖y − Xθ̂‖²
 */
public record PathPoint(double lambda, double stdRisk, double normL2Sq, double errL2Sq, double trainMse) {
    /** ‖θ̂‖₂. */
    public double normL2() {
        return Math.sqrt(normL2Sq);
    }
}
