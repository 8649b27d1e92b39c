package org.advrisk.report;

import org.advrisk.linear.Spectrum;

/**
 * The norm order of THEORY.md §3 for one (spectrum, n): k* = min{k : r_k ≥ b n} with b = 1,
 * r_k = Σ_{i>k} λ_i / λ_{k+1}, the tail sum Σ_{i>k*} λ_i (NaN when no k qualifies) and tr Σ.
 * To be replaced by the theory package's effective ranks once they are in main.
 *
 * @param kStar   k* (−1 when no k reaches n)
 * @param tailSum Σ_{i>k*} λ_i
 * @param trace   tr Σ
 */
record NormOrder(long kStar, double tailSum, double trace) {
    /** Largest p handled by an explicit suffix sum. */
    static final long MAX_P = 50_000_000L;

    static NormOrder of(Spectrum s, int n) {
        long p = s.p();
        if (p > MAX_P) {
            return new NormOrder(-1, Double.NaN, s.trace());
        }
        double[] v = s.toArray();
        java.util.Arrays.sort(v);
        for (int i = 0, j = v.length - 1; i < j; i++, j--) {
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        double[] suffix = new double[v.length + 1];
        for (int i = v.length - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1] + v[i];
        }
        for (int k = 0; k < v.length; k++) {
            // r_k uses the eigenvalues after the first k (0-based: from index k on).
            if (v[k] > 0 && suffix[k] / v[k] >= n) {
                return new NormOrder(k, suffix[k], suffix[0]);
            }
        }
        return new NormOrder(-1, Double.NaN, suffix[0]);
    }
}
