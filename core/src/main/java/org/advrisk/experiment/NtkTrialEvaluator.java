package org.advrisk.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.advrisk.attack.Ball;
import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;
import org.advrisk.kernel.ReluNtk;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;
import org.advrisk.ntk.NtkConfig;
import org.advrisk.ntk.NtkData;
import org.advrisk.ntk.NtkEquivalent;
import org.advrisk.ntk.NtkRow;
import org.advrisk.ntk.NtkTrial;
import org.advrisk.ntk.TestRisks;
import org.advrisk.ntk.TwoLayerNet;
import org.advrisk.random.Distribution;

/**
 * The NTK family ({@code family: ntk}): the point's p is the input dimension d, x = Σ^{1/2} z with
 * Gaussian z; the infinite-width K1 kernel (first layer trained) and its ridge path over the spec's
 * λ (0 = the min-norm interpolator, the limit of gradient descent); risks on {@link #TEST_SIZE} test
 * points against the clean target with PGD ({@link #KERNEL_PGD_STEPS} steps for the kernel predictor,
 * {@link #PGD_STEPS} for a finite network, up and down, no random restart) and the first-order surrogate; the linearisation columns (λ_eff, lin_*). The same rows
 * as {@code advrisk ntk --width inf --kernel k1} with these settings, plus norm_l2_sq = E‖∇f‖²
 * (the analogue of ‖θ̂‖² used by the claim (i) plots). Each finite width M of the spec adds the rows
 * of one network of width M (antisymmetric start, first layer trained) after {@link #GD_STEPS} steps
 * of full-batch gradient descent with η = 1/λ_max(Θ̂(0)), at λ = 0 only, with the laziness and
 * kernel-tracking columns ({@code advrisk ntk --width M --gd-steps 200}). Every row also carries the
 * deterministic equivalent of the K1 kernel ridge at its (n, λ, α) ({@link NtkEquivalent}: de_std_risk,
 * de_adv_risk, de_norm_l2).
 */
public final class NtkTrialEvaluator implements TrialEvaluator {
    /** Test points per trial. */
    public static final int TEST_SIZE = 500;
    /** PGD steps per direction on a finite network (piecewise linear, many kinks). */
    public static final int PGD_STEPS = 10;
    /**
     * PGD steps per direction on the infinite-width kernel predictor. K1's predictor is smooth and nearly
     * linear in this regime: at n = 368, d = 3680 (claim (iii) setting, λ ∈ {0, 0.004, 0.032}, α = 0.5)
     * 3, 5, 10 and 20 steps give R_α within 2e-5, 7e-6, 2e-6 of each other (relative), so 5 steps lose
     * nothing measurable and halve the cost of the kernel's attacks.
     */
    public static final int KERNEL_PGD_STEPS = 5;
    /**
     * GD steps of a finite network. In the claim (iii) regime the Gram's condition number is below 10,
     * so η = 1/λ_max drives the training residual below 1e-9 of its start within 200 steps (train_mse
     * column); the kernel reference takes the same steps, so the comparison holds either way.
     */
    public static final int GD_STEPS = 200;

    private final Spec spec;
    private final List<Ball> attacks;
    /** Each grid point's data (spectrum, θ*, σ, noise), parsed once per run and shared by its trials (immutable). */
    private final Map<String, NtkData> problems = new ConcurrentHashMap<>();

    public NtkTrialEvaluator(Spec spec) {
        this.spec = spec;
        List<Ball> b = new ArrayList<>();
        for (int i = 0; i < spec.attack().size(); i++) {
            String a = spec.attack().get(i);
            try {
                b.add(Ball.parse(a));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("attack: '" + a + "' is not allowed for family ntk; allowed: "
                        + Ball.ALLOWED);
            }
        }
        for (String t : spec.target()) {
            if (Target.parse(t) != Target.CLEAN) {
                throw new IllegalArgumentException("target: '" + t + "' is not allowed for family ntk; allowed: clean");
            }
        }
        for (String d : spec.design()) {
            if (Distribution.parse("design", d) != Distribution.GAUSSIAN) {
                throw new IllegalArgumentException("design: '" + d + "' is not allowed for family ntk; allowed: gaussian");
            }
        }
        this.attacks = List.copyOf(b);
    }

    /** The NTK configuration of a trial's grid point (infinite width). */
    NtkConfig config(Trial trial) {
        return config(trial, 0);
    }

    /** The NTK configuration of a trial's grid point at width m (0 = infinite). */
    NtkConfig config(Trial trial, int m) {
        Point point = trial.point();
        if (point.p() > 200_000) {
            throw new IllegalArgumentException("p: " + point.p() + " is too large for family ntk (input dimension d;"
                    + " allowed: up to 200000)");
        }
        int d = (int) point.p();
        NtkData data = problems.computeIfAbsent(point.key() + "|seed=" + trial.seed(), k -> {
            var spectrum = SpectrumSpec.parse(SizeRule.substitute(point.spectrum(), point.n())).withSize(d, "d");
            var theta = GroundTruthSpec.parse(SizeRule.substitute(point.theta(), point.n())).withSize(d, trial.seed());
            return new NtkData(spectrum, false, theta, point.sigma(), Distribution.parse("noise", point.noise()));
        });
        double[] alphas = spec.alpha().stream().mapToDouble(Double::doubleValue).toArray();
        double[] lambdas = spec.lambda().stream().mapToDouble(Double::doubleValue).toArray();
        TestRisks.Options risks = new TestRisks.Options(alphas, attacks, m > 0 ? PGD_STEPS : KERNEL_PGD_STEPS, 0, 128);
        if (m > 0) {
            if ((long) d * m > 400_000_000L) {
                throw new IllegalArgumentException("width: " + m + " with p = d = " + d + " needs d*m = " + (long) d * m
                        + " weights; allowed: d*m up to 400000000");
            }
            lambdas = new double[] {0};
        }
        return new NtkConfig(point.n(), data, ReluNtk.K1, m, TwoLayerNet.Init.ANTISYMMETRIC, Double.NaN,
                m > 0 ? GD_STEPS : 0, lambdas, risks, TEST_SIZE, trial.seed(),
                org.advrisk.kernel.Activation.parse(spec.activation()), 1.0);
    }

    @Override
    public List<Row> evaluate(Trial trial) {
        List<NtkRow> rows = new ArrayList<>();
        NtkEquivalent de = null;
        for (int m : spec.width()) {
            NtkConfig c = config(trial, m);
            // no linear part (c1 = 0: abs, quadratic): no equivalent, the de_* columns stay NaN
            de = NtkEquivalent.exists(c.activation(), c.data()) ? new NtkEquivalent(c.data(), c.n(), c.activation())
                    : null;
            rows.addAll(NtkTrial.run(c, trial.trial(), 1));
        }
        List<Row> out = new ArrayList<>(rows.size());
        for (NtkRow r : rows) {
            Row row = r.row().toBuilder().set(Columns.NORM_L2_SQ, r.normL2() * r.normL2())
                    .set(Columns.KERNEL, ReluNtk.K1.label()).build();
            out.add(de == null ? org.advrisk.theory.DePrediction.NONE.addTo(row) : de.addTo(row));
        }
        return out;
    }
}
