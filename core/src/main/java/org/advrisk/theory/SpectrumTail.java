package org.advrisk.theory;

/**
 * The eigenvalues beyond an explicit truncation, known only through their moments; θ* is zero
 * there. Used for infinite spectra (powerlaw) and for finite spectra too long to list.
 *
 * @param count number of tail eigenvalues (+∞ for an infinite spectrum)
 * @param first the largest tail eigenvalue (the first one after the truncation)
 * @param m05   Σ λ_i^{1/2} over the tail (+∞ when it diverges)
 * @param m1    Σ λ_i
 * @param m15   Σ λ_i^{3/2}
 * @param m2    Σ λ_i²
 */
public record SpectrumTail(double count, double first, double m05, double m1, double m15, double m2) {
    /** No tail. */
    public static final SpectrumTail NONE = new SpectrumTail(0, 0, 0, 0, 0, 0);

    public SpectrumTail {
        if (!(count >= 0)) {
            throw new IllegalArgumentException("tail count: " + count + " must be >= 0");
        }
        if (!(first >= 0) || !(m1 >= 0) || !(m2 >= 0) || !(m15 >= 0) || !(m05 >= 0)
                || !Double.isFinite(first) || !Double.isFinite(m1) || !Double.isFinite(m2) || !Double.isFinite(m15)) {
            throw new IllegalArgumentException("tail moments: first=" + first + ", m1=" + m1 + ", m15=" + m15
                    + ", m2=" + m2 + " must be finite and >= 0 (m05 may be +inf)");
        }
    }

    /** True when there is no tail. */
    public boolean isEmpty() {
        return count == 0;
    }
}
