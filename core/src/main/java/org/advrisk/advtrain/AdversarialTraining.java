package org.advrisk.advtrain;

import java.util.Arrays;
import java.util.Comparator;
import org.advrisk.model.AttackNorm;

/**
 * Adversarial training of a linear model, θ̂_δ = argmin_{θ,b} F(θ, b) with
 * F = (1/n) Σ_i (|y_i − b − x_iᵀθ| + δ‖θ‖_q)², q the dual exponent of the attack (q = 2 for an l2
 * attack, q = 1 for an l∞ attack). F is convex: it is the exact worst-case training MSE under
 * perturbations ‖Δx_i‖_p ≤ δ.
 *
 * <p><b>Algorithm: iteratively reweighted ridge.</b> From (a + c)² = min_{η∈(0,1)} a²/η + c²/(1 − η),
 * F ≤ (1/n) Σ r_i²/η_i + δ²C‖θ‖_q² with C = (1/n) Σ 1/(1 − η_i), with equality at
 * η_i = |r_i|/(|r_i| + δ‖θ‖_q); for q = 1 also ‖θ‖₁² ≤ Σ θ_j²/ν_j (ν in the simplex, equality at
 * ν_j = |θ_j|/‖θ‖₁). Minimising the bound for fixed (η, ν) is a ridge with row weights 1/η and
 * per-coordinate penalties δ²C/ν_j (intercept unpenalised), so each step decreases F
 * (majorise–minimise). The ridge is solved in the dual, (X D_ν Xᵀ + nμ D_η)α + b1 = y, 1ᵀα = 0,
 * θ = D_ν Xᵀα, when p > n (n×n Cholesky; stays well posed as η_i → 0, the interpolation limit), and
 * in the primal when p ≤ n, with the rows of tiny η_i (weights blowing up) moved into a Schur
 * complement so that the system stays well conditioned. After every step the point is extrapolated
 * along the step direction (s = 2, 4, 8, … while F decreases: a line search on the convex F that only
 * accelerates). The first δ of a path starts from ridge at λ = δ²; later ones from the previous δ.
 *
 * <p><b>Stopping rule: the duality gap.</b> For every w with 1ᵀw = 0 (with an intercept), weak duality
 * gives a lower bound D(w) ≤ min F (see {@code AdvTrainCertificate}); the reweighted ridge provides
 * w = r/η = Ω r, which tends to the optimal dual vector. The iteration stops when the relative gap
 * (F − max D)/F ≤ tolerance: a certificate that F is within that relative distance of the minimum,
 * unlike a small step or a small change of F, which a slow MM iteration also shows far from the
 * optimum. The gap and the iteration count are reported per δ.
 *
 * <p><b>Active-set step</b> (the reweighting converges only linearly where coordinates of θ or
 * residuals go to 0). l∞ training ({@code ActiveSetStep}), every 20 iterations: with the signs of θ and r
 * and the sets of zero coordinates and zero residuals read off the iterate (several thresholds), F is a
 * quadratic on that piece and its minimum subject to r_Z = 0 is one linear KKT solve. l2 training
 * ({@code L2ActiveSetStep}), at iteration 2 and every 20: F is smooth on each piece, so Newton's method
 * (one KKT solve per step, at most n + 1 unknowns in the row space of X) minimises it while residuals
 * join and leave the zero set. A candidate is kept only if F decreases, and its KKT multipliers give a
 * dual vector whose gap certifies it. Nothing is trusted without the gap: the status says which route
 * closed it.
 *
 * <p><b>Closed forms.</b> δ ≥ δ₀ gives θ̂ = 0; for l2 training and p > n, δ ≤ δ̄ gives the minimum-norm
 * interpolator directly (see {@link AdvTrainThresholds}); both are certified by the same gap.
 */
public final class AdversarialTraining {
    /**
     * Solver settings.
     *
     * @param tolerance     relative duality gap at which to stop (> 0)
     * @param maxIterations cap on reweighted-ridge iterations per δ (≥ 1)
     */
    public record Options(double tolerance, int maxIterations) {
        /** Relative gap 1e-12 (the residual floor of the weights limits it to about that) and 5000 iterations. */
        public static final Options DEFAULT = new Options(1e-12, 5000);

        public Options {
            if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
                throw new IllegalArgumentException("tolerance: " + tolerance + " must be finite and > 0");
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("max-iterations: " + maxIterations + " must be >= 1");
            }
        }
    }

    private final AttackNorm attack;
    private final boolean dualMode;
    private final AdvTrainClosedForms closedForms;
    private final ReweightedRidge iteration;

    /**
     * @param attack the training attack: {@link AttackNorm#L2} (q = 2) or {@link AttackNorm#LINF} (q = 1)
     */
    public AdversarialTraining(AdvTrainData data, AttackNorm attack, Options options) {
        if (!org.advrisk.model.AttackNorms.isTrainable(attack)) {
            throw new IllegalArgumentException("train-attack: " + attack.label() + " is not supported; allowed: "
                    + String.join(", ", org.advrisk.model.AttackNorms.trainable()));
        }
        this.attack = attack;
        WeightedRidge ridge = new WeightedRidge(data);
        this.dualMode = ridge.dualMode();
        this.closedForms = new AdvTrainClosedForms(data, attack, ridge);
        this.iteration = new ReweightedRidge(data, attack, options, ridge);
    }

    /** The training attack. */
    public AttackNorm attack() {
        return attack;
    }

    /** δ₀ and δ̄ of this training set (computed once). */
    public AdvTrainThresholds thresholds() {
        return closedForms.thresholds();
    }

    /** Fits a single δ from a cold start. */
    public AdvTrainFit fit(double delta) {
        return path(new double[] {delta}).fits().get(0);
    }

    /**
     * Fits every δ (> 0, finite), visiting them in increasing order with warm starts; the fits come
     * back in the order requested.
     */
    public AdvTrainPath path(double[] deltas) {
        if (deltas.length == 0) {
            throw new IllegalArgumentException("delta: at least one value is needed");
        }
        for (double d : deltas) {
            if (!(d > 0) || !Double.isFinite(d)) {
                throw new IllegalArgumentException("delta: " + d + " must be finite and > 0 (delta = 0 is least"
                        + " squares: use the ridge estimator with lambda 0)");
            }
        }
        AdvTrainThresholds th = thresholds();
        Integer[] order = new Integer[deltas.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> deltas[i]));
        AdvTrainFit[] out = new AdvTrainFit[deltas.length];
        ReweightedRidge.State warm = null;
        for (int idx : order) {
            double delta = deltas[idx];
            AdvTrainFit fit;
            if (delta >= th.delta0()) {
                fit = closedForms.zeroFit(delta);
            } else if (attack.q() == 2 && dualMode && delta <= th.deltaBar()) {
                fit = closedForms.interpolatorFit(delta);
                warm = null;
            } else {
                ReweightedRidge.State start = warm != null ? warm : iteration.ridgeStart(delta);
                ReweightedRidge.Result res = iteration.iterate(delta, start);
                warm = res.state();
                fit = res.fit();
            }
            out[idx] = fit;
        }
        return new AdvTrainPath(attack, th, Arrays.asList(out));
    }
}
