package org.advrisk.theory;

import java.util.Arrays;
import java.util.Comparator;
import org.advrisk.model.GroundTruth;
import org.advrisk.model.Spectrum;
import org.advrisk.model.SpectrumSpec;

/**
 * Eigenvalues of Σ and the matching coordinates of θ* as the theory needs them: groups of equal
 * eigenvalues sorted in descending order (group j holds {@code counts[j]} coordinates, each with
 * eigenvalue {@code values[j]} and θ*-coordinate {@code theta[j]}), plus an optional
 * {@link SpectrumTail} for the eigenvalues beyond a truncation at P explicit terms (θ* = 0 there).
 * A two-level spectrum with p = 10⁹ is two groups; a power law with p = ∞ is P groups and a tail.
 *
 * @param values     eigenvalues, descending, ≥ 0
 * @param counts     multiplicities, ≥ 1
 * @param theta      θ*-coordinate shared by every coordinate of the group
 * @param tail       eigenvalues beyond the explicit ones ({@link SpectrumTail#NONE} if none)
 * @param dimension  p (+∞ for an infinite spectrum)
 * @param truncation P, the number of explicit eigenvalues when a tail was cut off (0 when exact)
 * @param label      text form, e.g. "powerlaw:a=1,b=2 (p=inf, P=1000000)"
 */
