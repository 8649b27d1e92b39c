package org.advrisk.ntk;

import java.util.Locale;
import java.util.SplittableRandom;
import org.advrisk.attack.Predictor;
import org.advrisk.kernel.Activation;
import org.advrisk.linalg.Blas;
import org.advrisk.random.Purpose;
import org.advrisk.random.RandomStreams;

/**
 * The finite network A·f(x), f(x) = (1/√m) Σ_j a_j √d σ(w_jᵀx/√d), with W = (w_1 … w_m) stored d×m
 * column-major, σ an {@link Activation} (relu: f = (1/√m) Σ_j a_j relu(w_jᵀx)) and A the output scale
 * of lazy-to-rich training (default 1). Batches of points go through one product H = XᵀW; the output
 * sums neurons in pairs (j, j + m/2) first, so the antisymmetric initialisation (w_{j+m/2} = w_j,
 * a_{j+m/2} = −a_j) gives f ≡ 0 exactly.
 */
public final class TwoLayerNet implements Predictor {
    /** How the network starts. */
    public enum Init {
        /** Neurons in pairs (w, a), (w, −a): f0 ≡ 0 and the NTK is unchanged (needs m even). */
        ANTISYMMETRIC,
        /** All w_j ~ N(0, I_d), a_j = ±1 independent: f0 has variance ‖x‖²/2. */
        INDEPENDENT;

