package org.advrisk.advtrain;

import java.util.Arrays;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.Norms;

/**
 * The iteration of adversarial training at one δ: iteratively reweighted ridge (majorise–minimise from
 * the η-trick, and the ν-trick for ‖θ‖₁²), every step extrapolated while F decreases, stopped on the
 * certified relative duality gap, with the active-set step as fallback when the reweighting stalls
 * (see {@link AdversarialTraining} for the method).
 */
final class ReweightedRidge {
    /** Iterations between two tries of the fallback (active-set step, KKT dual). */
    static final int POLISH_EVERY = 20;
    /** Iterations without a decrease of F (beyond rounding) after which the solver gives up. */
    private static final int STALL = 50;
    private static final double RESTART_MIX = 1e-3;
    private static final double R_FLOOR = 1e-12;
    /** l2 training tries its active-set step already at this iteration (from the warm start it often closes the gap). */
    private static final int FIRST_L2_POLISH = 2;

    /** An iterate: θ, b and the residuals r = y − b − Xθ. */
    record State(double[] theta, double b, double[] r) {
    }

    /** A fit and the point to warm-start the next δ from. */
    record Result(AdvTrainFit fit, State state) {
    }

    private final AdvTrainData data;
    private final AttackNorm attack;
    private final double q;
    private final AdversarialTraining.Options options;
    private final WeightedRidge ridge;
    /** The l2 active-set Newton step (null for l∞ training). */
    private final L2ActiveSetStep newton;

    ReweightedRidge(AdvTrainData data, AttackNorm attack, AdversarialTraining.Options options, WeightedRidge ridge) {
        this.data = data;
        this.attack = attack;
        this.q = attack.q();
        this.options = options;
        this.ridge = ridge;
        this.newton = q == 2 ? new L2ActiveSetStep(data, ridge) : null;
    }

    /** The cold start at δ: η = 1/2 everywhere (ν uniform), a plain ridge at λ = 2δ². */
    State ridgeStart(double delta) {
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
        WeightedRidge.Step s = ridge.solve(eta, nu, 2 * delta * delta);
        return new State(s.theta(), s.b(), s.r());
    }

    /** Iterates from {@code start} until the gap tolerance, a stall or the iteration cap. */
    Result iterate(double delta, State start) {
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
        int newtonSolves = 0;
        boolean remix = false;
        AdvTrainStatus status = AdvTrainStatus.MAX_ITER;
        while (it < options.maxIterations()) {
            it++;
            // The first iteration, and the one after an accepted l∞ active-set step (whose coordinates off its
            // support are exactly 0, so ν_j = 0 would keep them there), mix the weights with uniform ones.
            boolean mix = it == 1 || remix;
            remix = false;
            double[] eta = new double[n];
            double mu = weights(r, t, delta, mix, eta);
            double[] nu = q == 1 ? coordinateWeights(theta, mix) : null;
            WeightedRidge.Step step = ridge.solve(eta, nu, mu);
            lower = Math.max(lower, AdvTrainCertificate.lowerBound(data, step.w(), delta, attack.p()));
            // Extrapolate along the step while F decreases.
            double[] dTheta = new double[p];
            double[] dr = new double[n];
            for (int j = 0; j < p; j++) {
                dTheta[j] = step.theta()[j] - theta[j];
            }
            for (int i = 0; i < n; i++) {
                dr[i] = step.r()[i] - r[i];
            }
            double bestS = 1;
            double bestF = AdvTrainCertificate.objective(step.r(), Norms.lq(step.theta(), q), delta);
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
            if (bestS == 1) {
                theta = step.theta();
                b = step.b();
                r = step.r();
            } else {
                double[] nt = new double[p];
                for (int j = 0; j < p; j++) {
                    nt[j] = theta[j] + bestS * dTheta[j];
                }
                b = b + bestS * (step.b() - b);
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
            if (gap(f, lower) > options.tolerance() && (stagnant > 0 || it % 10 == 0)) {
                // Second dual candidate from the accepted point itself: w = r + δ‖θ‖ sign(r).
                double[] w2 = new double[n];
                for (int i = 0; i < n; i++) {
                    w2[i] = r[i] + delta * t * (r[i] >= 0 ? 1 : -1);
                }
                lower = Math.max(lower, AdvTrainCertificate.lowerBound(data, w2, delta, attack.p()));
            }
            if (q == 2 && gap(f, lower) > options.tolerance() && (stagnant == 1 || it % POLISH_EVERY == 0)) {
                lower = Math.max(lower, KktDual.lowerBound(data, theta, r, delta, ridge.dualMode() ? ridge.gram() : null));
            }
            if (gap(f, lower) <= options.tolerance()) {
                status = AdvTrainStatus.CONVERGED;
                break;
            }
            boolean last = it == options.maxIterations() || stagnant >= STALL;
            if (it % POLISH_EVERY == 0 || last || (q == 2 && it == FIRST_L2_POLISH)) {
                int before = newton == null ? 0 : newton.solves();
                ActiveSetStep.Candidate c = q == 1 ? ActiveSetStep.best(data, theta, b, r, delta)
                        : newton.best(theta, b, r, delta, options.tolerance());
                newtonSolves += newton == null ? 0 : newton.solves() - before;
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
                        remix = q == 1;
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
        AdvTrainFit fit = new AdvTrainFit(delta, keepTheta.clone(), keepB, f, Math.min(lower, f), it + newtonSolves,
                status);
        return new Result(fit, new State(keepTheta, keepB, data.residuals(keepTheta, keepB)));
    }

    /**
     * Fills the row weights η_i = a_i/(a_i + δt), a_i = max(|r_i|, floor), and returns the coordinate
     * penalty μ = δ²C, C = (1/n) Σ 1/(1 − η_i). On the first iteration ({@code mix}) η is mixed with 1/2.
     */
    private double weights(double[] r, double t, double delta, boolean mix, double[] eta) {
        int n = r.length;
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
        if (mix) {
            double c = 0;
            for (double e : eta) {
                c += 1 / (1 - e);
            }
            return delta * delta * c / n;
        }
        return delta * delta + delta * l1r / (n * t); // δ²C with C = 1 + ‖r‖₁/(nδt)
    }

    /** ν_j = |θ_j|/‖θ‖₁ (mixed with the uniform weights on the first iteration). */
    private static double[] coordinateWeights(double[] theta, boolean mix) {
        int p = theta.length;
        double[] nu = new double[p];
        double l1 = Norms.lq(theta, 1);
        for (int j = 0; j < p; j++) {
            nu[j] = Math.abs(theta[j]) / l1;
            if (mix) {
                nu[j] = (1 - RESTART_MIX) * nu[j] + RESTART_MIX / p;
            }
        }
        return nu;
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

    static double gap(double f, double lower) {
        return f > 0 ? (f - lower) / f : 0;
    }
}
