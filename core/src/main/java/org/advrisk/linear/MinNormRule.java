package org.advrisk.linear;

/**
 * The one λ = 0 rule of every spectral path (synthetic dual and primal, the audit's table and intercept
 * kernel paths, kernel ridge and the NTK): λ = 0 (and t = ∞) is the minimum-norm least-squares solution,
 * the pseudo-inverse of the decomposed matrix (XXᵀ, XᵀX or the kernel Gram) of an n×p design, with
 * every eigenvalue s ≤ max(n, p)·ε·s_max counted as zero (ε the double's machine epsilon; numpy's
 * {@code matrix_rank} tolerance with the design's larger side). A singular matrix is therefore no
 * longer refused at λ = 0: its null directions get coefficient 0. For a matrix whose smallest
 * eigenvalue is above the cut-off (every input accepted before, when max(n, p)·ε &lt; 1e-12, the old
 * refusal threshold) nothing changes, bit for bit.
 */
public final class MinNormRule {
    private MinNormRule() {
    }

    /** The cut-off max(n, p)·ε·max(s_max, 0) for a design of n rows and p columns. */
    public static double cutoff(long n, long p, double maxEig) {
        return Math.max(maxEig, 0) * Math.max(n, p) * Math.ulp(1.0);
    }

    /** The smallest eigenvalue above the cut-off (s_max when none is), for checks that need the kept spectrum. */
    public static double smallestKept(double[] eigenvalues, double cutoff, double maxEig) {
        double min = Math.max(maxEig, 0);
        for (double s : eigenvalues) {
            if (s > cutoff) {
                min = Math.min(min, s);
            }
        }
        return min;
    }
}
