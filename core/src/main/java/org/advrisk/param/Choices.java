package org.advrisk.param;

import java.util.List;
import java.util.function.Supplier;

/**
 * The declarations of the string choices shared by several front doors (see {@link Choice}). The string
 * defaults are constants because picocli's {@code defaultValue} needs compile-time constants.
 */
public final class Choices {
    private Choices() {
    }

    /** Default distribution of the design coordinates and of the noise. */
    public static final String DISTRIBUTION_DEFAULT = "gaussian";
    /** Default target of the attacked prediction. */
    public static final String TARGET_DEFAULT = "clean";
    /** Default model family of a spec. */
    public static final String FAMILY_DEFAULT = "linear";
    /** Default activation of the two-layer network (family ntk). */
    public static final String ACTIVATION_DEFAULT = "relu";
    /** Default output format of the commands that print rows. */
    public static final String FORMAT_DEFAULT = "table";
    /** Default estimator. */
    public static final String ESTIMATOR_DEFAULT = "ridge";

    /** Distribution of the design coordinates z. */
    public static final Choice DESIGN = Choice.of("design", List.of("gaussian", "rademacher"), DISTRIBUTION_DEFAULT,
            "distribution of the design coordinates z (x = Σ^½ z)");
    /** Distribution of the noise (scaled by σ). */
    public static final Choice NOISE = Choice.of("noise", List.of("gaussian", "rademacher"), DISTRIBUTION_DEFAULT,
            "noise distribution (scaled by σ)");
    /** What the attacked prediction is compared with. */
    public static final Choice TARGET = Choice.of("target", List.of("clean", "consistent", "noisy"), TARGET_DEFAULT,
            "clean ⟨x,θ*⟩, consistent ⟨x+δ,θ*⟩ (also spelled truth-at-perturbed) or noisy y");
    /** Model family of a spec file. */
    public static final Choice FAMILY = Choice.of("family", List.of("linear", "ntk"), FAMILY_DEFAULT,
            "model family: linear, or ntk (a two-layer network and its kernel)");
    /** Activation of the two-layer network. */
    public static final Choice ACTIVATION = Choice.of("activation",
            List.of("relu", "abs", "erf", "quadratic", "tanh", "softplus"), ACTIVATION_DEFAULT,
            "activation of the two-layer network (family ntk)");
    /** Output format of the commands that print rows. */
    public static final Choice FORMAT = Choice.of("format", List.of("table", "csv", "json"), FORMAT_DEFAULT,
            "output: an aligned table, CSV or JSON");

    private static volatile Supplier<List<String>> estimators = () -> List.of("ridge", "advtrain", "gf", "gd");

    /**
     * The estimator choice: its names come from the estimator registry, which installs its supplier with
     * {@link #estimatorNames}; until then the built-in names.
     */
    public static final Choice ESTIMATOR = new Choice("estimator", () -> estimators.get(), ESTIMATOR_DEFAULT,
            "the estimators fitted on the same training sets");

    /** The hook of the estimator registry: where the estimator names come from. */
    public static void estimatorNames(Supplier<List<String>> names) {
        estimators = names;
    }

    /** Every choice with a fixed list of values (the explorer serves them, the front-door test walks them). */
    public static final List<Choice> ALL = List.of(DESIGN, NOISE, TARGET, FAMILY, ACTIVATION, FORMAT, ESTIMATOR);
}
