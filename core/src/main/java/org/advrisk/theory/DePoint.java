package org.advrisk.theory;

import org.advrisk.model.AttackNorm;
import org.advrisk.linear.LinearRisks;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;

/**
 * The deterministic equivalent of ridge (λ &gt; 0) or min-norm (λ = 0) regression at one (n, λ)
 * (docs/theory.md §4). Norms are of the sequence-model estimate θ_seq,i = s_i(θ*_i + τ g_i/√(nλ_i)),
 * s_i = λ_i/(λ_i+κ). Its parts are grouped by what they are (the fixed point, the risk, the norms);
 * the accessors below read them, and {@code advrisk theory --show de} turns them into a row by column
 * ({@link TheoryRows#de}).
 *
 * @param n          sample size
 * @param lambda     ridge parameter λ ≥ 0 (ours: sklearn's alpha = nλ)
 * @param sigma      noise level σ
 * @param fixedPoint κ and the degrees of freedom that define it
 * @param risk       bias and variance of the excess risk
 * @param norms      the norms of θ̂ and of θ̂ − θ*
 * @param tailRatio  λ_{P+1}/κ: the relative size of the dropped terms in the tail approximation
 *                   λ/(λ+κ) ≈ (λ/κ)(1 − λ/κ) is about tailRatio² (0 without a tail)
 */
public record DePoint(long n, double lambda, double sigma, FixedPoint fixedPoint, Risk risk, Norms norms,
                      double tailRatio) {

    /**
     * The fixed point of the equivalent.
     *
     * @param kappa effective regularisation κ: λ = κ(1 − df1/n)
     * @param df1   Σ λ_i/(λ_i+κ)
     * @param df2   Σ λ_i²/(λ_i+κ)²
     * @param b0    κ² Σ λ_i θ*_i²/(λ_i+κ)²
     * @param tau2  τ² = (σ² + B₀)/(1 − df2/n), the effective noise of the sequence model
     */
    public record FixedPoint(double kappa, double df1, double df2, double b0, double tau2) {
    }

    /**
     * The excess risk R = bias + variance.
     *
     * @param bias     B₀/(1 − df2/n)
     * @param variance σ²(df2/n)/(1 − df2/n)
     */
    public record Risk(double bias, double variance) {
    }

    /**
     * The norms of the estimate.
     *
     * @param normSignal Σ s_i² θ*_i², the signal part of ‖θ̂‖²
     * @param normNoise  (τ²/n) Σ λ_i/(λ_i+κ)², the noise part of ‖θ̂‖² (τ² includes the self-induced B₀)
     * @param errorL2Sq  ‖θ̂ − θ*‖² = κ²Σ θ*_i²/(λ_i+κ)² + (τ²/n) Σ λ_i/(λ_i+κ)² (§4.4 with A = I)
     * @param normL1     ‖θ̂‖₁ = Σ E|m_i + t_i g_i| (folded normal; empirical, no proof; +∞ if Σ√λ_i diverges)
     * @param errorL1    ‖θ̂ − θ*‖₁ by the same folded-normal formula (empirical, no proof)
     */
    public record Norms(double normSignal, double normNoise, double errorL2Sq, double normL1, double errorL1) {
    }

    /** κ. */
    public double kappa() {
        return fixedPoint.kappa();
    }

    /** Σ λ_i/(λ_i+κ). */
    public double df1() {
        return fixedPoint.df1();
    }

    /** Σ λ_i²/(λ_i+κ)². */
    public double df2() {
        return fixedPoint.df2();
    }

    /** κ² Σ λ_i θ*_i²/(λ_i+κ)². */
    public double b0() {
        return fixedPoint.b0();
    }

    /** τ². */
    public double tau2() {
        return fixedPoint.tau2();
    }

    /** Bias part of R. */
    public double bias() {
        return risk.bias();
    }

    /** Variance part of R. */
    public double variance() {
        return risk.variance();
    }

    /** R = bias + variance (excess risk). */
    public double stdRisk() {
        return risk.bias() + risk.variance();
    }

    /** Signal part of ‖θ̂‖². */
    public double normSignal() {
        return norms.normSignal();
    }

    /** Noise part of ‖θ̂‖². */
    public double normNoise() {
        return norms.normNoise();
    }

    /** ‖θ̂ − θ*‖². */
    public double errorL2Sq() {
        return norms.errorL2Sq();
    }

    /** ‖θ̂‖₁ (empirical). */
    public double normL1() {
        return norms.normL1();
    }

    /** ‖θ̂ − θ*‖₁ (empirical). */
    public double errorL1() {
        return norms.errorL1();
    }

    /** ‖θ̂‖² = signal + noise parts. */
    public double normL2Sq() {
        return norms.normSignal() + norms.normNoise();
    }

    /** The crossover budget α_c = √(R/‖θ̂‖²) where the attack term equals the standard risk. */
    public double crossoverBudget() {
        return LinearRisks.crossoverBudget(stdRisk(), normL2Sq());
    }

    /**
     * The dual norm the attack sees: ‖θ̂‖_q (clean, noisy) or ‖θ̂ − θ*‖_q (consistent), q = 2 for l2
     * and q = 1 for linf (empirical).
     */
    public double dualNorm(AttackNorm attack, Target target) {
        boolean consistent = target == Target.CONSISTENT;
        if (attack.isL2()) {
            return Math.sqrt(consistent ? norms.errorL2Sq() : normL2Sq());
        }
        if (attack.q() == 1) {
            return consistent ? norms.errorL1() : norms.normL1();
        }
        throw new IllegalArgumentException("attack: the theory covers l2 and linf (empirical), not " + attack.label());
    }

    /**
     * R_α ≈ R + 2αD·E|e| + α²D² with the Gaussian-design error moments (LinearRisks, same
     * conventions as the simulation) and D = {@link #dualNorm}.
     */
    public double adversarialRisk(AttackNorm attack, Target target, double alpha, Distribution noise) {
        return LinearRisks.gaussianAdversarial(stdRisk(), dualNorm(attack, target), alpha, target, sigma, noise);
    }

    /** True when the linf numbers are the empirical folded-normal approximation (no proof). */
    public static boolean isEmpirical(AttackNorm attack) {
        return !attack.isL2();
    }
}
