package org.advrisk.theory;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * Tail sums Σ_{k=K+1}^{M} k^{-c} ln^{-d}(k+1) of power-law spectra by the midpoint integral
 * ∫_{K+1/2}^{M+1/2} x^{-c} ln^{-d}(x+1) dx (Euler–Maclaurin: the relative error is O(K^{-2})).
 * The integral is taken in u = ln x on segments of growing length (Gauss–Legendre); for c = 1
 * and M = ∞ the part beyond u = 40, where ln(e^u + 1) = u in double precision, is in closed form.
 */
final class TailSums {
    private static final double CLOSED_FORM_FROM = 40.0;

    private TailSums() {
    }

    /** Σ_{k=K+1}^{M} k^{-c} ln^{-d}(k+1); M may be Long.MAX_VALUE for ∞; +∞ when it diverges. */
    static double powerLaw(double c, double d, long kFrom, long mTo) {
        boolean infinite = mTo == Long.MAX_VALUE;
        if (!infinite && mTo <= kFrom) {
            return 0;
        }
        double lo = Math.log(kFrom + 0.5);
        double hi = infinite ? Double.POSITIVE_INFINITY : Math.log(mTo + 0.5);
        if (infinite && (c < 1 || (c == 1 && d <= 1))) {
            return Double.POSITIVE_INFINITY;
        }
        if (infinite && c == 1) {
            double w = Math.max(lo, CLOSED_FORM_FROM);
            return integrate(c, d, lo, w) + Math.pow(w, 1 - d) / (d - 1);
        }
        return integrate(c, d, lo, hi);
    }

    /** ∫_lo^hi e^{(1−c)u} L(u)^{−d} du, L(u) = ln(e^u + 1); hi may be +∞ when c > 1. */
    private static double integrate(double c, double d, double lo, double hi) {
        if (!(hi > lo)) {
            return 0;
        }
        IterativeLegendreGaussIntegrator gl = new IterativeLegendreGaussIntegrator(16, 1e-14, 1e-300);
        double sum = 0;
        double a = lo;
        double h = c > 1 ? Math.min(1.0, 1.0 / (c - 1)) : 1.0;
        for (int seg = 0; seg < 10_000 && a < hi; seg++) {
            double b = Math.min(hi, a + h);
            double part = gl.integrate(Integer.MAX_VALUE, u -> Math.exp((1 - c) * u - d * logLn(u)), a, b);
            sum += part;
            if (Double.isInfinite(hi) && seg > 3 && part <= 1e-18 * sum) {
                break;
            }
            a = b;
            h *= 1.25;
        }
        return sum;
    }

    /** ln L(u) with L(u) = ln(e^u + 1) = u + log1p(e^{−u}), stable for large u. */
    private static double logLn(double u) {
        double l = u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
        return Math.log(l);
    }
}
