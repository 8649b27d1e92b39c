package org.advrisk.linear;

import java.util.Optional;
import org.advrisk.attack.LinearPredictor;
import org.advrisk.attack.Predictor;
import org.advrisk.model.LinearProblem;
import org.advrisk.model.Norms;

/**
 * A fitted path of linear estimators θ̂ (one per parameter value) on one training set. When the
 * data carry their {@link SampleSource} (sampled from a known Σ and θ*), {@link #at} gives the exact
 * l2 quantities and {@link #summarize} the q-norms and test-sample moments; {@link LinearRiskRows}
 * turns those into output rows. On a user's table only θ̂, predictions and training errors exist.
 */
public interface LinearPath extends EstimatorPath {
    /** The model and streams of the training data, empty for a user's table. */
    Optional<SampleSource> source();

    /** The problem the data were sampled from; refused (IllegalStateException) for a user's table. */
    default LinearProblem problem() {
        return source().orElseThrow(() -> new IllegalStateException(
                "population risks need the model (Σ, θ*) the data were drawn from; this path was fitted on a"
                        + " table without one: use theta() and a test split")).problem();
    }

    /** The dimension p. */
    long p();

    /** Whether θ̂ itself can be produced (false for an exact Wishart tail, whose features were never drawn). */
    boolean hasTheta();

    /** Exact l2 quantities at one parameter value (needs the source). */
    default PathPoint at(double param) {
        return at(new double[] {param})[0];
    }

    /** Exact l2 quantities at several parameter values (needs the source). */
    PathPoint[] at(double[] params);

    /**
     * Norms of θ̂ and θ̂ − θ* for the given exponents, and (when testSize > 0) Monte Carlo moments of the
     * prediction error on a fresh test sample from the source's streams (needs the source and θ̂).
     */
    ThetaSummary[] summarize(double[] params, double[] exponents, int testSize);

    /**
     * Visits coordinates [0, h) of θ̂ at every parameter value in blocks (h ≤ p): what the shaped and
     * label-preserving attacks need ({@link ThreatNorms}). The default holds each θ̂ ({@link #theta});
     * a path that never holds θ̂ streams it, and one with an exact Wishart tail gives only its streamed head.
     */
    default void visitTheta(double[] params, long h, ThetaBlocks sink) {
        double[][] thetas = new double[params.length][];
        for (int k = 0; k < params.length; k++) {
            thetas[k] = theta(params[k]);
        }
        ThetaBlocks.ofArrays(thetas, h, sink);
    }

    /** θ̂ itself (p coordinates). */
    double[] theta(double param);

    /** The linear predictor x ↦ ⟨x, θ̂⟩. */
    @Override
    default Predictor predictor(double param) {
        return new LinearPredictor(theta(param));
    }
}
