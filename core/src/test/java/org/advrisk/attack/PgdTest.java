package org.advrisk.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** PGD against the exact linear worst case and against random search. */
class PgdTest {
    private static final int D = 25;
    private static final int COUNT = 40;

    private static double[] gaussian(SplittableRandom r, int len) {
        double[] v = new double[len];
        for (int i = 0; i < len; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    /**
     * On f(x) = ⟨x, θ⟩ the normalised-gradient step is constant, so the run from δ = 0 walks along the
     * maximiser and, after a total path 2.5α &gt; α, is projected exactly onto it (l2: αθ/‖θ‖; linf: the
     * corner α sign θ after ⌈T/2.5⌉ steps). PGD therefore reaches (|e| + α‖θ‖_q)² up to rounding:
     * relative 1e-12 (a few ulps of sums of 25 terms). Feasible iterates can never exceed the supremum:
     * also asserted with the same rounding allowance.
     */
    @Test
    void reachesTheLinearClosedFormAndNeverExceedsIt() {
        SplittableRandom r = new SplittableRandom(5);
        double[] theta = gaussian(r, D);
        theta[3] = 0; // a zero coefficient: sign 0 leaves that coordinate alone in linf
        LinearPredictor f = new LinearPredictor(theta);
        double[] x = gaussian(r, D * COUNT);
        double[] target = gaussian(r, COUNT);
        for (Ball ball : Ball.values()) {
            double p = ball == Ball.L2 ? 2 : Double.POSITIVE_INFINITY;
            for (double alpha : new double[] {0.0, 0.05, 0.3, 2.0}) {
                Pgd.Result res = Pgd.of(ball, alpha, 20, 3).attack(f, COUNT, x, target, 1, 0, 0);
                for (int t = 0; t < COUNT; t++) {
                    double e = f.value(slice(x, t)) - target[t];
                    double exact = LinearWorstCase.value(e, theta, alpha, p);
                    assertThat(res.worst()[t]).isLessThanOrEqualTo(exact * (1 + 1e-12));
                    assertThat(res.worst()[t]).isGreaterThanOrEqualTo(exact * (1 - 1e-12));
                    assertThat(res.clean()[t]).isEqualTo(e * e);
                }
            }
        }
    }

    /**
     * On a non-linear predictor (a sum of ReLUs) PGD is never below the clean error (its first iterate
     * is δ = 0) and at least the best of 100 random perturbations of size α (uniform on the l2
     * sphere; uniform corners of the linf cube). Both are deterministic facts of the algorithm and the
     * landscape, not statistical claims; the random search is the baseline an attack must beat.
     */
    @Test
    void neverBelowCleanAndBeatsRandomSearch() {
        SplittableRandom r = new SplittableRandom(9);
        int m = 30;
        double[] w = gaussian(r, D * m);
        double[] a = gaussian(r, m);
        Predictor f = new Predictor() {
            @Override
            public int dim() {
                return D;
            }

            @Override
            public void evaluate(int count, double[] xs, double[] values, double[] grads) {
                for (int t = 0; t < count; t++) {
                    double v = 0;
                    if (grads != null) {
                        java.util.Arrays.fill(grads, t * D, (t + 1) * D, 0.0);
                    }
                    for (int j = 0; j < m; j++) {
                        double h = 0;
                        for (int k = 0; k < D; k++) {
                            h += w[j * D + k] * xs[t * D + k];
                        }
                        if (h > 0) {
                            v += a[j] * h;
                            if (grads != null) {
                                for (int k = 0; k < D; k++) {
                                    grads[t * D + k] += a[j] * w[j * D + k];
                                }
                            }
                        }
                    }
                    values[t] = v / Math.sqrt(m);
                    if (grads != null) {
                        for (int k = 0; k < D; k++) {
                            grads[t * D + k] /= Math.sqrt(m);
                        }
                    }
                }
            }
        };
        double[] x = gaussian(r, D * COUNT);
        double[] target = gaussian(r, COUNT);
        double alpha = 0.5;
        for (Ball ball : Ball.values()) {
            Pgd.Result res = Pgd.of(ball, alpha, 30, 2).attack(f, COUNT, x, target, 2, 0, 0);
            for (int t = 0; t < COUNT; t++) {
                double[] xt = slice(x, t);
                double clean = Math.pow(f.value(xt) - target[t], 2);
                assertThat(res.worst()[t]).isGreaterThanOrEqualTo(clean);
                double best = 0;
                for (int k = 0; k < 100; k++) {
                    double[] dlt = gaussian(r, D);
                    double nrm = LinearWorstCase.norm(dlt, 2);
                    double[] xp = xt.clone();
                    for (int c = 0; c < D; c++) {
                        xp[c] += ball == Ball.L2 ? alpha * dlt[c] / nrm : alpha * Math.signum(dlt[c]);
                    }
                    best = Math.max(best, Math.pow(f.value(xp) - target[t], 2));
                }
                assertThat(res.worst()[t]).isGreaterThanOrEqualTo(best);
                // the returned perturbation is feasible and attains the reported value
                double[] dl = slice(res.delta(), t);
                double size = ball == Ball.L2 ? LinearWorstCase.norm(dl, 2) : LinearWorstCase.norm(dl, Double.POSITIVE_INFINITY);
                assertThat(size).isLessThanOrEqualTo(alpha * (1 + 1e-12));
                double[] xp = xt.clone();
                for (int c = 0; c < D; c++) {
                    xp[c] += dl[c];
                }
                assertThat(Math.pow(f.value(xp) - target[t], 2)).isEqualTo(res.worst()[t]);
            }
        }
    }

    @Test
    void restartsAreKeyedNotThreaded() {
        SplittableRandom r = new SplittableRandom(3);
        LinearPredictor f = new LinearPredictor(gaussian(r, D));
        double[] x = gaussian(r, D * COUNT);
        double[] target = gaussian(r, COUNT);
        Pgd pgd = Pgd.of(Ball.L2, 0.2, 5, 4);
        assertThat(pgd.attack(f, COUNT, x, target, 7, 1, 3).delta())
                .containsExactly(pgd.attack(f, COUNT, x, target, 7, 1, 3).delta());
    }

    private static double[] slice(double[] x, int t) {
        return java.util.Arrays.copyOfRange(x, t * D, (t + 1) * D);
    }
}
