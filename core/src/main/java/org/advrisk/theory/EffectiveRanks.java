package org.advrisk.theory;

/**
 * Bartlett–Long–Lugosi–Tsigler effective ranks of a spectrum (docs/theory.md §2), for every k by
 * suffix sums over the groups of a {@link TheorySpectrum} (O(groups) to build, O(log groups) per
 * k): r_k = Σ_{i>k} λ_i / λ_{k+1} and R_k = (Σ_{i>k} λ_i)² / Σ_{i>k} λ_i², k = 0-based number of
 * leading eigenvalues removed. Defined for k from 0 to the number of positive explicit
 * eigenvalues (k equal to it uses the first tail eigenvalue, when there is a tail).
 */
public final class EffectiveRanks {
    private final TheorySpectrum spectrum;
    private final int groups;
    private final long[] start;
    private final double[] suffix1;
    private final double[] suffix2;
    private final long positive;

    /** Builds the suffix sums (zero eigenvalues, which come last, are left out). */
    public EffectiveRanks(TheorySpectrum spectrum) {
        this.spectrum = spectrum;
        double[] v = spectrum.values();
        long[] c = spectrum.counts();
        int g = v.length;
        while (g > 0 && v[g - 1] == 0) {
            g--;
        }
        groups = g;
        start = new long[g + 1];
        for (int j = 0; j < g; j++) {
            start[j + 1] = start[j] + c[j];
        }
        positive = start[g];
        suffix1 = new double[g + 1];
        suffix2 = new double[g + 1];
        SpectrumTail tail = spectrum.tail();
        suffix1[g] = tail.m1();
        suffix2[g] = tail.m2();
        for (int j = g - 1; j >= 0; j--) {
            suffix1[j] = suffix1[j + 1] + c[j] * v[j];
            suffix2[j] = suffix2[j + 1] + c[j] * v[j] * v[j];
        }
    }

    /** The spectrum these ranks belong to. */
    public TheorySpectrum spectrum() {
        return spectrum;
    }

    /** Number of positive explicit eigenvalues (the largest k with a defined r_k, plus one if there is a tail). */
    public long positiveExplicit() {
        return positive;
    }

    /** Largest k for which r_k and R_k are defined. */
    public long maxK() {
        return spectrum.tail().m1() > 0 ? positive : positive - 1;
    }

    /** Σ_{i>k} λ_i (tail included). */
    public double tailSum(long k) {
        checkK(k);
        if (k == positive) {
            return suffix1[groups];
        }
        int j = group(k);
        return suffix1[j + 1] + (start[j + 1] - k) * spectrum.values()[j];
    }

    /** Σ_{i>k} λ_i². */
    public double tailSumOfSquares(long k) {
        checkK(k);
        if (k == positive) {
            return suffix2[groups];
        }
        int j = group(k);
        double v = spectrum.values()[j];
        return suffix2[j + 1] + (start[j + 1] - k) * v * v;
    }

    /** λ_{k+1}, the (k+1)-th largest eigenvalue (1-based), i.e. the first one not removed. */
    public double eigenvalueAfter(long k) {
        checkK(k);
        return k == positive ? spectrum.tail().first() : spectrum.values()[group(k)];
    }

    /** r_k = Σ_{i>k} λ_i / λ_{k+1}. */
    public double r(long k) {
        return tailSum(k) / eigenvalueAfter(k);
    }

    /** R_k = (Σ_{i>k} λ_i)² / Σ_{i>k} λ_i². */
    public double bigR(long k) {
        double s = tailSum(k);
        return s * s / tailSumOfSquares(k);
    }

    /** r_0 = tr Σ / ‖Σ‖. */
    public double r0() {
        return r(0);
    }

    /**
     * k* = min{k ≥ 0 : r_k ≥ b·n}. Within a group of equal eigenvalues r_k decreases in k, so
     * only group starts (and the first tail index) are candidates: O(groups).
     */
    public KStar kStar(double b, long n) {
        checkB(b);
        if (n < 1) {
            throw new IllegalArgumentException("n: " + n + " must be >= 1");
        }
        double target = b * n;
        double[] v = spectrum.values();
        for (int j = 0; j < groups; j++) {
            if (suffix1[j] / v[j] >= target) {
                return new KStar(start[j], KStar.Status.FOUND);
            }
        }
        SpectrumTail tail = spectrum.tail();
        if (tail.m1() > 0) {
            if (tail.m1() / tail.first() >= target) {
                return new KStar(positive, KStar.Status.FOUND);
            }
            return new KStar(-1, KStar.Status.BEYOND_TRUNCATION);
        }
        return new KStar(-1, KStar.Status.NONE);
    }

    /**
     * The BLLT summary at one n: r_0/n, k* / n, n/R_{k*}, the variance proxy σ²(k* / n + n/R_{k*})
     * and the norm lower bounds σ²n/tr Σ and σ²n/Σ_{i>k*} λ_i (docs/theory.md §2–§3).
     */
    public RankSummary summary(long n, double b, double sigma) {
        KStar k = kStar(b, n);
        double r0 = r0();
        double trace = spectrum.trace();
        double s2 = sigma * sigma;
        if (!k.found()) {
            return new RankSummary(n, b, r0, k, r0 / n, Double.NaN, Double.NaN, Double.NaN, Double.POSITIVE_INFINITY,
                    s2 * n / trace, Double.NaN);
        }
        double bigR = bigR(k.value());
        // Σ_{i>k*} λ_i: the eigenvalues after the k* largest, which is tailSum(k*).
        double after = tailSum(k.value());
        return new RankSummary(n, b, r0, k, r0 / n, (double) k.value() / n, n / bigR, bigR,
                s2 * ((double) k.value() / n + n / bigR), s2 * n / trace, s2 * n / after);
    }

    private void checkK(long k) {
        if (k < 0 || k > maxK()) {
            throw new IllegalArgumentException("k: " + k + " must be in [0, " + maxK() + "]");
        }
    }

    private int group(long k) {
        if (k < 0 || k >= positive) {
            throw new IllegalArgumentException("k: " + k + " must be in [0, " + maxK() + "]");
        }
        int lo = 0;
        int hi = groups - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (start[mid] <= k) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    static void checkB(double b) {
        if (!(b > 0) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("b: " + b + " must be finite and > 0 (k* = min{k : r_k >= b n})");
        }
    }
}
