package org.advrisk.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.advrisk.columns.Row;
import org.advrisk.advtrain.AdvTrainTrial;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.LinearProblem;
import org.advrisk.linear.LinearQuery;
import org.advrisk.linear.LinearRiskRow;
import org.advrisk.linear.LinearTrial;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.linear.TailMode;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;
import org.advrisk.theory.TheoryColumns;

/**
 * The linear family: one training set of the point's problem, the whole ridge path from one
 * eigendecomposition ({@link LinearTrial}), a row per (λ, attack, target, α); with
 * {@code estimator: [ridge, advtrain]} also adversarial training on the same training set
 * ({@link AdvTrainTrial}: a row per (δ, attack, target, α) for each training attack, the columns of
 * {@code advrisk linear --estimator ridge,advtrain}); with gf/gd, gradient flow and descent read the
 * ridge rows' decomposition through their filters ({@link org.advrisk.linear.SpectralTrial}). With
 * {@code theory: true} each row also gets the deterministic-equivalent columns de_std_risk,
 * de_adv_risk and de_norm_l2 ({@link TheoryColumns}; NaN where no equivalent exists), solved once
 * per grid point and shared by its trials (they are deterministic, so thread count cannot matter).
 */
public final class LinearTrialEvaluator implements TrialEvaluator {
    /** Test points for E|⟨x, θ̂ − θ*⟩| under non-Gaussian designs. */
    public static final int TEST_SIZE = 10_000;

    private final LinearQuery query;
    private final boolean theory;
    private final SpecEstimators estimators;
    private final Map<String, TheoryColumns> theoryByPoint = new ConcurrentHashMap<>();
    /** Each grid point's problem, parsed once per run and shared by its trials (immutable). */
    private final Map<String, LinearProblem> problems = new ConcurrentHashMap<>();

    public LinearTrialEvaluator(Spec spec) {
        this.query = new LinearQuery(
                spec.lambda().stream().mapToDouble(Double::doubleValue).toArray(),
                spec.alpha().stream().mapToDouble(Double::doubleValue).toArray(),
                spec.attack().stream().map(AttackNorm::parse).toList(),
                spec.target().stream().map(Target::parse).toList(),
                TEST_SIZE).withThreats(spec.threats());
        this.theory = spec.theory();
        this.estimators = spec.estimators();
    }

    /**
     * The linear problem of a grid point (θ* drawn from the seed when it is random). Spectrum and θ*
     * parameters given as expressions of n are evaluated at the point's n.
     */
    public static LinearProblem problem(Point point, long seed) {
        var spectrum = SpectrumSpec.parse(SizeRule.substitute(point.spectrum(), point.n())).withSize(point.p());
        var theta = GroundTruthSpec.parse(SizeRule.substitute(point.theta(), point.n())).withSize(point.p(), seed);
        return new LinearProblem(point.n(), spectrum, theta, point.sigma(),
                Distribution.parse("noise", point.noise()), Distribution.parse("design", point.design()));
    }

    @Override
    public List<Row> evaluate(Trial trial) {
        LinearProblem problem = problems.computeIfAbsent(trial.point().key() + "|seed=" + trial.seed(),
                k -> problem(trial.point(), trial.seed()));
        List<Row> out = new ArrayList<>();
        List<org.advrisk.estimator.SpectralSelection> plugins = estimators.plugins();
        if (!plugins.isEmpty()) {
            out.addAll(org.advrisk.estimator.SpectralRows.evaluate(problem, query, estimators.ridge(),
                    estimators.flowQuery(), estimators.advtrain(), plugins, trial.seed(), trial.trial(), 1,
                    tailMode(problem, query, estimators.advtrain())));
        } else if (estimators.flow()) {
            out.addAll(org.advrisk.linear.SpectralTrial.evaluate(problem, query, estimators.ridge(),
                    estimators.flowQuery(), estimators.advtrain(), trial.seed(), trial.trial(), 1,
                    tailMode(problem, query, estimators.advtrain())));
        } else if (estimators.ridge()) {
            List<LinearRiskRow> rows = LinearTrial.evaluate(problem, query, trial.seed(), trial.trial(), 1,
                    tailMode(problem, query, estimators.advtrain()));
            for (LinearRiskRow r : rows) {
                out.add(estimators.advtrain() ? AdvTrainTrial.withColumns(r.row(), "ridge", Double.NaN, "", 0, 0, null)
                        : r.row());
            }
        }
        if (estimators.advtrain()) {
            for (AttackNorm a : estimators.trainAttacks()) {
                for (Row r : AdvTrainTrial.evaluate(problem, query, estimators.deltas(), a, trial.seed(), trial.trial())) {
                    out.add(estimators.flow() ? org.advrisk.linear.FlowColumns.none(r) : r);
                }
            }
        }
        if (!plugins.isEmpty()) {
            List<Row> padded = org.advrisk.estimator.SpectralRows.pad(out, plugins);
            out.clear();
            out.addAll(padded);
        }
        if (theory) {
            TheoryColumns de = theoryByPoint.computeIfAbsent(trial.point().key(), k -> new TheoryColumns(problem));
            synchronized (de) { // TheoryColumns caches per λ and is not thread-safe
                out.replaceAll(de::addTo);
            }
        }
        return out;
    }

    /**
     * The ridge rows' tail mode: as {@code advrisk linear}, a constant tail drawn exactly (Wishart) is
     * streamed instead when advtrain runs too, so that both estimators see the training set advtrain holds.
     */
    static TailMode tailMode(LinearProblem problem, LinearQuery query, boolean advtrain) {
        TailMode mode = LinearTrial.resolve(problem, query, TailMode.AUTO);
        return advtrain && problem.p() >= problem.n() && mode.usesWishart(problem) ? TailMode.STREAM : mode;
    }
}
