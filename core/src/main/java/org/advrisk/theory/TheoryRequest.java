package org.advrisk.theory;

import java.util.List;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;

/**
 * One typed request for the theory (no sampling): the problem (spectrum, θ*, the p-rule, σ, noise, the seed
 * of a random θ*, the truncation P and the constant b of k*) and what to compute over it (sample sizes, the
 * λ values of the deterministic-equivalent rows, the trade-off's λ grid, budgets, attacks, targets, the
 * oracle's μ grid and the sections to show). Every door that shows theory (the {@code theory} command, the
 * explorer's view, the report's curves) builds one and hands it to {@link TheoryComposer}. Values are
 * checked by the doors; this record only carries them.
 *
 * @param spectrum     the spectrum of Σ
 * @param theta        the ground truth θ*
 * @param p            the dimension as a function of n (may be infinite)
 * @param sigma        noise level σ
 * @param noise        noise distribution
 * @param seed         seed of a random θ*
 * @param truncation   explicit eigenvalues before the analytic tail
 * @param b            constant of k* = min{k : r_k ≥ b n}
 * @param ns           sample sizes, increasing
 * @param lambdas      λ values of the deterministic-equivalent rows
 * @param tradeoffGrid λ grid of the trade-off
 * @param alphas       attack budgets
 * @param attacks      attack norms (l2, linf)
 * @param targets      targets
 * @param oracleMu     μ grid of the oracle frontier, null for its automatic grid
 * @param sections     sections to compute: {@link #SECTIONS}
 */
public record TheoryRequest(SpectrumSpec spectrum, GroundTruthSpec theta, DimensionRule p, double sigma,
                            Distribution noise, long seed, int truncation, double b, long[] ns, double[] lambdas,
                            double[] tradeoffGrid, double[] alphas, List<AttackNorm> attacks, List<Target> targets,
                            double[] oracleMu, List<String> sections, List<org.advrisk.linear.ThreatModel> threats,
                            boolean shaped) {
    public TheoryRequest {
        threats = threats == null || threats.isEmpty() ? List.of(org.advrisk.linear.ThreatModel.ISOTROPIC)
                : List.copyOf(threats);
    }

    /** A request for today's isotropic attacker only (no attack_scale / label_preserving columns). */
    public TheoryRequest(SpectrumSpec spectrum, GroundTruthSpec theta, DimensionRule p, double sigma,
                         Distribution noise, long seed, int truncation, double b, long[] ns, double[] lambdas,
                         double[] tradeoffGrid, double[] alphas, List<AttackNorm> attacks, List<Target> targets,
                         double[] oracleMu, List<String> sections) {
        this(spectrum, theta, p, sigma, noise, seed, truncation, b, ns, lambdas, tradeoffGrid, alphas, attacks, targets,
                oracleMu, sections, List.of(), false);
    }

    /** The sections a request may ask for, in the order they are shown. */
    public static final List<String> SECTIONS = List.of("ranks", "de", "tradeoff", "frontier", "oracle");

    /** The problem alone (one n, no queries): for callers that take single values through {@link TheoryAt}. */
    public static TheoryRequest problem(SpectrumSpec spectrum, GroundTruthSpec theta, DimensionRule p, double sigma,
                                        Distribution noise, long seed, int truncation, double b) {
        return new TheoryRequest(spectrum, theta, p, sigma, noise, seed, truncation, b, new long[0], new double[0],
                new double[0], new double[0], List.of(), List.of(), null, List.of());
    }

    /** True when the section is asked for. */
    public boolean shows(String section) {
        return sections.contains(section);
    }
}
