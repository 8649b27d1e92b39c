package org.advrisk.theory;

import org.advrisk.linear.AttackNorm;
import org.advrisk.linear.LinearRisks;
import org.advrisk.linear.Target;
import org.advrisk.random.Distribution;

/**
 * The deterministic equivalent of ridge (λ &gt; 0) or min-norm (λ = 0) regression at one (n, λ)
 * (docs/theory.md §4). Norms are of the sequence-model estimate θ_seq,i = s_i(θ*_i + τ g_i/√(nλ_i)),
 * s_i = λ_i/(λ_i+κ).
 *
 * @param n           sample size
 * @param lambda      ridge parameter λ ≥ 0 (ours: sklearn's alpha = nλ)
 * @param sigma       noise level σ
 * @param kappa       effective regularisation κ: λ = κ(1 − df1/n)
 * @param df1         Σ λ_i/(λ_i+κ)
 * @param df2         Σ λ_i²/(λ_i+κ)²
 * @param b0          κ² Σ λ_i θ*_i²/(λ_i+κ)²
 * @param tau2        τ² = (σ² + B₀)/(1 − df2/n), the effective noise of the sequence model
 * @param bias        B₀/(1 − df2/n)
 * @param variance    σ²(df2/n)/(1 − df2/n)
 * @param stdRisk     R = bias + variance (excess risk)
 * @param normSignal  Σ s_i² θ*_i², the signal part of ‖θ̂‖²
 * @param normNoise   (τ²/n) Σ λ_i/(λ_i+κ)², the noise part of ‖θ̂‖² (τ² includes the self-induced B₀)
 * @param errorL2Sq   ‖θ̂ − θ*‖² = κ²Σ θ*_i²/(λ_i+κ)² + (τ²/n) Σ λ_i/(λ_i+κ)² (§4.4 with A = I)
 * @param normL1      ‖θ̂‖₁ = Σ E|m_i + t_i g_i| (folded normal; empirical, no proof; +∞ if Σ√λ_i diverges)
 * @param errorL1     ‖θ̂ − θ*‖₁ by the same folded-normal formula (empirical, no proof)
 * @param tailRatio   λ_{P+1}/κ: the relative size of the dropped terms in the tail approximation
 *                    λ/(λ+κ) ≈ (λ/κ)(1 − λ/κ) is about tailRatio² (0 without a tail)
 */
public record DePoint(long n, double lambda, double sigma, double kappa, double df1, double df2, double b0,
                      double tau2, double bias, double variance, double stdRisk, double normSignal,
                      double normNoise, double errorL2Sq, double normL1, double errorL1, double tailRatio) {

    /** ‖θ̂‖² = signal + noise parts. */
    public double normL2Sq() {
        return normSignal + normNoise;
    }

    /** The crossover budget α_c = √(R/‖θ̂‖²) where the attack term equals the standard risk. */
    public double crossoverBudget() {
        return LinearRisks.crossoverBudget(stdRisk, normL2Sq());
    }

    /**
     * The dual norm the attack sees: ‖θ̂‖_q (clean, noisy) or ‖θ̂ − θ*‖_q (consistent), q = 2 for l2
     * and q = 1 for linf (empirical).
     */
    public double dualNorm(AttackNorm attack, Target target) {
        boolean consistent = target == Target.CONSISTENT;
        if (attack.isL2()) {
            return Math.sqrt(consistent ? errorL2Sq : normL2Sq());
        }
        if (attack.q() == 1) {
            return consistent ? errorL1 : normL1;
        }
        throw new IllegalArgumentException("attack: the theory covers l2 and linf (empirical), not " + attack.label());
    }

    /**
     * R_α ≈ R + 2αD·E|e| + α²D² with the Gaussian-design error moments (LinearRisks, same
     * conventions as the simulation) and D = {@link #dualNorm}.
     */
    public double adversarialRisk(AttackNorm attack, Target target, double alpha, Distribution noise) {
        return LinearRisks.gaussianAdversarial(stdRisk, dualNorm(attack, target), alpha, target, sigma, noise);
    }

    /** True when the linf numbers are the empirical folded-normal approximation (no proof). */
    public static boolean isEmpirical(AttackNorm attack) {
        return !attack.isL2();
    }
}
