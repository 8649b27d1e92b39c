package org.advrisk.theory;

import org.advrisk.model.AttackNorm;
import org.advrisk.linear.LinearRisks;
import org.advrisk.model.Target;
import org.advrisk.linear.ThreatModel;
import org.advrisk.random.Distribution;

/**
 * Deterministic equivalents of what shaped and label-preserving attackers see ({@link ThreatModel}), read off
 * the sequence model of {@link DePoint}: θ̂_i ≈ s_i(θ*_i + τg_i/√(nλ_i)), s_i = λ_i/(λ_i + κ). For the diagonal
 * weight Σ^G (it commutes with Σ)
 * <pre>
 *   θ̂ᵀΣ^Gθ̂ ≈ Σ λ_i^G s_i²θ*_i² + (τ²/n) Σ λ_i^{1+G}/(λ_i + κ)²,   θ̂ᵀΣ^Gθ* ≈ Σ λ_i^G s_iθ*_i²,
 * </pre>
 * the ground truth's θ*ᵀΣ^Gθ* exactly; the attack sees D² = θ̂ᵀΣ^Gθ̂ (clean, noisy), θ̂ᵀΣ^Gθ̂ − 2θ̂ᵀΣ^Gθ* + θ*ᵀΣ^Gθ*
 * (consistent) or, label-preserving, θ̂ᵀΣ^Gθ̂ − (θ̂ᵀΣ^Gθ*)²/θ*ᵀΣ^Gθ* (the fluctuations of θ̂ᵀΣ^Gθ* vanish
 * with n, so the square of its equivalent is the equivalent of its square). R_α then follows from the
 * Gaussian closed form with R's equivalent. l2 attacks only. A spectrum with an analytic tail (p = inf) is
 * covered for G = 0 and G = 1 (the noise sum is then ‖θ̂‖²'s and df2's); other G give NaN there.
 *
 * @param quad      θ̂ᵀΣ^Gθ̂
 * @param cross     θ̂ᵀΣ^Gθ*
 * @param truthQuad θ*ᵀΣ^Gθ*
 */
public record ThreatEquivalent(double quad, double cross, double truthQuad) {

    /** The quantities at one point of the equivalent for budget shape G. */
    public static ThreatEquivalent of(TheorySpectrum spectrum, DePoint d, double g) {
        double kappa = d.kappa();
        double[] v = spectrum.values();
        long[] c = spectrum.counts();
        double[] th = spectrum.theta();
        double signal = 0;
        double noise = 0;
        double cross = 0;
        double truth = 0;
        for (int j = 0; j < v.length; j++) {
            double lam = v[j];
            if (lam == 0) {
                continue;
            }
            double w = Math.pow(lam, g);
            double s = lam / (lam + kappa);
            noise += c[j] * w * lam / ((lam + kappa) * (lam + kappa));
            double t2 = th[j] * th[j];
            if (t2 != 0) {
                signal += c[j] * w * s * s * t2;
                cross += c[j] * w * s * t2;
                truth += c[j] * w * t2;
            }
        }
        double noisePart = d.tau2() / d.n() * noise;
        if (Deficits.hasTail(spectrum)) {
            if (g == 0) {
                noisePart = d.normNoise();
            } else if (g == 1) {
                noisePart = d.tau2() / d.n() * d.df2();
            } else {
                noisePart = Double.NaN;
            }
        }
        return new ThreatEquivalent(signal + noisePart, cross, truth);
    }

    /** The l2 norm the attack sees (see the class comment); NaN for other attack norms. */
    public double dual(AttackNorm attack, Target target, boolean labelPreserving) {
        if (!attack.isL2()) {
            return Double.NaN;
        }
        if (labelPreserving) {
            return Math.sqrt(Math.max(0, truthQuad > 0 ? quad - cross * cross / truthQuad : quad));
        }
        return Math.sqrt(Math.max(0, target == Target.CONSISTENT ? quad - 2 * cross + truthQuad : quad));
    }

    /** The ground truth's dual norm: √(θ*ᵀΣ^Gθ*), 0 when label-preserving. */
    public double truthDual(boolean labelPreserving) {
        return labelPreserving ? 0 : Math.sqrt(truthQuad);
    }

    /** R_α's equivalent for the threat: the Gaussian closed form with R's equivalent and {@link #dual}. */
    public static double adversarialRisk(TheorySpectrum spectrum, DePoint d, ThreatModel threat, AttackNorm attack,
                                         Target target, double alpha, Distribution noise) {
        ThreatEquivalent t = of(spectrum, d, threat.attackScale());
        return LinearRisks.gaussianAdversarial(d.stdRisk(), t.dual(attack, target, threat.labelPreserving()), alpha,
                target, d.sigma(), noise);
    }
}
