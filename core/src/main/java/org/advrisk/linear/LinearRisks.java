package org.advrisk.linear;

import org.advrisk.model.Target;
import org.apache.commons.math3.special.Erf;

/**
 * Exact standard and adversarial risks of a linear predictor θ (docs/theory.md §1). All risks are
 * excess risks against the clean response unless the target says otherwise.
 *
 * <p>Pointwise, sup_{‖δ‖_p ≤ α} (⟨x+δ, θ⟩ − target)² = (|⟨x, θ⟩ − target| + α·D)², with D = ‖θ‖_q
 * (clean, noisy) or ‖θ − θ*‖_q (consistent). Taking the expectation:
 * R_α = E e² + 2αD·E|e| + α²D², e the clean error; everything reduces to E e² and E|e|.
 */
public final class LinearRisks {
    private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);

    private LinearRisks() {
    }

    /**
     * R_α = m2 + 2α·D·m1 + α²D² from the error's second moment m2 = E e², first absolute moment
     * m1 = E|e| and the attack's dual norm D.
     */
    public static double adversarial(double m2, double m1, double dual, double alpha) {
        checkAlpha(alpha);
        return m2 + 2 * alpha * dual * m1 + alpha * alpha * dual * dual;
    }

    /**
     * The error moments (E e², E|e|) for a Gaussian design: e = ⟨x, θ − θ*⟩ − ε·[target noisy], with
     * ⟨x, θ − θ*⟩ ~ N(0, R). Noise enters only for the noisy target: Gaussian noise gives
     * e ~ N(0, R + σ²); Rademacher noise gives a mixture whose E|e| is a folded-normal mean.
     */
    public static double[] gaussianErrorMoments(double stdRisk, Target target, double sigma,
                                                org.advrisk.random.Distribution noise) {
        if (!(stdRisk >= 0)) {
            throw new IllegalArgumentException("standard risk " + stdRisk + " must be >= 0");
        }
        if (target != Target.NOISY || sigma == 0) {
            return new double[] {stdRisk, SQRT_2_OVER_PI * Math.sqrt(stdRisk)};
        }
        double m2 = stdRisk + sigma * sigma;
        if (noise == org.advrisk.random.Distribution.GAUSSIAN) {
            return new double[] {m2, SQRT_2_OVER_PI * Math.sqrt(m2)};
        }
        return new double[] {m2, foldedNormalMean(sigma, Math.sqrt(stdRisk))};
    }

    /** Gaussian-design adversarial risk (docs/theory.md §1 closed form, all three targets). */
    public static double gaussianAdversarial(double stdRisk, double dual, double alpha, Target target,
                                             double sigma, org.advrisk.random.Distribution noise) {
        double[] m = gaussianErrorMoments(stdRisk, target, sigma, noise);
        return adversarial(m[0], m[1], dual, alpha);
    }

    /**
     * The ground truth's own adversarial risk: α²‖θ*‖²_q (clean), 0 (consistent), and for the noisy
     * target σ² + 2ασE|ξ|‖θ*‖_q + α²‖θ*‖²_q.
     */
    public static double groundTruthAdversarial(double thetaStarDual, double alpha, Target target, double sigma,
                                                org.advrisk.random.Distribution noise) {
        checkAlpha(alpha);
        return switch (target) {
            case CLEAN -> alpha * alpha * thetaStarDual * thetaStarDual;
            case CONSISTENT -> 0.0;
            case NOISY -> adversarial(sigma * sigma, sigma * noise.meanAbs(), thetaStarDual, alpha);
        };
    }

    /** E|N(m, t²)| = t√(2/π) e^{−m²/2t²} + m(1 − 2Φ(−m/t)). */
    public static double foldedNormalMean(double m, double t) {
        if (t == 0) {
            return Math.abs(m);
        }
        double z = m / t;
        return t * SQRT_2_OVER_PI * Math.exp(-0.5 * z * z) + m * Erf.erf(z / Math.sqrt(2));
    }

    /** The crossover budget α_c = √(R/‖θ‖²) where the attack term equals the standard risk. */
    public static double crossoverBudget(double stdRisk, double normL2Sq) {
        return normL2Sq > 0 ? Math.sqrt(stdRisk / normL2Sq) : Double.POSITIVE_INFINITY;
    }

    private static void checkAlpha(double alpha) {
        org.advrisk.param.Parameters.ALPHA.check(alpha);
    }
}
