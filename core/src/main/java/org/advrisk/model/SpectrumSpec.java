package org.advrisk.model;

import java.util.Arrays;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A family of covariance spectra before the dimension p is fixed, as written on the command line
 * ({@code isotropic}, {@code powerlaw:a=1,b=2}, {@code twolevel:spikes=10,spike=1,tail=1},
 * {@code geometric:r=0.9}, {@code file:eigs.txt}). {@link #withSize(long)} gives the p-dimensional
 * {@link Spectrum}. Eigenvalues are indexed from 0 in the eigenbasis order.
 */
public sealed interface SpectrumSpec {

    /** The allowed kinds, for error messages. */
    String KINDS = "isotropic, powerlaw:a=..,b=.., twolevel:spikes=..,spike=..,tail=.., geometric:r=.., file:PATH";

    /** λ_i (0-based) of the p-dimensional member. */
    double value(long i, long p);

    /** The dimension this family forces (explicit files), if any. */
    default OptionalLong fixedSize() {
        return OptionalLong.empty();
    }

    /** Smallest allowed p. */
    default long minSize() {
        return 1;
    }

    /** Text form that {@link #parse} reads back. */
    String text();

    /** The p-dimensional spectrum. */
    default Spectrum withSize(long p) {
        return withSize(p, "p");
    }

    /** The p-dimensional spectrum; a size that does not fit is refused naming {@code field} (e.g. "d"). */
    default Spectrum withSize(long p, String field) {
        if (p < minSize()) {
            throw new IllegalArgumentException(field + ": " + p + " is too small for spectrum " + text()
                    + "; need " + field + " >= " + minSize());
        }
        OptionalLong fixed = fixedSize();
        if (fixed.isPresent() && p > fixed.getAsLong()) {
            throw new IllegalArgumentException(field + ": " + p + " is larger than the " + fixed.getAsLong()
                    + " eigenvalues in " + text());
        }
        return new Spectrum(this, p);
    }

    /** Parses a spectrum argument; errors name the field "spectrum" and the allowed values. */
    static SpectrumSpec parse(String text) {
        Params a = Params.parse("spectrum", text, !(text != null && text.trim().toLowerCase().startsWith("file:")));
        switch (a.kind) {
            case "isotropic":
                a.allow(Set.of());
                return new Isotropic();
            case "powerlaw":
                a.allow(Set.of("a", "b"));
                return new PowerLaw(a.number("a", 1.0), a.number("b", 0.0));
            case "twolevel":
                a.allow(Set.of("spikes", "spike", "tail"));
                return new TwoLevel(a.integer("spikes", null), a.number("spike", 1.0), a.number("tail", null));
            case "geometric":
                a.allow(Set.of("r"));
                return new Geometric(a.number("r", null));
            case "file":
                return new Explicit(NumberFile.read("spectrum", a.rest), "file:" + a.rest);
            default:
                throw new IllegalArgumentException("spectrum: unknown kind '" + a.kind + "'; allowed: " + KINDS);
        }
    }

    /** Σ = I. */
    record Isotropic() implements SpectrumSpec {
        @Override
        public double value(long i, long p) {
            return 1.0;
        }

        @Override
        public String text() {
            return "isotropic";
        }
    }

    /** λ_k = k^{-a} ln^{-b}(k+1), k = 1, 2, …; benign for a = 1, b > 1. */
    record PowerLaw(double a, double b) implements SpectrumSpec {
        public PowerLaw {
            if (a < 0) {
                throw new IllegalArgumentException("spectrum: powerlaw a=" + a + " must be >= 0");
            }
        }

        @Override
        public double value(long i, long p) {
            double k = i + 1.0;
            return Math.pow(k, -a) * Math.pow(Math.log(k + 1.0), -b);
        }

        @Override
        public String text() {
            return "powerlaw:a=" + fmt(a) + ",b=" + fmt(b);
        }
    }

    /** s eigenvalues equal to {@code spike}, the other p − s share the tail mass T equally. */
    record TwoLevel(long spikes, double spike, double tail) implements SpectrumSpec {
        public TwoLevel {
            if (spikes < 0) {
                throw new IllegalArgumentException("spectrum: twolevel spikes=" + spikes + " must be >= 0");
            }
            if (!(spike > 0)) {
                throw new IllegalArgumentException("spectrum: twolevel spike=" + spike + " must be > 0");
            }
            if (!(tail > 0)) {
                throw new IllegalArgumentException("spectrum: twolevel tail=" + tail + " must be > 0 (tail mass)");
            }
        }

        @Override
        public double value(long i, long p) {
            return i < spikes ? spike : tail / (p - spikes);
        }

        @Override
        public long minSize() {
            return spikes + 1;
        }

        @Override
        public String text() {
            return "twolevel:spikes=" + spikes + ",spike=" + fmt(spike) + ",tail=" + fmt(tail);
        }
    }

    /** λ_k = r^{k-1}. */
    record Geometric(double r) implements SpectrumSpec {
        public Geometric {
            if (!(r > 0 && r <= 1)) {
                throw new IllegalArgumentException("spectrum: geometric r=" + r + " must be in (0, 1]");
            }
        }

        @Override
        public double value(long i, long p) {
            return Math.pow(r, i);
        }

        @Override
        public String text() {
            return "geometric:r=" + fmt(r);
        }
    }

    /** Eigenvalues listed explicitly (a file with one a line), in eigenbasis order. */
    record Explicit(double[] values, String source) implements SpectrumSpec {
        public Explicit {
            if (values.length == 0) {
                throw new IllegalArgumentException("spectrum: " + source + " is empty");
            }
            boolean positive = false;
            for (int i = 0; i < values.length; i++) {
                if (!(values[i] >= 0) || !Double.isFinite(values[i])) {
                    throw new IllegalArgumentException("spectrum: eigenvalue " + (i + 1) + " of " + source
                            + " is " + values[i] + "; eigenvalues must be finite and >= 0");
                }
                positive |= values[i] > 0;
            }
            if (!positive) {
                throw new IllegalArgumentException("spectrum: " + source + " has no positive eigenvalue");
            }
            values = values.clone();
        }

        @Override
        public double value(long i, long p) {
            return values[(int) i];
        }

        @Override
        public OptionalLong fixedSize() {
            return OptionalLong.of(values.length);
        }

        @Override
        public String text() {
            return source;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Explicit e && Arrays.equals(values, e.values) && source.equals(e.source);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values) * 31 + source.hashCode();
        }

        @Override
        public String toString() {
            return "Explicit[" + source + ", " + values.length + " values]";
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
