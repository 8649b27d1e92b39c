package org.advrisk.model;

import java.util.Arrays;

/**
 * The true parameter θ* in the eigenbasis of Σ: coordinates 0..head.length−1 are given, the rest
 * (up to p) are zero, so θ* costs memory only where it is non-zero.
 *
 * @param head leading coordinates
 * @param p    the dimension
 */
public record GroundTruth(double[] head, long p) {
    public GroundTruth {
        if (head.length > p) {
            throw new IllegalArgumentException("theta: " + head.length + " coordinates exceed p=" + p);
        }
        for (int i = 0; i < head.length; i++) {
            if (!Double.isFinite(head[i])) {
                throw new IllegalArgumentException("theta: coordinate " + (i + 1) + " is " + head[i]);
            }
        }
        head = head.clone();
    }

    /** θ*_i. */
    public double value(long i) {
        return i < head.length ? head[(int) i] : 0.0;
    }

    /** Number of leading coordinates stored (θ*_i = 0 beyond). */
    public int support() {
        return head.length;
    }

    /** ‖θ*‖_q for q in [1, ∞]. */
    public double norm(double q) {
        return Norms.lq(head, q);
    }

    /** ‖θ*‖²_Σ = Σ λ_i θ*_i². */
    public double sigmaNormSq(Spectrum s) {
        double sum = 0;
        for (int i = 0; i < head.length; i++) {
            sum += s.value(i) * head[i] * head[i];
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroundTruth g && g.p == p && Arrays.equals(g.head, head);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(head) * 31 + Long.hashCode(p);
    }

    @Override
    public String toString() {
        return "GroundTruth[support=" + head.length + ", p=" + p + ", norm=" + norm(2) + "]";
    }
}
