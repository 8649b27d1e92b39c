package org.advrisk.theory;

import java.util.ArrayList;
import java.util.List;
import org.advrisk.linear.LinearRisks;

/**
 * Deterministic equivalents of ridge and min-norm regression for any spectrum (docs/theory.md §4;
 * Cheng &amp; Montanari 2024, Han &amp; Xu, Bach 2023, Hastie et al. 2022).
 *
 * <p>κ is the positive root of F(κ) = κ(1 − df1(κ)/n) − λ. F is convex (κ·df1(κ) is a sum of
 * concave functions) with F(0) = −λ ≤ 0, so Newton's method started at κ = λ + tr Σ/n, where
 * F &gt; 0, decreases monotonically to the root and never overshoots (about 3–7 passes); it stops
 * when the Newton correction is below 1e-14 relative (quadratic convergence: the remaining error
 * is then at the rounding level of the sums).
 * Should rounding stall it, a bracketed solve takes over: h(u) = df1/n + λ/κ − 1 in u = ln κ,
 * bracket [λ, κ] (for λ = 0 a lower end found by stepping down), Newton steps kept inside the
 * bracket and bisection otherwise, until the bracket is narrower than 1e-14 relative. Each
 * evaluation is one pass over the groups writing λ_i/(λ_i+κ), so eigenvalues from 1e-12 to 1e3
 * are fine.
 *
 * <p>Tail (truncated spectra): the tail eigenvalues are below λ_{P+1} ≪ κ, so
 * λ/(λ+κ) ≈ (λ/κ)(1 − λ/κ) and the tail enters every sum through its moments Σλ^{1/2}, Σλ,
 * Σλ^{3/2}, Σλ² (relative error of the tail terms ≈ (λ_{P+1}/κ)², reported as tailRatio).
 */
public final class DeterministicEquivalent {
    private static final double REL_TOL = 1e-14;
    private static final int NEWTON_STEPS = 200;
    private final TheorySpectrum spectrum;
    private final long n;
    private final double sigma;
    private final int[] thetaGroups;
    private final double[] roots;

