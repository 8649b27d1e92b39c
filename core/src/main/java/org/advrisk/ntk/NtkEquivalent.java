package org.advrisk.ntk;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;
import org.advrisk.kernel.ReluNtk;
import org.advrisk.model.AttackNorm;
import org.advrisk.linear.LinearRisks;
import org.advrisk.model.Target;
import org.advrisk.theory.DePoint;
import org.advrisk.theory.DePrediction;
import org.advrisk.theory.DeterministicEquivalent;
import org.advrisk.theory.TheorySpectrum;

/**
 * Deterministic equivalent of K1 kernel ridge (first layer of a two-layer ReLU network trained, infinite
 * width) through its high-dimensional linearisation ({@link Linearisation}): on the training inputs
 * K1 ≈ c0·d·11ᵀ + c1·XXᵀ + c2·d·I and at a test point k(x) ≈ c0·d·1 + c1·Xx, so the kernel ridge
 * predictor (K + nλI)⁻¹ equals, up to the linearisation error, linear ridge on the features
 * (x, √(c0 d/c1)) — the inputs plus a constant "intercept" feature of variance v0 = c0·d/c1 whose
 * true coefficient is 0 — at our ridge λ_eff = c2·d/(c1·n) + λ/c1 (= tr Σ/n + 4λ for K1). That linear
 * problem (spectrum of Σ plus v0, θ* padded with 0, the same n and σ) goes through
 * {@link DeterministicEquivalent}: de_std_risk is its risk (the intercept's variance included, as the
 * kernel predictor carries that constant offset), de_norm_l2 the root of E‖∇ₓf̂‖² ≈ ‖θ̂_x‖² (the
 * input part of θ̂; the intercept has no input gradient), de_adv_risk the Gaussian closed form
 * R + 2αD√(2R/π) + α²D² with D = ‖θ̂_x‖₂ (l2) or ‖θ̂_x‖₁ (linf, the empirical folded-normal formula).
 *
 * <p>Assumptions (checked, not proved, by the NTK tests): Gaussian inputs x = Σ^{1/2}z (on the sphere of
 * radius √d: Σ = I); n and d large with ‖Σ‖_op = O(1) and tr Σ ≫ 1, so that the angles between inputs
 * are small (u = ⟨x,x'⟩/‖x‖‖x'‖ = O(1/√d_eff)) and the arc-cosine kernel is close to its expansion to
 * second order in u; the norms ‖x_i‖² concentrate at tr Σ (their fluctuation, which turns c2·d·I
 * into diag(c2 d r_i²), is ignored); the remaining non-linear part of K1 (the fluctuation of the u²
 * term and the higher orders) is treated as zero. Errors from these approximations do not vanish at
 * fixed n/d: they are reported by the simulations (lin_error, the relative gap to de_*). K1 only.
 */
public final class NtkEquivalent {
    private final NtkData data;
    private final int n;
    private final double c0;
    private final double c1;
    private final double c2;
    private final double intercept;
    private final DeterministicEquivalent equivalent;
    private final Map<Double, Point> cache = new HashMap<>();

    /** The equivalent of K1 kernel ridge with n training points drawn from {@code data}. */
    public NtkEquivalent(NtkData data, int n) {
        this(data, n, org.advrisk.kernel.Activation.RELU);
    }

    /**
     * The equivalent of the K1 kernel of an activation, from its linearisation coefficients; refused for an
     * activation without a linear part (c1 = 0: abs, quadratic), which no linear ridge describes
     * ({@link #exists}).
     */
    public NtkEquivalent(NtkData data, int n, org.advrisk.kernel.Activation activation) {
        if (n < 1) {
            throw new IllegalArgumentException("n: " + n + " is not allowed; allowed: an integer >= 1");
        }
        this.data = data;
        this.n = n;
        int d = data.d();
        double tau = data.traceSigma() / d;
        double[] c = activation == org.advrisk.kernel.Activation.RELU
                ? Linearisation.coefficients(ReluNtk.K1, tau, data.traceSigmaSq(), d)
                : ActivationCoefficients.of(activation, ReluNtk.K1, tau, data.traceSigmaSq() / ((double) d * d));
        if (!exists(c)) {
            throw new IllegalArgumentException("activation: " + activation.label() + " has no linear part (c1 = 0),"
                    + " so no linear ridge describes its kernel and there is no deterministic equivalent");
        }
        this.c0 = c[0];
        this.c1 = c[1];
        this.c2 = c[2];
        this.intercept = c0 * d / c1;
        this.equivalent = new DeterministicEquivalent(withIntercept(data, intercept), n, data.sigma());
    }

    /** Whether an activation's kernel has the deterministic equivalent (a linear part, c1 &gt; 0). */
    public static boolean exists(org.advrisk.kernel.Activation activation, NtkData data) {
        int d = data.d();
        double tau = data.traceSigma() / d;
        return activation == org.advrisk.kernel.Activation.RELU
                || exists(ActivationCoefficients.of(activation, ReluNtk.K1, tau, data.traceSigmaSq() / ((double) d * d)));
    }