        /** Parses antisymmetric or independent. */
        public static Init parse(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "antisymmetric" -> ANTISYMMETRIC;
                case "independent" -> INDEPENDENT;
                default -> throw new IllegalArgumentException("init: unknown initialisation '" + text
                        + "'; allowed: antisymmetric, independent");
            };
        }
    }

    private final int d;
    private final int m;
    private final double[] w;
    private final double[] a;
    private final Activation act;
    private final double amp;
    private final double sqrtD;

    private TwoLayerNet(int d, int m, double[] w, double[] a, Activation act, double amp) {
        this.d = d;
        this.m = m;
        this.w = w;
        this.a = a;
        this.act = act;
        this.amp = amp;
        this.sqrtD = Math.sqrt(d);
    }

    /** A relu network at initialisation with scale 1 (see {@link #initialise(int, int, Init, long, long, Activation, double)}). */
    public static TwoLayerNet initialise(int d, int m, Init init, long seed, long trial) {
        return initialise(d, m, init, seed, trial, Activation.RELU, 1.0);
    }

    /**
     * A network at initialisation: w_j from the stream (seed, trial, NETWORK_INIT, j), then a_j = ±1
     * from the same stream; with ANTISYMMETRIC the second half copies the first with a negated. The
     * weights do not depend on the activation or the scale.
     */
    public static TwoLayerNet initialise(int d, int m, Init init, long seed, long trial, Activation act, double scale) {
        if (!(scale > 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("scale: " + scale + " must be finite and > 0");
        }
        if (d < 1) {
            throw new IllegalArgumentException("d: " + d + " must be >= 1");
        }
        if (m < 1) {
            throw new IllegalArgumentException("width: " + m + " must be >= 1");
        }
        if (init == Init.ANTISYMMETRIC && m % 2 != 0) {
            throw new IllegalArgumentException("width: " + m + " must be even with the antisymmetric"
                    + " initialisation (neurons come in pairs); use an even width or --init independent");
        }
        if ((long) d * m > 400_000_000L) {
            throw new IllegalArgumentException("width: d*m=" + ((long) d * m) + " weights exceed the limit 4e8");
        }
        double[] w = new double[d * m];
        double[] a = new double[m];
        int drawn = init == Init.ANTISYMMETRIC ? m / 2 : m;
        for (int j = 0; j < drawn; j++) {
            SplittableRandom r = RandomStreams.stream(seed, trial, Purpose.NETWORK_INIT, j);
            RandomStreams.fillGaussian(r, w, j * d, (j + 1) * d);
            a[j] = r.nextBoolean() ? 1.0 : -1.0;
        }
        if (init == Init.ANTISYMMETRIC) {
            int h = m / 2;
            System.arraycopy(w, 0, w, h * d, h * d);
            for (int j = 0; j < h; j++) {
                a[j + h] = -a[j];
            }
        }
        return new TwoLayerNet(d, m, w, a, act, scale);
    }

    /** A deep copy. */
    public TwoLayerNet copy() {
        return new TwoLayerNet(d, m, w.clone(), a.clone(), act, amp);
    }

    /** The activation σ. */
    public Activation activation() {
        return act;
    }

    /** The output scale A. */
    public double scale() {
        return amp;
    }

    /** The neuron's output √d σ(h/√d) at pre-activation h (relu: relu(h)). */
    double unit(double h) {
        return act == Activation.RELU ? (h > 0 ? h : 0.0) : sqrtD * act.value(h / sqrtD);
    }

    /** d/dh of {@link #unit}: σ'(h/√d). */
    double unitSlope(double h) {
        return act == Activation.RELU ? (h > 0 ? 1.0 : 0.0) : act.derivative(h / sqrtD);
    }

    @Override
    public int dim() {
        return d;
    }

    /** The width m. */
    public int width() {
        return m;
    }

    /** Whether neurons come in antisymmetric pairs (w_{j+m/2} = w_j, a_{j+m/2} = −a_j), as at an antisymmetric start. */
    public boolean isAntisymmetric() {
        if (m % 2 != 0) {
            return false;
        }
        int h = m / 2;
        for (int j = 0; j < h; j++) {
            if (a[j + h] != -a[j]) {
                return false;
            }
        }
        return java.util.Arrays.equals(w, 0, h * d, w, h * d, m * d);
    }

    /** First-layer weights, d×m column-major (live array). */
    double[] weights() {
        return w;
    }

    /** Second-layer weights (live array). */
    double[] outer() {
        return a;
    }

    /** Pre-activations H = XᵀW of the columns of x (d×count): a count×m column-major matrix. */
    public double[] preActivations(int count, double[] x) {
        double[] h = new double[count * m];
        Blas.gemm(true, false, count, m, d, 1.0, x, w, 0.0, h);
        return h;
    }

    /** A·f at each row of H (count×m): (A/√m) Σ over pairs (j, j+m/2) of a_j σ̃(h_j) + a_j' σ̃(h_j'), σ̃ = {@link #unit}. */
    double[] outputs(int count, double[] h) {
        double[] out = new double[count];
        boolean relu = act == Activation.RELU;
        int half = m / 2;
        for (int j = 0; j < half; j++) {
            int o1 = j * count;
            int o2 = (j + half) * count;
            double a1 = a[j];
            double a2 = a[j + half];
            for (int t = 0; t < count; t++) {
                double h1 = h[o1 + t];
                double h2 = h[o2 + t];
                out[t] += relu ? (h1 > 0 ? a1 * h1 : 0.0) + (h2 > 0 ? a2 * h2 : 0.0) : a1 * unit(h1) + a2 * unit(h2);
            }
        }
        if (m % 2 != 0) {
            int o = (m - 1) * count;
            for (int t = 0; t < count; t++) {
                double h1 = h[o + t];
                out[t] += a[m - 1] * unit(h1);
            }
        }
        double s = amp / Math.sqrt(m);
        for (int t = 0; t < count; t++) {
            out[t] *= s;
        }
        return out;
    }

    @Override
    public void evaluate(int count, double[] x, double[] values, double[] grads) {
        double[] h = preActivations(count, x);
        System.arraycopy(outputs(count, h), 0, values, 0, count);
        if (grads != null) {
            // ∇(A f)(x_t) = W·D_tᵀ with D_tj = A a_j σ'(h_tj/√d)/√m (relu: 1{h_tj > 0}); D overwrites H.
            double s = amp / Math.sqrt(m);
            for (int j = 0; j < m; j++) {
                int o = j * count;
                double aj = a[j] * s;
                for (int t = 0; t < count; t++) {
                    h[o + t] = act == Activation.RELU ? (h[o + t] > 0 ? aj : 0.0) : aj * unitSlope(h[o + t]);
                }
            }
            Blas.gemm(false, true, d, count, m, 1.0, w, h, 0.0, grads);
        }
    }
}
