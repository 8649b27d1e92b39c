package org.advrisk.theory;

/**
 * n − df1(κ), n − df2(κ) and Σ s(1−s) in one pass, s_i = λ_i/(λ_i+κ), without the cancellation of
 * forming df1 first: a group with s &gt; 1/2 enters through 1 − s = κ/(λ_i+κ) (and 1 − s² =
 * (1 − s)(1 + s)) and its count is taken off n exactly, so κ far below the eigenvalues (λ = 1e-300,
 * where s rounds to 1) still moves the sums. The tail (s ≪ 1) enters through its moments.
 */
final class Deficits {
    private Deficits() {
    }

    /** True when the spectrum has a tail with positive eigenvalues (all-zero tails, e.g. underflowed, add nothing). */
    static boolean hasTail(TheorySpectrum spectrum) {
        return !spectrum.tail().isEmpty() && spectrum.tail().m1() > 0;
    }

    /** {n − df1, n − df2, Σ s(1 − s)} at κ. */
    static double[] at(TheorySpectrum spectrum, long n, double kappa) {
        double[] v = spectrum.values();
        long[] c = spectrum.counts();
        long big = 0;
        double small1 = 0;
        double small2 = 0;
        double over1 = 0;
        double over2 = 0;
        double spread = 0;
        for (int j = 0; j < v.length; j++) {
            double d = v[j] + kappa;
            double s = v[j] / d;
            double r = kappa / d; // 1 − s without cancellation (divisions: no 1/d overflow for tiny d)
            spread += c[j] * s * r;
            if (s > 0.5) {
                big += c[j];
                over1 += c[j] * r;
                over2 += c[j] * r * (1 + s);
            } else {
                small1 += c[j] * s;
                small2 += c[j] * s * s;
            }
        }
        SpectrumTail tail = spectrum.tail();
        if (hasTail(spectrum)) {
            double k2 = kappa * kappa;
            small1 += tail.m1() / kappa - tail.m2() / k2;
            small2 += tail.m2() / k2;
            spread += tail.m1() / kappa - 2 * tail.m2() / k2;
        }
        double base = (double) (n - big);
        return new double[] {base + over1 - small1, base + over2 - small2, spread};
    }
}
