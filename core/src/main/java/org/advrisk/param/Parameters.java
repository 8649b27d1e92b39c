package org.advrisk.param;

/**
 * The declarations of the parameters shared by several front doors. The string constants exist
 * because Java annotations (picocli's {@code defaultValue}) need compile-time constants; the
 * {@link NumberParam}/{@link IntParam} objects are built from them, so there is one default and one
 * range per parameter wherever it is given (CLI flag, spec file, NTK configuration, core checks).
 */
public final class Parameters {
    private Parameters() {
    }

    /** Default ridge λ: 0 (the min-norm interpolator, or least squares for p &lt; n). */
    public static final String LAMBDA_DEFAULT = "0";
    /** Default attack budget α, for the CLI and spec files alike. */
    public static final String ALPHA_DEFAULT = "0.1";
    /** Default master seed, for the CLI and spec files alike. */
    public static final String SEED_DEFAULT = "1";
    /** Default number of training sets. */
    public static final String TRIALS_DEFAULT = "1";
    /** Default noise level σ. */
    public static final String SIGMA_DEFAULT = "0.5";

    /**
     * Largest λ, α or σ accepted: beyond it the risks (squares of sums of their products) would overflow
     * double precision, so such values are refused at the door instead of producing Infinity or NaN.
     */
    public static final double MAX_SCALE = 1e50;

    /** Ridge (and kernel ridge) parameters λ ≥ 0, ours: scikit-learn's alpha = nλ. */
    public static final NumberParam LAMBDA = new NumberParam("lambda", 0, MAX_SCALE, LAMBDA_DEFAULT,
            "ridge parameters λ >= 0 (scikit-learn's alpha = nλ); 0 = min-norm");
    /** Attack budgets α ≥ 0. */
    public static final NumberParam ALPHA = new NumberParam("alpha", 0, MAX_SCALE, ALPHA_DEFAULT,
            "attack budgets α >= 0");
    /** Noise level σ ≥ 0. */
    public static final NumberParam SIGMA = new NumberParam("sigma", 0, MAX_SCALE, SIGMA_DEFAULT,
            "noise standard deviation σ >= 0");
    /** Training budgets δ &gt; 0 of adversarial training (no default: required with the advtrain estimator). */
    public static final NumberParam DELTA = new NumberParam("delta", 0, MAX_SCALE, "",
            "adversarial training budgets δ > 0 (δ = 0 is least squares: ridge with lambda 0)", true);
    /** Master seed (any integer). */
    public static final IntParam SEED = new IntParam("seed", Long.MIN_VALUE, Long.MAX_VALUE, SEED_DEFAULT,
            "master seed: the same seed gives bit-identical results for any thread count");
    /** Training sets per grid point. */
    public static final IntParam TRIALS = new IntParam("trials", 1, 1_000_000, TRIALS_DEFAULT,
            "independent training sets");
    /** Test points for Monte Carlo estimates. */
    public static final IntParam TEST_SIZE = new IntParam("test-size", 2, Integer.MAX_VALUE, "10000",
            "test points for Monte Carlo estimates");
    /** Training sample size n. */
    public static final IntParam N = new IntParam("n", 1, Integer.MAX_VALUE, "100", "training sample size n");
    /**
     * Dimension p: a positive integer (up to 9·10¹⁵, where doubles stop counting exactly) or an expression
     * of n (its default, 2n, is one; it has no integer default). In spec files a grid of values, ranges
     * ({@code linspace:}, {@code logspace:}, {@code geomspace:}, rounded to integers) included.
     */
    public static final IntParam P = new IntParam("p", 1, 9_000_000_000_000_000L, "2n",
            "dimension p: a positive integer or an expression of n (2n, n^2)");

    /**
     * Shape of the attack budget G: the attack set is {δ : ‖Σ^{−G/2}δ‖_p ≤ α}; 0 = the isotropic ball, 1 = budgets
     * in units of each direction's standard deviation (audit: α·sd_j^G per feature).
     */
    public static final NumberParam ATTACK_SCALE = new NumberParam("attack-scale", 0, 2, "0",
            "shape of the attack budget G in [0, 2]: {δ : ‖Σ^(-G/2)δ‖ <= α}; 0 = isotropic, 1 = in units of each"
                    + " direction's standard deviation");

    /** Every declared parameter (for front-door tests and documentation). */
    public static final java.util.List<Record> ALL = java.util.List.of(LAMBDA, ALPHA, SIGMA, DELTA, SEED, TRIALS, TEST_SIZE,
            N, P, ATTACK_SCALE);
}
