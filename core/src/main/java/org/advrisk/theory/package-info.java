/**
 * Theory for the linear model, values only (it never samples): effective ranks r_k, R_k and k*
 * (Bartlett, Long, Lugosi and Tsigler 2020), the benign diagnosis over a sequence of n, the
 * deterministic equivalents of ridge and min-norm regression (docs/theory.md §4), the paper's norm
 * bounds and the standard-versus-adversarial trade-off over a λ grid (docs/theory.md §6).
 *
 * <p>Every computation starts from a {@link org.advrisk.theory.TheorySpectrum}: eigenvalues in
 * groups of equal values (so a two-level spectrum with p = 10⁹ costs two numbers) plus, for
 * spectra truncated at P terms, the analytic tail moments Σ_{i>P} λ_i^e.
 */
package org.advrisk.theory;
