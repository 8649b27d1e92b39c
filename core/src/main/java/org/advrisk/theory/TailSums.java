package org.advrisk.theory;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Tail sums Σ_{k=K+1}^{M} f(k), f(x) = x^{-c} ln^{-d}(x+1), of power-law spectra, with bounded work
 * for any exponents.
 *
 * <p>Near the start, where f is steep on the scale of one step (x below 128(|c|+|d|)), the terms are
 * added one by one; when c &gt; 1 and d ≥ 0 (f decreasing, the rest at most f(k)·k/(c−1)) the sum
 * stops as soon as the rest is below 1e-17 of it, so a steep law costs a few terms. The smooth
 * remainder from k₀ is the midpoint integral ∫_{k₀−1/2}^{M+1/2} f with the Euler–Maclaurin
 * correction −(f'(M+1/2) − f'(k₀−1/2))/24 (next term ≈ 1e-3·(c/k₀)⁴ relative, below 1e-11 there).
 * The integral is taken in u = ln x by a fixed 24-point Gauss–Legendre rule on segments over which
 * ln f changes by at most 4 (no adaptive refinement that could fail to converge); for c = 1 and
 * M = ∞ the part beyond u = 40, where ln(e^u + 1) = u in double precision, is in closed form.
 * At most {@link #HEAD_CAP} terms and {@link #SEGMENT_CAP} segments: beyond them the sum is refused.
 */
final class TailSums {
    private static final double CLOSED_FORM_FROM = 40.0;
    /** f is smooth on the unit scale from x = SMOOTH·(|c|+|d|). */
    private static final double SMOOTH = 128;
    /** Most terms added one by one. */
    static final long HEAD_CAP = 2_000_000;
    /** Most integration segments. */
    static final int SEGMENT_CAP = 20_000;
    private static final int POINTS = 24;
    private static final GaussIntegratorFactory GAUSS = new GaussIntegratorFactory();

    private TailSums() {
    }

    /**
     * Σ_{k=K+1}^{M} k^{-c} ln^{-d}(k+1); M may be Long.MAX_VALUE for ∞; +∞ when it diverges.
     *
     * @throws IllegalArgumentException when the sum cannot be formed within the caps
     */
    static double powerLaw(double c, double d, long kFrom, long mTo) {
        boolean infinite = mTo == Long.MAX_VALUE;
        if (!infinite && mTo <= kFrom) {
            return 0;
        }
        if (infinite && (c < 1 || (c == 1 && d <= 1))) {
            return Double.POSITIVE_INFINITY;
        }
        boolean decreasing = c >= 0 && d >= 0;
        double smoothFrom = Math.max(kFrom + 1.0, Math.ceil(SMOOTH * (Math.abs(c) + Math.abs(d))));
        double sum = 0;
        long k = kFrom + 1;
        for (; k < smoothFrom && k <= mTo; k++) {
            if (k - kFrom > HEAD_CAP) {
                throw new IllegalArgumentException("spectrum: the power-law tail with exponents " + c + ", " + d
                        + " needs more than " + HEAD_CAP + " terms after P=" + kFrom
                        + "; give a larger truncation or a finite p <= truncation");
            }
            double t = f(c, d, k);
            sum += t;
            if (decreasing && (t == 0 || c > 1 && t * k / (c - 1) <= 1e-17 * sum)) {
                return sum; // every later term is smaller and their total is below rounding
            }
        }
        if (k > mTo) {
            return sum;
        }
        double x0 = k - 0.5;
        double correction = -(0 - fPrime(c, d, x0)) / 24;
        if (!infinite) {
            correction = -(fPrime(c, d, mTo + 0.5) - fPrime(c, d, x0)) / 24;
        }
        double lo = Math.log(x0);
        double rest;
        if (infinite && c == 1) {
            double w = Math.max(lo, CLOSED_FORM_FROM);
            rest = integrate(c, d, lo, w) + Math.pow(w, 1 - d) / (d - 1);
        } else {
            rest = integrate(c, d, lo, infinite ? Double.POSITIVE_INFINITY : Math.log(mTo + 0.5));
        }
        return sum + rest + correction;
    }

    /** f(x) = x^{-c} ln^{-d}(x+1), formed in logs. */
    static double f(double c, double d, double x) {
        return Math.exp(-c * Math.log(x) - d * Math.log(Math.log1p(x)));
    }

    /** f'(x) = f(x)·(−c/x − d/((x+1) ln(x+1))). */
    private static double fPrime(double c, double d, double x) {
        double l = Math.log1p(x);
        double rate = -c / x - d / ((x + 1) * l);
        double v = f(c, d, x);
        return v == 0 ? 0 : v * rate;
    }

    /** ∫_lo^hi e^{(1−c)u} L(u)^{−d} du, L(u) = ln(e^u + 1); hi may be +∞ when c &gt; 1. */
    private static double integrate(double c, double d, double lo, double hi) {
        if (!(hi > lo)) {
            return 0;
        }
        double sum = 0;
        double a = lo;
        double h = Double.NaN;
        for (int seg = 0; a < hi; seg++) {
            if (seg >= SEGMENT_CAP) {
                throw new IllegalArgumentException("spectrum: the power-law tail with exponents " + c + ", " + d
                        + " does not settle within " + SEGMENT_CAP + " integration segments; give a finite p");
            }
            // |d/du ln g| = |1 − c − d·e^u/((e^u+1)L(u))| <= |1 − c| + |d|/L(u) (L increases)
            double rate = Math.abs(1 - c) + Math.abs(d) / Math.exp(logLn(a));
            double widest = rate > 0 ? 4 / rate : Double.POSITIVE_INFINITY;
            h = Double.isNaN(h) ? Math.min(1, widest) : Math.min(1.25 * h, widest);
            double b = Math.min(hi, a + h);
            if (Double.isInfinite(b)) {
                b = a + 1; // rate 0 with an infinite end cannot happen (c > 1 there); keep it finite anyway
            }
            double part = GAUSS.legendre(POINTS, a, b).integrate(u -> Math.exp((1 - c) * u - d * logLn(u)));
            sum += part;
            if (Double.isInfinite(hi) && seg > 3 && part <= 1e-18 * sum) {
                break;
            }
            a = b;
        }
        return sum;
    }

    /** ln L(u) with L(u) = ln(e^u + 1) = u + log1p(e^{−u}), stable for large u. */
    private static double logLn(double u) {
        double l = u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
        return Math.log(l);
    }
}