public record TheorySpectrum(double[] values, long[] counts, double[] theta, SpectrumTail tail,
                             double dimension, long truncation, String label) {

    /** Default number of explicit eigenvalues P before the analytic tail takes over. */
    public static final int DEFAULT_TRUNCATION = 1_000_000;

    public TheorySpectrum {
        if (values.length != counts.length || values.length != theta.length) {
            throw new IllegalArgumentException("spectrum: " + values.length + " values, " + counts.length
                    + " counts and " + theta.length + " theta coordinates must have the same length");
        }
        if (values.length == 0 && tail.isEmpty()) {
            throw new IllegalArgumentException("spectrum: empty; need at least one eigenvalue");
        }
        boolean positive = tail.m1() > 0;
        for (int j = 0; j < values.length; j++) {
            if (!(values[j] >= 0) || !Double.isFinite(values[j])) {
                throw new IllegalArgumentException("spectrum: " + label + " has an eigenvalue " + values[j]
                        + (Double.isNaN(values[j]) || Double.isInfinite(values[j])
                        ? " (beyond double precision: its parameters are too extreme)" : "")
                        + "; eigenvalues must be finite and >= 0");
            }
            if (j > 0 && values[j] > values[j - 1]) {
                throw new IllegalArgumentException("spectrum: groups must be sorted in descending order");
            }
            if (counts[j] < 1) {
                throw new IllegalArgumentException("spectrum: multiplicity " + counts[j] + " must be >= 1");
            }
            if (!Double.isFinite(theta[j])) {
                throw new IllegalArgumentException("theta: coordinate " + theta[j] + " must be finite");
            }
            positive |= values[j] > 0;
        }
        if (!positive) {
            throw new IllegalArgumentException("spectrum: no positive eigenvalue; need at least one eigenvalue > 0");
        }
        if (values.length > 0 && !tail.isEmpty() && tail.first() > values[values.length - 1]) {
            throw new IllegalArgumentException("spectrum: tail eigenvalue " + tail.first()
                    + " exceeds the smallest explicit one " + values[values.length - 1] + "; increase P");
        }
    }

    /**
     * From explicit eigenvalues and θ* coordinates in the same (any) order; θ may be shorter
     * (missing coordinates are 0). Negative, non-finite or no eigenvalues are rejected.
     */
    public static TheorySpectrum ofValues(double[] eigenvalues, double[] thetaStar, String label) {
        if (eigenvalues.length == 0) {
            throw new IllegalArgumentException("spectrum: empty; need at least one eigenvalue");
        }
        if (thetaStar.length > eigenvalues.length) {
            throw new IllegalArgumentException("theta: " + thetaStar.length + " coordinates exceed p="
                    + eigenvalues.length);
        }
        for (int i = 0; i < eigenvalues.length; i++) {
            if (!(eigenvalues[i] >= 0) || !Double.isFinite(eigenvalues[i])) {
                throw new IllegalArgumentException("spectrum: eigenvalue " + (i + 1) + " is " + eigenvalues[i]
                        + "; eigenvalues must be finite and >= 0");
            }
        }
        long[] ones = new long[eigenvalues.length];
        Arrays.fill(ones, 1);
        double[] th = Arrays.copyOf(thetaStar, eigenvalues.length);
        return grouped(eigenvalues.clone(), ones, th, SpectrumTail.NONE, eigenvalues.length, 0, label);
    }

    /**
     * The p-dimensional spectrum with θ*. Families with a constant run of trailing eigenvalues
     * (isotropic, twolevel) are exact for any p; other families list min(p, P) eigenvalues
     * (at least the support of θ*) and add the analytic tail sums for the rest (powerlaw,
     * geometric). Explicit (file) spectra are always exact.
     */
    public static TheorySpectrum of(Spectrum spectrum, GroundTruth thetaStar, int truncation) {
        if (thetaStar.p() != spectrum.p()) {
            throw new IllegalArgumentException("theta: dimension " + thetaStar.p() + " differs from p=" + spectrum.p());
        }
        checkTruncation(truncation);
        long p = spectrum.p();
        SpectrumSpec family = spectrum.family();
        int support = thetaStar.support();
        String label = spectrum.describe();
        if (hasConstantTail(family)) {
            long run = Math.max(support, spectrum.constantTailStart());
            if (run > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("spectrum: " + run + " distinct leading eigenvalues are too many");
            }
            int explicit = (int) run;
            boolean rest = run < p;
            int g = explicit + (rest ? 1 : 0);
            double[] v = new double[g];
            long[] c = new long[g];
            double[] th = new double[g];
            for (int i = 0; i < explicit; i++) {
                v[i] = spectrum.value(i);
                c[i] = 1;
                th[i] = thetaStar.value(i);
            }
            if (rest) {
                v[explicit] = spectrum.value(p - 1);
                c[explicit] = p - run;
            }
            return grouped(v, c, th, SpectrumTail.NONE, p, 0, label);
        }
        if (family instanceof SpectrumSpec.Explicit || p <= Math.max(truncation, support)) {
            double[] v = spectrum.toArray();
            long[] c = new long[v.length];
            Arrays.fill(c, 1);
            double[] th = new double[v.length];
            for (int i = 0; i < support; i++) {
                th[i] = thetaStar.value(i);
            }
            return grouped(v, c, th, SpectrumTail.NONE, p, 0, label);
        }
        int explicit = Math.max(truncation, support);
        return truncated(family, explicit, p, thetaStar.head(), label + " P=" + explicit);
    }

    /**
     * An infinite spectrum (p = ∞) truncated at P explicit eigenvalues with the analytic tail:
     * powerlaw (needs a > 1, or a = 1 and b > 1, for a finite trace) and geometric (r < 1).
     */
    public static TheorySpectrum infinite(SpectrumSpec family, double[] thetaHead, int truncation) {
        checkTruncation(truncation);
        if (!(family instanceof SpectrumSpec.PowerLaw || family instanceof SpectrumSpec.Geometric g && g.r() < 1)) {
            throw new IllegalArgumentException("p: inf is allowed only for powerlaw (a > 1, or a = 1 and b > 1) and "
                    + "geometric (r < 1) spectra, not " + family.text());
        }
        int explicit = Math.max(truncation, thetaHead.length);
        return truncated(family, explicit, Double.POSITIVE_INFINITY, thetaHead,
                family.text() + " (p=inf, P=" + explicit + ")");
    }

    private static TheorySpectrum truncated(SpectrumSpec family, int explicit, double p, double[] thetaHead,
                                            String label) {
        long pl = Double.isInfinite(p) ? Long.MAX_VALUE : (long) p;
        double[] v = new double[explicit];
        for (int i = 0; i < explicit; i++) {
            v[i] = family.value(i, pl);
        }
        long[] c = new long[explicit];
        Arrays.fill(c, 1);
        double[] th = Arrays.copyOf(thetaHead, explicit);
        SpectrumTail tail;
        double count = Double.isInfinite(p) ? Double.POSITIVE_INFINITY : p - explicit;
        double first = family.value(explicit, pl);
        if (family instanceof SpectrumSpec.PowerLaw pw) {
            // 1-based k = i + 1: the tail is k = explicit+1, ..., p
            double m1 = TailSums.powerLaw(pw.a(), pw.b(), explicit, pl);
            if (Double.isInfinite(m1)) {
                throw new IllegalArgumentException("spectrum: " + family.text() + " has an infinite trace; "
                        + "p=inf needs a > 1, or a = 1 and b > 1; give a finite p");
            }
            tail = new SpectrumTail(count, first, TailSums.powerLaw(pw.a() / 2, pw.b() / 2, explicit, pl), m1,
                    TailSums.powerLaw(1.5 * pw.a(), 1.5 * pw.b(), explicit, pl),
                    TailSums.powerLaw(2 * pw.a(), 2 * pw.b(), explicit, pl));
        } else if (family instanceof SpectrumSpec.Geometric g) {
            tail = new SpectrumTail(count, first, geometric(g.r(), 0.5, explicit, p), geometric(g.r(), 1, explicit, p),
                    geometric(g.r(), 1.5, explicit, p), geometric(g.r(), 2, explicit, p));
        } else {
            throw new IllegalArgumentException("spectrum: " + family.text() + " has no analytic tail; give p <= P");
        }
        return grouped(v, c, th, tail, p, explicit, label);
    }

    /** Σ_{i=P}^{p−1} r^{e·i} (0-based), exact. */
    private static double geometric(double r, double e, long from, double p) {
        double re = Math.pow(r, e);
        double head = Math.exp(e * from * Math.log(r));
        double len = p - from;
        double frac = Double.isInfinite(len) ? 1.0 : -Math.expm1(len * e * Math.log(r));
        return head * frac / (1 - re);
    }

    private static boolean hasConstantTail(SpectrumSpec f) {
        return f instanceof SpectrumSpec.Isotropic || f instanceof SpectrumSpec.TwoLevel
                || f instanceof SpectrumSpec.Geometric g && g.r() == 1.0
                || f instanceof SpectrumSpec.PowerLaw pw && pw.a() == 0 && pw.b() == 0;
    }

    private static void checkTruncation(int truncation) {
        if (truncation < 1) {
            throw new IllegalArgumentException("truncation: P=" + truncation + " must be >= 1");
        }
    }

    /** Sorts by eigenvalue (descending, stable) and merges neighbours with equal value and θ*. */
    private static TheorySpectrum grouped(double[] v, long[] c, double[] th, SpectrumTail tail, double p,
                                          long truncation, String label) {
        boolean sorted = true;
        for (int i = 1; i < v.length && sorted; i++) {
            sorted = v[i] <= v[i - 1];
        }
        if (!sorted) {
            Integer[] idx = new Integer[v.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            double[] keys = v;
            Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> keys[i]).reversed());
            double[] v2 = new double[v.length];
            long[] c2 = new long[v.length];
            double[] t2 = new double[v.length];
            for (int i = 0; i < idx.length; i++) {
                v2[i] = v[idx[i]];
                c2[i] = c[idx[i]];
                t2[i] = th[idx[i]];
            }
            v = v2;
            c = c2;
            th = t2;
        }
        int g = 0;
        for (int i = 0; i < v.length; i++) {
            if (g > 0 && v[i] == v[g - 1] && th[i] == th[g - 1]) {
                c[g - 1] += c[i];
            } else {
                v[g] = v[i];
                c[g] = c[i];
                th[g] = th[i];
                g++;
            }
        }
        return new TheorySpectrum(Arrays.copyOf(v, g), Arrays.copyOf(c, g), Arrays.copyOf(th, g), tail, p,
                truncation, label);
    }

    /** Number of groups. */
    public int groups() {
        return values.length;
    }

    /** Number of explicit eigenvalues (Σ counts). */
    public long explicitSize() {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }

    /** Number of positive eigenvalues, +∞ for an infinite tail. */
    public double positiveCount() {
        double s = tail.m1() > 0 ? tail.count() : 0;
        for (int j = 0; j < values.length; j++) {
            if (values[j] > 0) {
                s += counts[j];
            }
        }
        return s;
    }

    /** tr Σ (explicit part plus the tail). */
    public double trace() {
        double s = tail.m1();
        for (int j = values.length - 1; j >= 0; j--) {
            s += counts[j] * values[j];
        }
        return s;
    }

    /** ‖θ*‖_q for q in [1, ∞]. */
    public double thetaNorm(double q) {
        if (Double.isInfinite(q)) {
            double m = 0;
            for (double t : theta) {
                m = Math.max(m, Math.abs(t));
            }
            return m;
        }
        double s = 0;
        for (int j = 0; j < theta.length; j++) {
            if (theta[j] != 0) {
                s += counts[j] * Math.pow(Math.abs(theta[j]), q);
            }
        }
        return Math.pow(s, 1 / q);
    }

    /** The explicit eigenvalues expanded to one per coordinate (for tests and small spectra). */
    public double[] expandedValues() {
        long size = explicitSize();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("spectrum: " + size + " explicit eigenvalues do not fit in an array");
        }
        double[] out = new double[(int) size];
        int k = 0;
        for (int j = 0; j < values.length; j++) {
            Arrays.fill(out, k, k + (int) counts[j], values[j]);
            k += (int) counts[j];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TheorySpectrum t && Arrays.equals(values, t.values) && Arrays.equals(counts, t.counts)
                && Arrays.equals(theta, t.theta) && tail.equals(t.tail) && dimension == t.dimension
                && truncation == t.truncation && label.equals(t.label);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "TheorySpectrum[" + label + ", " + values.length + " groups, tail=" + tail + "]";
    }
}
