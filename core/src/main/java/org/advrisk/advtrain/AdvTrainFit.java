package org.advrisk.advtrain;

/**
 * Adversarial training at one budget δ: θ̂_δ = argmin (1/n) Σ_i (|y_i − b − x_iᵀθ| + δ‖θ‖_q)².
 *
 * @param delta       the training budget δ ≥ 0
 * @param theta       θ̂_δ (p coordinates)
 * @param intercept   b̂ (0 without an intercept)
 * @param objective   F(θ̂, b̂), the training objective at the returned point (an upper bound on min F)
 * @param lowerBound  a certified lower bound on min F (weak duality; see {@link AdversarialTraining})
 * @param iterations  linear solves spent at this δ: reweighted-ridge iterations plus, for l2 training, the
 *                    Newton steps of the active-set step (0 for closed forms)
 * @param status      how the point was obtained
 */
public record AdvTrainFit(double delta, double[] theta, double intercept, double objective, double lowerBound,
                          int iterations, AdvTrainStatus status) {

    /** The relative duality gap (F − D)/F ≥ 0: the final optimality criterion (0 when F = 0). */
    public double relativeGap() {
        return objective > 0 ? Math.max(0, objective - lowerBound) / objective : 0;
    }
}
