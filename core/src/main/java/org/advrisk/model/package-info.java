/**
 * The vocabulary of the linear model x = Σ^{1/2} z, y = ⟨x, θ*⟩ + ε with diagonal Σ: spectra
 * ({@code Spectrum}, {@code SpectrumSpec}), ground truths ({@code GroundTruth}, {@code GroundTruthSpec}),
 * the problem ({@code LinearProblem}), attack norms ({@code AttackNorm}) and targets ({@code Target}).
 */
package org.advrisk.model;
