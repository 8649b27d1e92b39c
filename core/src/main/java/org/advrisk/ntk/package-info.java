/**
 * The two-layer ReLU network f(x) = (1/√m) Σ a_j relu(w_jᵀx) in the lazy-training regime
 * (docs/ntk.md §1, §4): data, antisymmetric initialisation, full-batch gradient descent, laziness
 * diagnostics, risks on a test sample (standard, first-order and PGD adversarial), and the
 * high-dimensional linearisation of the kernels (docs/ntk.md §3) with its implicit ridge λ_eff.
 */
package org.advrisk.ntk;
