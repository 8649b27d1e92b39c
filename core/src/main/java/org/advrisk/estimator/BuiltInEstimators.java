package org.advrisk.estimator;

import java.util.List;
import java.util.Map;
import org.advrisk.columns.Column;
import org.advrisk.columns.Columns;
import org.advrisk.linear.FlowParams;
import org.advrisk.linear.SpectralFamily;
import org.advrisk.model.AttackNorms;
import org.advrisk.param.Parameters;

/** The estimators advrisk ships: ridge, advtrain, gf and gd (their columns are declared in the row types). */
final class BuiltInEstimators {
    private BuiltInEstimators() {
    }

    /** Ridge: the whole λ path from one eigendecomposition; λ = 0 is the minimum-norm least-squares fit. */
    static final SpectralEstimator RIDGE = new Spectral("ridge", "ridge regression, the whole λ path (λ = 0: min-norm)",
            new PathParameter(Columns.LAMBDA, Parameters.LAMBDA, "0,logspace:-4,1,6"), List.of(),
            new Capabilities(true, false, true, true, true), s -> SpectralFamily.RIDGE);

    /** Gradient flow from θ = 0, one row per time t (t = ∞: λ = 0). */
    static final SpectralEstimator GF = new Spectral("gf", "gradient flow from θ = 0 on (1/(2n))‖y − Xθ‖², one per time t",
            new PathParameter(Columns.TIME, FlowParams.TIME, "0.1,1,10,inf"), List.of(),
            new Capabilities(true, false, false, true, true), s -> SpectralFamily.FLOW);

    /** Gradient descent with step η, one row per step count K. */
    static final SpectralEstimator GD = new Spectral("gd", "gradient descent with step η from θ = 0, one per step count K",
            new PathParameter(Columns.STEPS, FlowParams.STEPS, "10,100,1000"),
            List.of(new Setting("eta", FlowParams.ETA.help(), "", List.of())),
            new Capabilities(true, false, false, true, false), s -> SpectralFamily.steps(s.get("eta")));

    /** Adversarial training, one fit per budget δ (holds the n×p design). */
    static final EstimatorKind ADVTRAIN = new EstimatorKind() {
        private final PathParameter delta = new PathParameter(Columns.DELTA, Parameters.DELTA, "0.05,0.1");

        @Override
        public String name() {
            return "advtrain";
        }

        @Override
        public String summary() {
            return "adversarial training, argmin (1/n)Σ(|y_i − x_iᵀθ| + δ‖θ‖_q)², one fit per budget δ";
        }

        @Override
        public PathParameter parameter() {
            return delta;
        }

        @Override
        public List<Setting> settings() {
            return List.of(new Setting("train-attack", "the attack advtrain trains against", "l2",
                    AttackNorms.trainable()));
        }

        @Override
        public Capabilities capabilities() {
            return new Capabilities(false, true, false, true, false);
        }

        @Override
        public List<Column> columns() {
            return List.of();
        }
    };

    /** A built-in spectral estimator. */
    private record Spectral(String name, String summary, PathParameter parameter, List<Setting> settings,
                            Capabilities capabilities, java.util.function.Function<Map<String, Double>, SpectralFamily> f)
            implements SpectralEstimator {
        @Override
        public SpectralFamily family(Map<String, Double> values) {
            return f.apply(values);
        }

        @Override
        public List<Column> columns() {
            return List.of();
        }
    }
}
