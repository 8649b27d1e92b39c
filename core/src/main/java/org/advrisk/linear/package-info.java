/**
 * The linear model's computations: the streaming sampler of Gram statistics, the one-eigendecomposition
 * spectral path (ridge, gradient flow, gradient descent) and exact risks and rows. Its vocabulary
 * (spectra, ground truths, attacks) is in {@code org.advrisk.model}.
 */
package org.advrisk.linear;
