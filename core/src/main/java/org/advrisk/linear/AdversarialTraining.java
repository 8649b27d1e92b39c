package org.advrisk.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.advrisk.linalg.Blas;

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
 * <p><b>Fallback when it stalls</b> (l∞ training: coordinates of θ and residuals converge to 0 only
 * linearly). Every 20 iterations an active-set step is tried: with the signs of θ and r and the sets
 * of zero coordinates and zero residuals read off the iterate (several thresholds), F is a quadratic
 * on that piece and its minimum subject to r_Z = 0 is one linear KKT solve. The candidate is kept only
 * if F decreases, and its KKT multipliers give a dual vector whose gap certifies it. Nothing is
 * trusted without the gap: the status says which route closed it.
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

    private static final int POLISH_EVERY = 20;
    /** Iterations without a decrease of F (beyond rounding) after which the solver gives up. */
    private static final int STALL = 50;
    private static final double RESTART_MIX = 1e-3;
    private static final double R_FLOOR = 1e-12;

    private final AdvTrainData data;
    private final AttackNorm attack;
    private final double q;
    private final Options options;
    private final boolean dualMode;
    private double[] gram;
    private AdvTrainThresholds thresholds;
    private double[] mnAlpha;
    private double mnB;

    /**
     * @param attack the training attack: {@link AttackNorm#L2} (q = 2) or {@link AttackNorm#LINF} (q = 1)
     */
    public AdversarialTraining(AdvTrainData data, AttackNorm attack, Options options) {
        if (!attack.equals(AttackNorm.L2) && !attack.equals(AttackNorm.LINF)) {
            throw new IllegalArgumentException("train-attack: " + attack.label() + " is not supported; allowed: l2, linf");
        }
        this.data = data;
        this.attack = attack;
        this.q = attack.q();
        this.options = options;
        this.dualMode = data.p() > data.n();
    }

    /** The training attack. */
    public AttackNorm attack() {
        return attack;
    }

    /** δ₀ and δ̄ of this training set (computed once). */
    public synchronized AdvTrainThresholds thresholds() {
        if (thresholds == null) {
            thresholds = computeThresholds();
        }
        return thresholds;
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
        State warm = null;
        for (int idx : order) {
            double delta = deltas[idx];
            AdvTrainFit fit;
            if (delta >= th.delta0()) {
                fit = zeroFit(delta);
            } else if (q == 2 && dualMode && delta <= th.deltaBar()) {
                fit = interpolatorFit(delta);
                warm = null;
            } else {
                State start = warm != null ? warm : ridgeStart(delta);
                Result res = iterate(delta, start);
                warm = res.state;
                fit = res.fit;
            }
            out[idx] = fit;
        }
        return new AdvTrainPath(attack, th, Arrays.asList(out));
    }

    // ------------------------------------------------------------------ thresholds and closed forms

    private AdvTrainThresholds computeThresholds() {
        int n = data.n();
        double[] yc = centredY();
        double l1 = 0;
        for (double v : yc) {
            l1 += Math.abs(v);
        }
        double delta0 = l1 > 0 ? Norms.lq(data.xtv(yc), attack.p()) / l1 : 0;
        if (!dualMode) {
            return new AdvTrainThresholds(delta0, Double.NaN, "p <= n: no interpolation regime");
        }
        if (q == 2) {
            double[] k = gram().clone();
            if (!Blas.potrfLowerInPlace(n, k)) {
                return new AdvTrainThresholds(delta0, Double.NaN, "XXᵀ is singular: no unique interpolator");
            }
            double[] rhs = new double[2 * n];
            System.arraycopy(data.y(), 0, rhs, 0, n);
            Arrays.fill(rhs, n, 2 * n, 1.0);
            Blas.potrsLower(n, 2, k, rhs);
            double b = 0;
            if (data.intercept()) {
                double num = 0;
                double den = 0;
                for (int i = 0; i < n; i++) {
                    num += rhs[i];
                    den += rhs[n + i];
                }
                b = num / den;
            }
            double[] alpha = new double[n];
            double tt = 0;
            double amax = 0;
            for (int i = 0; i < n; i++) {
                alpha[i] = rhs[i] - b * rhs[n + i];
                tt += alpha[i] * (data.y()[i] - b);
                amax = Math.max(amax, Math.abs(alpha[i]));
            }
            mnAlpha = alpha;
            mnB = b;
            double bar = amax > 0 ? Math.sqrt(Math.max(tt, 0)) / (n * amax) : Double.NaN;
            return new AdvTrainThresholds(delta0, bar, Double.isNaN(bar) ? "y is constant" : "");
        }
        double[] a = MinL1Interpolation.dualSolution(data);
        if (a == null) {
            return new AdvTrainThresholds(delta0, Double.NaN, "min-l1 interpolation LP not solved for n·p > "
                    + MinL1Interpolation.MAX_ENTRIES);
        }
        double amax = 0;
        for (double v : a) {
            amax = Math.max(amax, Math.abs(v));
        }
        return new AdvTrainThresholds(delta0, amax > 0 ? 1 / (n * amax) : Double.NaN, "");
    }

    private double[] centredY() {
        double[] yc = data.y().clone();
        if (data.intercept()) {
            double mean = mean(yc);
            for (int i = 0; i < yc.length; i++) {
                yc[i] -= mean;
            }
        }
        return yc;
    }

    private AdvTrainFit zeroFit(double delta) {
        double b = data.intercept() ? mean(data.y()) : 0;
        double[] theta = new double[data.p()];
        double[] r = data.residuals(theta, b);
        double f = AdvTrainCertificate.objective(r, 0, delta);
        double d = AdvTrainCertificate.lowerBound(data, r, delta, attack.p());
        return new AdvTrainFit(delta, theta, b, f, Math.min(d, f), 0, AdvTrainStatus.ZERO);
    }

    private AdvTrainFit interpolatorFit(double delta) {
        double[] theta = data.xtv(mnAlpha);
        double[] r = data.residuals(theta, mnB);
        double f = AdvTrainCertificate.objective(r, Norms.lq(theta, 2), delta);
        double d = AdvTrainCertificate.lowerBound(data, mnAlpha, delta, attack.p());
        return new AdvTrainFit(delta, theta, mnB, f, Math.min(d, f), 0, AdvTrainStatus.INTERPOLATOR);
    }

    // ------------------------------------------------------------------ the reweighted ridge

    /** Current iterate: θ, b and the residuals r = y − b − Xθ. */
    private record State(double[] theta, double b, double[] r) {
    }

    /** One weighted-ridge solution and its dual vector w = Ω r. */
    private record Step(double[] theta, double b, double[] r, double[] w) {
    }

    private record Result(AdvTrainFit fit, State state) {
    }

    private State ridgeStart(double delta) {
        int n = data.n();
        int p = data.p();
        double[] eta = new double[n];
        Arrays.fill(eta, 0.5);
        double[] nu = null;
        if (q == 1) {
            nu = new double[p];
            Arrays.fill(nu, 1.0 / p);
        }
        // η = 1/2 everywhere: (2/n)‖r‖² + 2δ²‖θ‖² (ν uniform: p·δ² per coordinate), a plain ridge.
        Step s = solve(eta, nu, 2 * delta * delta);
        return new State(s.theta, s.b, s.r);
    }

    private Result iterate(double delta, State start) {
        int n = data.n();
        int p = data.p();
        double[] theta = start.theta;
        double b = start.b;
        double[] r = start.r;
        double t = Norms.lq(theta, q);
        if (!(t > 0)) {
            State s = ridgeStart(delta);
            theta = s.theta;
            b = s.b;
            r = s.r;
            t = Norms.lq(theta, q);
        }
        double f = AdvTrainCertificate.objective(r, t, delta); // best F so far, at (keepTheta, keepB)
        double[] keepTheta = theta;
        double keepB = b;
        double lower = 0;
        int stagnant = 0;
        int it = 0;
        AdvTrainStatus status = AdvTrainStatus.MAX_ITER;
        while (it < options.maxIterations()) {
            it++;
            boolean mix = it == 1;
            double[] eta = new double[n];
            double l1r = 0;
            double rmax = 0;
            for (double v : r) {
                rmax = Math.max(rmax, Math.abs(v));
            }
            // Residuals are floored at 1e-12 of their scale in the weights: any η in (0, 1) gives a valid
            // bound, and without the floor a residual at 0 stays at 0 (η = 0 forces interpolation).
            double floor = R_FLOOR * (rmax + delta * t);
            for (int i = 0; i < n; i++) {
                double a = Math.max(Math.abs(r[i]), floor);
                l1r += a;
                eta[i] = a / (a + delta * t);
                if (mix) {
                    eta[i] = (1 - RESTART_MIX) * eta[i] + RESTART_MIX * 0.5;
                }
            }
            double mu;
            if (mix) {
                double c = 0;
                for (double e : eta) {
                    c += 1 / (1 - e);
                }
                mu = delta * delta * c / n;
            } else {
                mu = delta * delta + delta * l1r / (n * t); // δ²C with C = 1 + ‖r‖₁/(nδt)
            }
            double[] nu = null;
            if (q == 1) {
                nu = new double[p];
                double l1 = Norms.lq(theta, 1);
                for (int j = 0; j < p; j++) {
                    nu[j] = Math.abs(theta[j]) / l1;
                    if (mix) {
                        nu[j] = (1 - RESTART_MIX) * nu[j] + RESTART_MIX / p;
                    }
                }
            }
            Step step = solve(eta, nu, mu);
            lower = Math.max(lower, AdvTrainCertificate.lowerBound(data, step.w, delta, attack.p()));
            // Extrapolate along the step while F decreases.
            double[] dTheta = new double[p];
            double[] dr = new double[n];
            for (int j = 0; j < p; j++) {
                dTheta[j] = step.theta[j] - theta[j];
            }
            for (int i = 0; i < n; i++) {
                dr[i] = step.r[i] - r[i];
            }
            double bestS = 1;
            double bestF = AdvTrainCertificate.objective(step.r, Norms.lq(step.theta, q), delta);
            for (double s = 2; s <= (1 << 20); s *= 2) {
                double fs = objectiveAlong(theta, r, dTheta, dr, s, delta);
                if (fs < bestF) {
                    bestF = fs;
                    bestS = s;
                } else {
                    break;
                }
            }
            if (bestF > f * (1 + 4e-16)) {
                bestS = 1; // the floored bound may not decrease F: take the plain step, keep the best point
            }
            {
                if (bestS == 1) {
                    theta = step.theta;
                    b = step.b;
                    r = step.r;
                } else {
                    double[] nt = new double[p];
                    for (int j = 0; j < p; j++) {
                        nt[j] = theta[j] + bestS * dTheta[j];
                    }
                    b = b + bestS * (step.b - b);
                    theta = nt;
                    r = data.residuals(theta, b);
                }
                t = Norms.lq(theta, q);
                double fNew = AdvTrainCertificate.objective(r, t, delta);
                stagnant = fNew < f * (1 - 1e-15) ? 0 : stagnant + 1;
                if (fNew < f) {
                    f = fNew;
                    keepTheta = theta;
                    keepB = b;
                }
            }
            if (gap(f, lower) > options.tolerance() && (stagnant > 0 || it % 10 == 0)) {
                // Second dual candidate from the accepted point itself: w = r + δ‖θ‖ sign(r).
                double[] w2 = new double[n];
                for (int i = 0; i < n; i++) {
                    w2[i] = r[i] + delta * t * (r[i] >= 0 ? 1 : -1);
                }
                lower = Math.max(lower, AdvTrainCertificate.lowerBound(data, w2, delta, attack.p()));
            }
            if (q == 2 && gap(f, lower) > options.tolerance() && (stagnant == 1 || it % POLISH_EVERY == 0)) {
                lower = Math.max(lower, KktDual.lowerBound(data, theta, r, delta, dualMode ? gram() : null));
            }
            if (gap(f, lower) <= options.tolerance()) {
                status = AdvTrainStatus.CONVERGED;
                break;
            }
            boolean last = it == options.maxIterations() || stagnant >= STALL;
            if (q == 1 && (it % POLISH_EVERY == 0 || last)) {
                ActiveSetStep.Candidate c = ActiveSetStep.best(data, theta, b, r, delta);
                if (c != null) {
                    lower = Math.max(lower, c.lowerBound());
                    if (c.objective() < f) {
                        theta = c.theta();
                        b = c.b();
                        r = data.residuals(theta, b);
                        t = Norms.lq(theta, q);
                        f = AdvTrainCertificate.objective(r, t, delta);
                        keepTheta = theta;
                        keepB = b;
                        stagnant = 0;
                    }
                    if (gap(f, lower) <= options.tolerance()) {
                        status = AdvTrainStatus.POLISHED;
                        break;
                    }
                }
            }
            if (stagnant >= STALL || !(t > 0)) {
                status = AdvTrainStatus.STALLED;
                break;
            }
        }
        AdvTrainFit fit = new AdvTrainFit(delta, keepTheta.clone(), keepB, f, Math.min(lower, f), it, status);
        return new Result(fit, new State(keepTheta, keepB, data.residuals(keepTheta, keepB)));
    }

    private double objectiveAlong(double[] theta, double[] r, double[] dTheta, double[] dr, double s, double delta) {
        double[] th = new double[theta.length];
        for (int j = 0; j < th.length; j++) {
            th[j] = theta[j] + s * dTheta[j];
        }
        double[] rs = new double[r.length];
        for (int i = 0; i < rs.length; i++) {
            rs[i] = r[i] + s * dr[i];
        }
        return AdvTrainCertificate.objective(rs, Norms.lq(th, q), delta);
    }

    private static double gap(double f, double lower) {
        return f > 0 ? (f - lower) / f : 0;
    }

    /**
     * Minimises (1/n) Σ r_i²/η_i + μ Σ θ_j²/ν_j (ν ≡ 1 when null) over θ and the free intercept.
     */
    private Step solve(double[] eta, double[] nu, double mu) {
        return dualMode ? solveDual(eta, nu, mu) : solvePrimal(eta, nu, mu);
    }

    private double[] gram() {
        if (gram == null) {
            int n = data.n();
            double[] k = new double[n * n];
            Blas.syrkLower(n, data.p(), 1.0, data.x(), 0.0, k);
            Blas.symmetrizeLower(n, k);
            gram = k;
        }
        return gram;
    }

    /** (X D_ν Xᵀ + nμ D_η)α + b1 = y, 1ᵀα = 0; θ = D_ν Xᵀα; w = nμα. */
    private Step solveDual(double[] eta, double[] nu, double mu) {
        int n = data.n();
        int p = data.p();
        double[] a;
        if (nu == null) {
            a = gram().clone();
        } else {
            double[] xs = data.x().clone();
            double[] sq = new double[p];
            for (int j = 0; j < p; j++) {
                sq[j] = Math.sqrt(nu[j]);
            }
            FeatureBlocks.scaleColumns(xs, n, p, sq);
            a = new double[n * n];
            Blas.syrkLower(n, p, 1.0, xs, 0.0, a);
        }
        for (int i = 0; i < n; i++) {
            a[i + i * n] += n * mu * eta[i];
        }
        double[] rhs = new double[2 * n];
        System.arraycopy(data.y(), 0, rhs, 0, n);
        Arrays.fill(rhs, n, 2 * n, 1.0);
        cholSolve(n, a, rhs, 2);
        double b = 0;
        if (data.intercept()) {
            double num = 0;
            double den = 0;
            for (int i = 0; i < n; i++) {
                num += rhs[i];
                den += rhs[n + i];
            }
            b = num / den;
        }
        double[] alpha = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            alpha[i] = rhs[i] - b * rhs[n + i];
            w[i] = n * mu * alpha[i];
        }
        double[] theta = data.xtv(alpha);
        if (nu != null) {
            for (int j = 0; j < p; j++) {
                theta[j] *= nu[j];
            }
        }
        return new Step(theta, b, data.residuals(theta, b), w);
    }

    /**
     * Primal weighted ridge in u = (φ, b), θ = D_ν^{1/2}φ, rows Â = [X D_ν^{1/2}, 1]. Rows with
     * η_i < {@code Z_ETA} enter through multipliers λ_i = r_i/η_i:
     * H u = g + Â_Zᵀλ, (Â_Z H⁻¹ Â_Zᵀ + D_η,Z) λ = y_Z − Â_Z H⁻¹ g.
     */
    private Step solvePrimal(double[] eta, double[] nu, double mu) {
        final double zEta = 1e-6;
        int n = data.n();
        int p = data.p();
        int m = p + (data.intercept() ? 1 : 0);
        double[] x = data.x();
        double[] y = data.y();
        double[] sq = new double[p];
        for (int j = 0; j < p; j++) {
            sq[j] = nu == null ? 1 : Math.sqrt(nu[j]);
        }
        List<Integer> rowsN = new ArrayList<>();
        List<Integer> rowsZ = new ArrayList<>();
        int maxEta = 0;
        for (int i = 0; i < n; i++) {
            (eta[i] >= zEta ? rowsN : rowsZ).add(i);
            if (eta[i] > eta[maxEta]) {
                maxEta = i;
            }
        }
        if (rowsN.isEmpty()) {
            rowsN.add(maxEta);
            rowsZ.remove(Integer.valueOf(maxEta));
        }
        int nn = rowsN.size();
        int nz = rowsZ.size();
        double[] bn = new double[nn * m];
        double[] ys = new double[nn];
        for (int k = 0; k < nn; k++) {
            int i = rowsN.get(k);
            double sw = Math.sqrt(1 / eta[i]);
            for (int j = 0; j < p; j++) {
                bn[k + j * nn] = sw * x[i + j * n] * sq[j];
            }
            if (data.intercept()) {
                bn[k + p * nn] = sw;
            }
            ys[k] = sw * y[i];
        }
        double[] h = new double[m * m];
        Blas.syrkLowerTrans(nn, m, 1.0, bn, 0.0, h);
        for (int j = 0; j < p; j++) {
            h[j + j * m] += n * mu;
        }
        double[] g = new double[m];
        Blas.gemv(true, nn, m, 1.0, bn, ys, 0.0, g);
        double[] hFactor = h.clone();
        if (!Blas.potrfLowerInPlace(m, hFactor)) {
            jitter(m, h);
            hFactor = h.clone();
            if (!Blas.potrfLowerInPlace(m, hFactor)) {
                throw new ArithmeticException("adversarial training: weighted ridge system not positive definite");
            }
        }
        double[] u = g.clone();
        Blas.potrsLower(m, 1, hFactor, u);
        double[] lambda = new double[nz];
        if (nz > 0) {
            double[] az = new double[nz * m]; // Â_Z, nz×m
            for (int k = 0; k < nz; k++) {
                int i = rowsZ.get(k);
                for (int j = 0; j < p; j++) {
                    az[k + j * nz] = x[i + j * n] * sq[j];
                }
                if (data.intercept()) {
                    az[k + p * nz] = 1;
                }
            }
            double[] hiAzT = new double[m * nz]; // H⁻¹Â_Zᵀ, m×nz
            for (int k = 0; k < nz; k++) {
                for (int j = 0; j < m; j++) {
                    hiAzT[j + k * m] = az[k + j * nz];
                }
            }
            Blas.potrsLower(m, nz, hFactor, hiAzT);
            double[] s = new double[nz * nz];
            Blas.gemm(false, false, nz, nz, m, 1.0, az, hiAzT, 0.0, s);
            for (int k = 0; k < nz; k++) {
                s[k + k * nz] += eta[rowsZ.get(k)];
            }
            double[] rhs = new double[nz];
            Blas.gemv(false, nz, m, -1.0, az, u, 0.0, rhs);
            for (int k = 0; k < nz; k++) {
                rhs[k] += y[rowsZ.get(k)];
            }
            cholSolve(nz, s, rhs, 1);
            lambda = rhs;
            Blas.gemv(false, m, nz, 1.0, hiAzT, lambda, 1.0, u);
        }
        double[] theta = new double[p];
        for (int j = 0; j < p; j++) {
            theta[j] = sq[j] * u[j];
        }
        double b = data.intercept() ? u[p] : 0;
        double[] r = data.residuals(theta, b);
        double[] w = new double[n];
        for (int k = 0; k < nn; k++) {
            int i = rowsN.get(k);
            w[i] = r[i] / eta[i];
        }
        for (int k = 0; k < nz; k++) {
            w[rowsZ.get(k)] = lambda[k];
        }
        return new Step(theta, b, r, w);
    }

    /** Solves the SPD system a·x = rhs (nrhs columns) in place of rhs, with one jitter retry. */
    private static void cholSolve(int n, double[] a, double[] rhs, int nrhs) {
        double[] f = a.clone();
        if (!Blas.potrfLowerInPlace(n, f)) {
            jitter(n, a);
            f = a.clone();
            if (!Blas.potrfLowerInPlace(n, f)) {
                throw new ArithmeticException("adversarial training: a weighted ridge system of size " + n
                        + " is not positive definite");
            }
        }
        Blas.potrsLower(n, nrhs, f, rhs);
    }

    /** Adds 1e-13·(mean diagonal) to the diagonal (only when a Cholesky failed by rounding). */
    private static void jitter(int n, double[] a) {
        double tr = 0;
        for (int i = 0; i < n; i++) {
            tr += a[i + i * n];
        }
        double e = 1e-13 * Math.max(tr / n, Double.MIN_NORMAL);
        for (int i = 0; i < n; i++) {
            a[i + i * n] += e;
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