    /** The equivalent for a spectrum with θ*, sample size n and noise level σ. */
    public DeterministicEquivalent(TheorySpectrum spectrum, long n, double sigma) {
        if (n < 1) {
            throw new IllegalArgumentException("n: " + n + " must be >= 1");
        }
        org.advrisk.param.Parameters.SIGMA.check(sigma);
        this.spectrum = spectrum;
        this.n = n;
        this.sigma = sigma;
        List<Integer> nz = new ArrayList<>();
        double[] th = spectrum.theta();
        for (int j = 0; j < th.length; j++) {
            if (th[j] != 0) {
                nz.add(j);
            }
        }
        thetaGroups = nz.stream().mapToInt(Integer::intValue).toArray();
        double[] v = spectrum.values();
        roots = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            roots[j] = Math.sqrt(v[j]);
        }
    }

    /** The spectrum. */
    public TheorySpectrum spectrum() {
        return spectrum;
    }

    /** Sample size. */
    public long n() {
        return n;
    }

    /** Noise level. */
    public double sigma() {
        return sigma;
    }

    /** True when λ = 0 is allowed: more than n positive eigenvalues. */
    public boolean minNormAllowed() {
        return spectrum.positiveCount() > n;
    }

    /**
     * The equivalent at each λ of a path. Where λ increases, Newton starts from the tangent bound
     * κ_prev + (λ − λ_prev)/(1 − df2_prev/n), which lies above the root because F is convex, so
     * an increasing grid costs about half the passes of separate calls.
     */
    public List<DePoint> path(double[] lambdas) {
        List<DePoint> out = new ArrayList<>(lambdas.length);
        DePoint prev = null;
        for (double l : lambdas) {
            double start = Double.NaN;
            if (prev != null && l >= prev.lambda()) {
                double slope = 1 - prev.df2() / n;
                if (slope > 0) {
                    start = prev.kappa() + (l - prev.lambda()) / slope;
                }
            }
            prev = at(l, start);
            out.add(prev);
        }
        return out;
    }

    /** The equivalent at one λ ≥ 0. */
    public DePoint at(double lambda) {
        return at(lambda, Double.NaN);
    }

    private DePoint at(double lambda, double start) {
        double kappa = kappa(lambda, start);
        double[] v = spectrum.values();
        long[] c = spectrum.counts();
        double[] th = spectrum.theta();
        double df1 = 0;
        double df2 = 0;
        double b0 = 0;
        double signal = 0;
        double noiseSum = 0;
        double errSignal = 0;
        double halfSum = 0;
        double spread = 0;
        double k2 = kappa * kappa;
        for (int j = 0; j < v.length; j++) {
            double lam = v[j];
            double m = c[j];
            double d = lam + kappa;
            double w = 1.0 / d;
            boolean tiny = Double.isInfinite(w); // λ_j + κ below 1/Double.MAX_VALUE: divide instead
            double s = tiny ? lam / d : lam * w;
            double kw = tiny ? kappa / d : kappa * w;
            df1 += m * s;
            df2 += m * s * s;
            spread += m * s * kw;
            noiseSum += tiny ? m * (s / d) : m * lam * w * w;
            halfSum += tiny ? m * (roots[j] / d) : m * roots[j] * w;
            double t = th[j];
            if (t != 0) {
                double t2 = t * t;
                b0 += m * lam * t2 * kw * kw;
                signal += m * s * s * t2;
                errSignal += m * t2 * kw * kw;
            }
        }
        SpectrumTail tail = spectrum.tail();
        double tailRatio = 0;
        if (Deficits.hasTail(spectrum)) {
            df1 += tail.m1() / kappa - tail.m2() / k2;
            df2 += tail.m2() / k2;
            spread += tail.m1() / kappa - 2 * tail.m2() / k2;
            noiseSum += tail.m1() / k2 - 2 * tail.m2() / (k2 * kappa);
            halfSum += tail.m05() / kappa - tail.m15() / k2;
            tailRatio = tail.first() / kappa;
        }
        // 1 − df2/n = (1 − df1/n) + (df1 − df2)/n = λ/κ + Σ s(1−s)/n at the root: a sum of positive
        // terms, where 1 − df2/n itself cancels to 0 when κ is tiny (p = n and λ = 1e-300: s = 1 in doubles)
        // (with κ subnormal, λ/κ has lost its digits: take 1 − df1/n from the cancellation-free deficit)
        double first = kappa >= Double.MIN_NORMAL ? lambda / kappa : Deficits.at(spectrum, n, kappa)[0] / n;
        double shrink = first + spread / n;
        if (!(shrink > 0)) {
            throw refusal(lambda, kappa);
        }
        double s2 = sigma * sigma;
        double tau2 = (s2 + b0) / shrink;
        double bias = b0 / shrink;
        double variance = s2 * (df2 / n) / shrink;
        double normNoise = tau2 / n * noiseSum;
        double errorL2Sq = errSignal + normNoise;
        // l1 norms by the folded normal: θ=0 groups give t√(2/π) each, in closed form.
        double tauOverRootN = Math.sqrt(tau2 / n);
        double sqrt2pi = Math.sqrt(2 / Math.PI);
        double zeroPart = halfSum;
        double normL1 = 0;
        double errorL1 = 0;
        for (int j : thetaGroups) {
            double lam = v[j];
            double d = lam + kappa;
            double w = 1.0 / d;
            boolean tiny = Double.isInfinite(w);
            double rw = tiny ? Math.sqrt(lam) / d : Math.sqrt(lam) * w;
            double t = tauOverRootN * rw;
            zeroPart -= c[j] * rw;
            normL1 += c[j] * LinearRisks.foldedNormalMean((tiny ? lam / d : lam * w) * th[j], t);
            errorL1 += c[j] * LinearRisks.foldedNormalMean(-(tiny ? kappa / d : kappa * w) * th[j], t);
        }
        double zeroL1 = sqrt2pi * tauOverRootN * Math.max(zeroPart, 0);
        if (Double.isInfinite(halfSum)) {
            zeroL1 = Double.POSITIVE_INFINITY;
        }
        normL1 += zeroL1;
        errorL1 += zeroL1;
        return new DePoint(n, lambda, sigma, new DePoint.FixedPoint(kappa, df1, df2, b0, tau2),
                new DePoint.Risk(bias, variance), new DePoint.Norms(signal, normNoise, errorL2Sq, normL1, errorL1),
                tailRatio);
    }

    /** κ(λ), the root of λ = κ(1 − df1(κ)/n). */
    public double kappa(double lambda) {
        return kappa(lambda, Double.NaN);
    }

    /** κ(λ) with Newton started at {@code start} when it is a valid point right of the root. */
    private double kappa(double lambda, double start) {
        org.advrisk.param.Parameters.LAMBDA.check(lambda);
        double trace = spectrum.trace();
        if (lambda == 0) {
            double pos = spectrum.positiveCount();
            if (!(pos > n)) {
                throw new IllegalArgumentException("lambda: 0 (min-norm) needs more than n=" + n
                        + " positive eigenvalues, but the spectrum has " + (long) pos
                        + "; use lambda > 0 or a larger p");
            }
        }
        // Newton from the right on F(κ) = κ(1 − df1/n) − λ, which is convex (κ·df1 is concave) with
        // F(0) = −λ ≤ 0: from κ = λ + tr Σ/n (F > 0) the iterates decrease monotonically to the root.
        double right = lambda + trace / n;
        double k = start > 0 && start < right ? start : right;
        for (int it = 0; it < NEWTON_STEPS; it++) {
            double[] e = f(k, lambda);
            if (!(e[1] > 0)) {
                break;
            }
            double step = e[0] / e[1];
            if (Math.abs(step) <= REL_TOL * k) {
                return k - step; // converged; F may be ±rounding here
            }
            if (e[0] < 0) {
                // rounding put k just below the root: [k, right] brackets it
                return bracketed(lambda, Math.log(k), Math.log(right));
            }
            right = k;
            k -= step;
            if (!(k > 0)) {
                break;
            }
        }
        return bracketed(lambda, Double.NaN, Math.log(right));
    }

    /** F(κ) = κ(1 − df1/n) − λ and F'(κ) = 1 − df2/n in one pass. */
    private double[] f(double kappa, double lambda) {
        double[] d = Deficits.at(spectrum, n, kappa);
        return new double[] {kappa * d[0] / n - lambda, d[1] / n};
    }

    /**
     * Fallback (Newton stalled by rounding): bracketing in u = ln κ with Newton steps kept inside the
     * bracket and bisection otherwise; {@code hi} has F ≥ 0, {@code lo} F ≤ 0 (NaN: find one).
     */
    private double bracketed(double lambda, double knownLo, double hi) {
        double lo = knownLo;
        if (Double.isNaN(lo) && lambda > 0) {
            lo = Math.log(lambda);
        } else if (Double.isNaN(lo)) {
            lo = hi;
            double step = Math.log(1e4);
            while (h(lo, 0)[0] <= 0) {
                lo -= step;
                if (lo < Math.log(Double.MIN_NORMAL)) {
                    throw refusal(0, Double.MIN_NORMAL);
                }
            }
        }
        if (hi - lo <= REL_TOL) {
            return Math.exp(0.5 * (lo + hi));
        }
        double u = 0.5 * (lo + hi);
        for (int it = 0; it < 400; it++) {
            double[] e = h(u, lambda);
            if (e[0] == 0) {
                return Math.exp(u);
            }
            if (e[0] > 0) {
                lo = u;
            } else {
                hi = u;
            }
            if (hi - lo <= REL_TOL) {
                break;
            }
            double next = u - e[0] / e[1];
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            } else if (Math.abs(next - u) < 0.1 * REL_TOL) {
                return Math.exp(next);
            }
            u = next;
        }
        return Math.exp(0.5 * (lo + hi));
    }

    /**
     * Why no equivalent exists at this λ: with a tail, the truncation is too short (the tail's moment
     * expansion needs λ_{P+1} ≪ κ, and κ fell below it); without one, λ is too small for doubles.
     */
    private IllegalArgumentException refusal(double lambda, double kappa) {
        SpectrumTail tail = spectrum.tail();
        if (!tail.isEmpty()) {
            return new IllegalArgumentException("truncation: P=" + spectrum.truncation() + " explicit eigenvalues are "
                    + "too few for n=" + n + " at lambda=" + lambda + ": kappa (" + kappa + ") is not above the first "
                    + "tail eigenvalue " + tail.first() + "; give a larger truncation, or a finite p <= truncation");
        }
        return new IllegalArgumentException("lambda: " + lambda + " is too small for this spectrum at n=" + n
                + " (the equivalent underflows in double precision); give a larger lambda");
    }

    /** h(u) and dh/du at u = ln κ. */
    private double[] h(double u, double lambda) {
        double kappa = Math.exp(u);
        double[] d = Deficits.at(spectrum, n, kappa);
        double ratio = lambda / kappa;
        return new double[] {ratio - d[0] / n, -d[2] / n - ratio};
    }
}
