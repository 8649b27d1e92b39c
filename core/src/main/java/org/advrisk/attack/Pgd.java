package org.advrisk.attack;

import java.util.SplittableRandom;
import org.advrisk.random.Purpose;
import org.advrisk.random.RandomStreams;

/**
 * Projected gradient ascent on the squared error (f(x+δ) − target)² over the ball ‖δ‖ ≤ α
 * (docs/ntk.md §5). Since sup (f − t)² = max((sup f − t)², (t − inf f)²), every start is run twice: once
 * pushing f up and once pushing it down (following the sign of the current error instead gets stuck
 * on the side where the clean error happens to lie). Starts: δ = 0, then {@code restarts} random
 * points of the ball; every run takes {@code steps} steps of size {@code stepFactor}·α/steps along
 * the normalised gradient (l2) or its sign (linf), projecting back onto the ball after each step. The best
 * perturbation over all iterates of all runs is kept, so the result is never below the clean error
 * (the first iterate is δ = 0) and never above the true supremum (every iterate is feasible).
 *
 * <p>Random starts are drawn from the stream (seed, trial, {@link Purpose#ATTACK}, block): the
 * caller keys a batch of test points by its block, so results do not depend on threads.
 *
 * @param ball       l2 or linf
 * @param alpha      the budget α ≥ 0
 * @param steps      gradient steps per run, ≥ 1
 * @param restarts   random restarts after the run from δ = 0, ≥ 0
 * @param stepFactor step size in units of α/steps (2.5 by default)
 */
public record Pgd(Ball ball, double alpha, int steps, int restarts, double stepFactor) {
    /** Default step size factor: steps of 2.5α/T can cross the ball and come back. */
    public static final double DEFAULT_STEP_FACTOR = 2.5;

    public Pgd {
        org.advrisk.param.Parameters.ALPHA.check(alpha);
        if (steps < 1) {
            throw new IllegalArgumentException("steps: " + steps + " must be >= 1");
        }
        if (restarts < 0) {
            throw new IllegalArgumentException("restarts: " + restarts + " must be >= 0");
        }
        if (!(stepFactor > 0) || !Double.isFinite(stepFactor)) {
            throw new IllegalArgumentException("stepFactor: " + stepFactor + " must be finite and > 0");
        }
    }

    /** PGD with the default step size 2.5α/T. */
    public static Pgd of(Ball ball, double alpha, int steps, int restarts) {
        return new Pgd(ball, alpha, steps, restarts, DEFAULT_STEP_FACTOR);
    }

    /**
     * The attack's outcome for a batch of points.
     *
     * @param worst the best squared error found, per point
     * @param clean the clean squared error, per point
     * @param delta the perturbation attaining {@code worst}, d×count column-major
     */
    public record Result(double[] worst, double[] clean, double[] delta) {
    }

    /**
     * Attacks the columns of xs (d×count) against the given targets.
     *
     * @param block key of this batch's random stream (e.g. the batch index)
     */
    public Result attack(Predictor f, int count, double[] xs, double[] targets, long seed, long trial, long block) {
        int d = f.dim();
        if (xs.length < (long) d * count || targets.length < count) {
            throw new IllegalArgumentException("attack: batch arrays too short for d=" + d + ", count=" + count);
        }
        double[] best = new double[count];
        double[] clean = new double[count];
        double[] bestDelta = new double[d * count];
        double[] delta = new double[d * count];
        double[] point = new double[d * count];
        double[] values = new double[count];
        double[] grads = new double[d * count];
        double eta = stepFactor * alpha / steps;
        SplittableRandom rng = RandomStreams.stream(seed, trial, Purpose.ATTACK, block);
        java.util.Arrays.fill(best, -1);
        double[] start = new double[d * count];
        for (int run = 0; run < 2 * (restarts + 1); run++) {
            double direction = run % 2 == 0 ? 1 : -1;
            if (run % 2 == 0) {
                if (run == 0) {
                    java.util.Arrays.fill(start, 0.0);
                } else {
                    randomStart(rng, d, count, start);
                }
            }
            System.arraycopy(start, 0, delta, 0, delta.length);
            for (int step = 0; step <= steps; step++) {
                for (int i = 0; i < point.length; i++) {
                    point[i] = xs[i] + delta[i];
                }
                boolean last = step == steps || alpha == 0;
                f.evaluate(count, point, values, last ? null : grads);
                for (int t = 0; t < count; t++) {
                    double e = values[t] - targets[t];
                    double sq = e * e;
                    if (run == 0 && step == 0) {
                        clean[t] = sq;
                    }
                    if (sq > best[t]) {
                        best[t] = sq;
                        System.arraycopy(delta, t * d, bestDelta, t * d, d);
                    }
                }
                if (last) {
                    break;
                }
                ascend(d, count, direction, grads, delta, eta);
            }
            if (alpha == 0) {
                break;
            }
        }
        return new Result(best, clean, bestDelta);
    }

    private void ascend(int d, int count, double sign, double[] grads, double[] delta, double eta) {
        for (int t = 0; t < count; t++) {
            int off = t * d;
            if (ball == Ball.L2) {
                double nrm = 0;
                for (int k = 0; k < d; k++) {
                    nrm += grads[off + k] * grads[off + k];
                }
                nrm = Math.sqrt(nrm);
                if (nrm > 0) {
                    double s = sign * eta / nrm;
                    for (int k = 0; k < d; k++) {
                        delta[off + k] += s * grads[off + k];
                    }
                }
                projectL2(delta, off, d);
            } else {
                for (int k = 0; k < d; k++) {
                    double g = grads[off + k];
                    double v = delta[off + k] + sign * eta * Math.signum(g);
                    delta[off + k] = Math.max(-alpha, Math.min(alpha, v));
                }
            }
        }
    }

    private void projectL2(double[] delta, int off, int d) {
        double nrm = 0;
        for (int k = 0; k < d; k++) {
            nrm += delta[off + k] * delta[off + k];
        }
        nrm = Math.sqrt(nrm);
        if (nrm > alpha) {
            double s = alpha / nrm;
            for (int k = 0; k < d; k++) {
                delta[off + k] *= s;
            }
        }
    }

    /** A random point of the ball: uniform direction at radius α (l2), uniform in the cube (linf). */
    private void randomStart(SplittableRandom rng, int d, int count, double[] delta) {
        for (int t = 0; t < count; t++) {
            int off = t * d;
            if (ball == Ball.L2) {
                double nrm = 0;
                for (int k = 0; k < d; k++) {
                    double g = rng.nextGaussian();
                    delta[off + k] = g;
                    nrm += g * g;
                }
                double s = nrm > 0 ? alpha / Math.sqrt(nrm) : 0;
                for (int k = 0; k < d; k++) {
                    delta[off + k] *= s;
                }
            } else {
                for (int k = 0; k < d; k++) {
                    delta[off + k] = alpha * (2 * rng.nextDouble() - 1);
                }
            }
        }
    }
}
