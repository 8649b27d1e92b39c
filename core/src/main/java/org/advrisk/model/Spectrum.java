package org.advrisk.model;

/**
 * The eigenvalues λ_0, …, λ_{p−1} of a diagonal covariance Σ of dimension p (0-based, eigenbasis
 * order). Values are computed on demand, so p may be far larger than memory allows for an array.
 *
 * @param family the family it belongs to
 * @param p      the dimension
 */
public record Spectrum(SpectrumSpec family, long p) {
    public Spectrum {
        if (p < 1) {
            throw new IllegalArgumentException("p: " + p + " must be >= 1");
        }
    }

    /** λ_i, 0-based. */
    public double value(long i) {
        return family.value(i, p);
    }

    /** Writes λ_from, …, λ_{from+len−1} into out[off, off+len). */
    public void fill(long from, double[] out, int off, int len) {
        for (int k = 0; k < len; k++) {
            out[off + k] = family.value(from + k, p);
        }
    }

    /** All eigenvalues as an array (p must fit in an int). */
    public double[] toArray() {
        if (p > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("p=" + p + " is too large for an array");
        }
        double[] out = new double[(int) p];
        fill(0, out, 0, (int) p);
        return out;
    }

    /**
     * First index s of the trailing run of equal eigenvalues (λ_s = … = λ_{p−1}); p − 1 when the
     * last two differ. Exact Wishart tails (DESIGN: scale issue) use it.
     */
    public long constantTailStart() {
        if (family instanceof SpectrumSpec.Isotropic) {
            return 0;
        }
        if (family instanceof SpectrumSpec.TwoLevel t) {
            return t.spikes();
        }
        if (family instanceof SpectrumSpec.Geometric g && g.r() == 1.0) {
            return 0;
        }
        if (family instanceof SpectrumSpec.PowerLaw pl && pl.a() == 0 && pl.b() == 0) {
            return 0;
        }
        long s = p - 1;
        double last = value(p - 1);
        while (s > 0 && value(s - 1) == last) {
            s--;
        }
        return s;
    }

    /** tr Σ = Σ λ_i (closed form where there is one, else a compensated sum). */
    public double trace() {
        return moment(1);
    }

    /** tr Σ² = Σ λ_i². */
    public double traceOfSquare() {
        return moment(2);
    }

    private double moment(int power) {
        if (family instanceof SpectrumSpec.Isotropic) {
            return p;
        }
        if (family instanceof SpectrumSpec.TwoLevel t) {
            double eps = t.tail() / (p - t.spikes());
            return t.spikes() * Math.pow(t.spike(), power) + (p - t.spikes()) * Math.pow(eps, power);
        }
        if (family instanceof SpectrumSpec.Geometric g) {
            double r = Math.pow(g.r(), power);
            return r == 1.0 ? p : -Math.expm1(p * Math.log(r)) / (1 - r);
        }
        double sum = 0;
        double comp = 0;
        for (long i = 0; i < p; i++) {
            double v = Math.pow(value(i), power) - comp;
            double t = sum + v;
            comp = (t - sum) - v;
            sum = t;
        }
        return sum;
    }

    /** Text form, e.g. "twolevel:spikes=10,spike=1,tail=1 (p=10000)". */
    public String describe() {
        return family.text() + " (p=" + p + ")";
    }
}