    private static boolean exists(double[] c) {
        return c[1] > 0;
    }

    /** The spectrum of Σ with θ*, plus one eigenvalue v0 with θ* = 0 (descending order kept). */
    static TheorySpectrum withIntercept(NtkData data, double v0) {
        TheorySpectrum base;
        if (data.sphere()) {
            base = TheorySpectrum.ofValues(ones(data.d()), data.thetaVector(), "sphere");
        } else {
            base = TheorySpectrum.of(data.spectrum(), data.theta(), TheorySpectrum.DEFAULT_TRUNCATION);
        }
        if (!(v0 > 0)) {
            return base;
        }
        int g = base.values().length;
        int at = 0;
        while (at < g && base.values()[at] >= v0) {
            at++;
        }
        double[] v = new double[g + 1];
        long[] cnt = new long[g + 1];
        double[] th = new double[g + 1];
        for (int j = 0, k = 0; j <= g; j++) {
            if (j == at) {
                v[j] = v0;
                cnt[j] = 1;
                th[j] = 0;
            } else {
                v[j] = base.values()[k];
                cnt[j] = base.counts()[k];
                th[j] = base.theta()[k];
                k++;
            }
        }
        return new TheorySpectrum(v, cnt, th, base.tail(), base.dimension() + 1, base.truncation(),
                base.label() + " + intercept " + v0);
    }

    private static double[] ones(int d) {
        double[] o = new double[d];
        Arrays.fill(o, 1);
        return o;
    }

    /** The linear ridge parameter (ours) kernel ridge at λ behaves like: c2 d/(c1 n) + λ/c1. */
    public double lambdaEff(double lambda) {
        return c2 * data.d() / (c1 * n) + lambda / c1;
    }

    /** Variance v0 = c0 d/c1 of the intercept feature that carries the kernel's 11ᵀ term. */
    public double interceptVariance() {
        return intercept;
    }

    /** Sample size. */
    public int n() {
        return n;
    }

    /**
     * The equivalent at one kernel ridge λ.
     *
     * @param lambda    the kernel ridge parameter
     * @param lambdaEff the equivalent linear ridge parameter
     * @param linear    the linear problem's equivalent (its norms include the intercept coordinate)
     * @param stdRisk   R
     * @param gradL2Sq  E‖∇ₓf̂‖² ≈ ‖θ̂_x‖², the intercept coordinate removed
     * @param gradL1    ‖θ̂_x‖₁ (empirical folded-normal formula)
     */
    public record Point(double lambda, double lambdaEff, DePoint linear, double stdRisk, double gradL2Sq,
                        double gradL1) {
        /** R_α ≈ R + 2αD√(2R/π) + α²D² against the clean target (Gaussian design). */
        public double adversarialRisk(AttackNorm attack, double alpha) {
            double dual;
            if (attack.isL2()) {
                dual = Math.sqrt(gradL2Sq);
            } else if (attack.q() == 1) {
                dual = gradL1;
            } else {
                throw new IllegalArgumentException("attack: the NTK equivalent covers l2 and linf, not " + attack.label());
            }
            return LinearRisks.gaussianAdversarial(stdRisk, dual, alpha, Target.CLEAN, linear.sigma(),
                    org.advrisk.random.Distribution.GAUSSIAN);
        }
    }

    /** The equivalent at kernel ridge λ ≥ 0 (cached). */
    public Point at(double lambda) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda: " + lambda + " is not allowed; allowed: a finite number >= 0");
        }
        return cache.computeIfAbsent(lambda, l -> {
            double le = lambdaEff(l);
            DePoint p = equivalent.at(le);
            double v0 = intercept;
            double s0 = v0 > 0 ? v0 / (v0 + p.kappa()) : 0;
            double noise0 = v0 > 0 ? p.tau2() / n * v0 / ((v0 + p.kappa()) * (v0 + p.kappa())) : 0;
            double t0 = v0 > 0 ? s0 * Math.sqrt(p.tau2() / (n * v0)) : 0;
            return new Point(l, le, p, p.stdRisk(), p.normL2Sq() - noise0, p.normL1() - t0 * Math.sqrt(2 / Math.PI));
        });
    }

    /** The predictions of one row: de_std_risk, de_norm_l2, de_adv_risk. */
    public DePrediction columns(double lambda, double alpha, AttackNorm attack) {
        Point p = at(lambda);
        boolean covered = attack.isL2() || attack.q() == 1;
        return new DePrediction(p.stdRisk(), Math.sqrt(p.gradL2Sq()), covered ? p.adversarialRisk(attack, alpha) : Double.NaN);
    }

    /** An NTK row (type {@link org.advrisk.columns.RowTypes#NTK}) with its de_* columns. */
    public Row addTo(Row row) {
        return columns(row.number(Columns.LAMBDA), row.number(Columns.ALPHA), AttackNorm.parse(row.text(Columns.ATTACK)))
                .addTo(row);
    }
}
