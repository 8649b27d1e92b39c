/**
 * Kernels of two-layer ReLU networks in the lazy regime (docs/ntk.md §2) and a linear kernel, their
 * input gradients, Gram matrices through {@code org.advrisk.linalg}, and
 * {@link org.advrisk.kernel.KernelRidgePath}: one eigendecomposition of the Gram serves every ridge
 * parameter λ (our convention (K + nλI)⁻¹; λ = 0 interpolates).
 *
 * <p>Points are the columns of a d×n column-major matrix.
 */
package org.advrisk.kernel;
