/**
 * The linear model x = Σ^{1/2} z, y = ⟨x, θ*⟩ + ε with diagonal Σ: spectra, ground truths, noise,
 * the streaming sampler of Gram statistics, the one-eigendecomposition ridge path and exact risks.
 */
package org.advrisk.linear;
