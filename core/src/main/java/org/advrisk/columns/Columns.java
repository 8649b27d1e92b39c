package org.advrisk.columns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of output columns: every column any row of advrisk carries, once, with its meaning and
 * unit (see {@link Column} for the unit notation). Rows are built through these constants
 * ({@link Row}), their order per row type is in {@link RowTypes}, and readers (report, explorer) look
 * values up through them. Names are never renamed once released; new columns are added here.
 * docs/architecture.md ("Output columns") lists this registry (a test keeps the two equal).
 */
public final class Columns {
    private static final List<Column> ALL = new ArrayList<>();
    private static final Map<String, Column> BY_NAME = new LinkedHashMap<>();

    // Run directory bookkeeping and the grid point of a spec.
    public static final Column TRIAL_KEY = text("trial_key", "label", "the trial's key: its grid point and trial index");
    public static final Column ROW_OF_TRIAL = integer("row_of_trial", "index", "row index within its trial (results.jsonl only)");
    public static final Column ROWS_OF_TRIAL = integer("rows_of_trial", "count", "rows of its trial (results.jsonl only)");
    public static final Column FAMILY = text("family", "label", "model family of the spec: linear or ntk");
    public static final Column SPECTRUM = text("spectrum", "label", "eigenvalues of Σ as given (may be an expression of n)");
    public static final Column THETA = text("theta", "label", "ground truth θ* as given");
    public static final Column P_RULE = text("p_rule", "label", "how p was given: a number or an expression of n");
    public static final Column SIGMA = real("sigma", "y", "noise standard deviation σ");
    public static final Column DESIGN = text("design", "label", "distribution of the design coordinates z: gaussian, rademacher");
    public static final Column NOISE = text("noise", "label", "noise distribution: gaussian, rademacher");

    // What a linear row is about.
    public static final Column TRIAL = integer("trial", "index", "training-set index (0, 1, …)");
    public static final Column SEED = integer("seed", "id", "the experiment's seed");
    public static final Column N = integer("n", "count", "training sample size");
    public static final Column P = size("p", "count",
            "dimension of x (NTK: the input dimension d; theory: inf for an infinite spectrum; audit: features)");
    public static final Column LAMBDA = real("lambda", "x²",
            "ridge λ (ours: scikit-learn's alpha = nλ); 0 = min-norm, or least squares for p < n; NaN on advtrain rows");
    public static final Column ESTIMATOR = text("estimator", "label",
            "estimator: ridge, advtrain (adversarial training) or external (an audited model)");
    public static final Column DELTA = real("delta", "x", "adversarial-training budget δ (NaN on ridge rows)");
    public static final Column TRAIN_ATTACK = text("train_attack", "label",
            "the attack adversarial training trains against: l2, linf (empty on ridge rows)");
    public static final Column ITERATIONS = integer("iterations", "count", "solver iterations of adversarial training (0 on ridge rows)");
    public static final Column TRAIN_GAP = real("train_gap", "1", "relative duality gap of the adversarial-training fit (0 on ridge rows)");
    public static final Column DELTA0 = real("delta0", "x", "δ₀: adversarial training gives θ̂ = 0 for δ ≥ δ₀ (NaN on ridge rows)");
    public static final Column DELTA_BAR = real("delta_bar", "x",
            "δ̄: for p > n and δ ≤ δ̄ adversarial training gives the min-norm (l2) or min-l1 (linf) interpolator; NaN if none");
    public static final Column TIME = real("time", "1/x²",
            "gradient-flow time t (gf rows; gd rows and finite networks: η·steps); inf = min-norm / least squares; NaN on other rows");
    public static final Column STEPS = size("steps", "count",
            "gradient-descent steps K (gd rows; inf on gf rows, the flow being K → ∞ at ηK = t; 0 on other rows)");
    public static final Column LAMBDA_EQUIV = real("lambda_equiv", "x²",
            "1/t: the ridge λ that gradient flow at time t is compared with (Ali, Kolter & Tibshirani 2019); NaN on other rows");
    public static final Column ALPHA = real("alpha", "x", "attack budget α: the radius of the perturbation ball");
    public static final Column ATTACK = text("attack", "label", "attack norm: l2, linf, l1, lp:P");
    public static final Column TARGET = text("target", "label",
            "what the attacked prediction is compared with: clean ⟨x,θ*⟩, consistent ⟨x+δ,θ*⟩, noisy y");
    public static final Column ATTACK_SCALE = real("attack_scale", "1",
            "shape of the attack budget G: the attack set is {δ : ‖Σ^{−G/2}δ‖_p ≤ α}; 0 = isotropic (only on rows of"
                    + " queries with a shaped or label-preserving attacker)");
    public static final Column LABEL_PRESERVING = flag("label_preserving", "flag",
            "the attack keeps the ground truth's prediction: δ ⊥ θ* (l2; only on rows of queries with a shaped or"
                    + " label-preserving attacker)");

    // Risks and norms of a linear row (the NTK rows reuse them for the network, see their meanings).
    public static final Column STD_RISK = real("std_risk", "y²",
            "excess standard risk ‖θ̂ − θ*‖²_Σ (exact; NTK: on the test points; theory rows: the deterministic equivalent)");
    public static final Column DE_STD_RISK = real("de_std_risk", "y²", "deterministic-equivalent prediction of std_risk");
    public static final Column STD_RISK_SE = real("std_risk_se", "y²", "standard error of std_risk over the test points");
    public static final Column ADV_RISK = real("adv_risk", "y²",
            "adversarial risk R_α = E sup_{‖δ‖ ≤ α} (prediction − target)² (NTK: the PGD estimate, a lower bound)");
    public static final Column DE_ADV_RISK = real("de_adv_risk", "y²", "deterministic-equivalent prediction of adv_risk");
    public static final Column ADV_RISK_SE = real("adv_risk_se", "y²", "standard error of adv_risk (0 when exact)");
    public static final Column GT_ADV_RISK = real("gt_adv_risk", "y²",
            "the ground truth θ*'s adversarial risk under the same attack and target (clean: α²‖θ*‖²_q)");
    public static final Column NORM_L2 = real("norm_l2", "y/x", "‖θ̂‖₂ (NTK: √E‖∇ₓf̂‖², its analogue)");
    public static final Column DE_NORM_L2 = real("de_norm_l2", "y/x", "deterministic-equivalent prediction of norm_l2");
    public static final Column NORM_L2_SQ = real("norm_l2_sq", "(y/x)²", "‖θ̂‖₂² (NTK: E‖∇ₓf̂‖²); added by NTK run rows and the report");
    public static final Column DE_NORM_L2_SQ = real("de_norm_l2_sq", "(y/x)²", "de_norm_l2 squared (added by the report)");
    public static final Column NORM_DUAL = real("norm_dual", "y/x",
            "the norm the attack sees: ‖θ̂‖_q, or ‖θ̂ − θ*‖_q for the consistent target (NTK: √E‖∇f‖²_q; audit: ‖Dθ̂‖_q)");
    public static final Column ALPHA_C = real("alpha_c", "x", "crossover budget √(R/‖θ̂‖²): where the attack term equals the standard risk");
    public static final Column TRAIN_MSE = real("train_mse", "y²", "training mean squared error");

    // NTK rows (advrisk ntk, family ntk).
    public static final Column D = integer("d", "count", "input dimension d");
    public static final Column M = size("m", "count", "hidden width of the network; inf = the infinite-width kernel");
    public static final Column ADV_RISK_PGD = real("adv_risk_pgd", "y²", "PGD estimate of the adversarial risk (a lower bound)");
    public static final Column ADV_RISK_FIRST_ORDER = real("adv_risk_first_order", "y²", "first-order surrogate E(|f − f*| + α‖∇f‖_q)²");
    public static final Column ADV_RISK_FIRST_ORDER_SE = real("adv_risk_first_order_se", "y²", "standard error of adv_risk_first_order");
    public static final Column GRAD_NORM = real("grad_norm", "y/x", "E‖∇ₓf‖₂ over the test points");
    public static final Column KERNEL_GAP = real("kernel_gap", "y", "max over test points of |f_net − f_kernel| (finite width)");
    public static final Column LIN_GAP = real("lin_gap", "y", "max |f_net − f_lin|, f_lin the network linearised at initialisation");
    public static final Column WEIGHT_MOVE = real("weight_move", "1", "relative weight movement ‖W − W0‖/‖W0‖");
    public static final Column FLIPPED = real("flipped", "1", "fraction of activation patterns changed on the training inputs");
    public static final Column NTK_REL_ERR = real("ntk_rel_err", "1", "‖Θ̂ − Θ‖_op/‖Θ‖_op of the empirical NTK at the end");
    public static final Column ETA = real("eta", "1",
            "gradient-descent step size η (ntk networks; gd rows of linear and audit, NaN on their other rows)");
    public static final Column LAMBDA_EFF = real("lambda_eff", "x²", "the linear ridge λ the kernel behaves like (docs/ntk.md §3)");
    public static final Column C0 = real("c0", "1", "constant coefficient of the kernel's linearisation K/d ≈ c0 11ᵀ + c1 XXᵀ/d + c2 I");
    public static final Column C1 = real("c1", "1", "linear coefficient of the kernel's linearisation");
    public static final Column C2 = real("c2", "1", "identity coefficient of the kernel's linearisation");
    public static final Column LIN_ERROR = real("lin_error", "1", "measured operator-norm error of the linearisation");
    public static final Column LIN_STD_RISK = real("lin_std_risk", "y²", "exact standard risk of linear ridge at lambda_eff");
    public static final Column LIN_ADV_RISK = real("lin_adv_risk", "y²", "exact adversarial risk of linear ridge at lambda_eff");
    public static final Column LIN_NORM_L2 = real("lin_norm_l2", "y/x", "‖θ̂‖₂ of linear ridge at lambda_eff");
    public static final Column LIN_CORR = real("lin_corr", "1", "correlation of that linear ridge's predictions with the NTK's");
    public static final Column KERNEL_GAP_RMS = real("kernel_gap_rms", "y", "RMS of f_net − f_kernel on the test points");
    public static final Column KERNEL_RMS = real("kernel_rms", "y", "RMS of f_kernel on the test points");
    public static final Column KERNEL_GRAD_NORM = real("kernel_grad_norm", "y/x", "mean ‖∇f_kernel‖ over the test points");
    public static final Column GRAD_ALONG_KERNEL = real("grad_along_kernel", "y/x", "mean ∇f_net·u, u = ∇f_kernel/‖∇f_kernel‖");
    public static final Column FD_NET_SLOPE = real("fd_net_slope", "y/x", "central difference of f_net along u");
    public static final Column FD_KERNEL_SLOPE = real("fd_kernel_slope", "y/x", "central difference of f_kernel along u");
    public static final Column GRAD_SAME_RMS = real("grad_same_rms", "y/x", "RMS of the gradient part of neuron pairs with equal activation");
    public static final Column GRAD_SPLIT_RMS = real("grad_split_rms", "y/x", "RMS of the gradient part of pairs split by the kink");
    public static final Column SPLIT_PAIRS = real("split_pairs", "count", "mean number of neuron pairs split by the kink per test point");
    public static final Column KERNEL = text("kernel", "label", "trained layers of the kernel: k1, k2, k1+k2");
    public static final Column ACTIVATION = text("activation", "label", "activation σ of the two-layer network / its NTK: relu, abs, erf, quadratic, tanh, softplus");
    public static final Column SCALE = real("scale", "1", "output scale A of the trained model A·f (1: lazy as before; small: rich training)");
    public static final Column KERNEL_MOVE = real("kernel_move", "1", "relative change of the empirical NTK Gram in training ‖Θ̂(T) − Θ̂(0)‖_op/‖Θ̂(0)‖_op (finite width)");

    // advrisk theory: effective ranks (--show ranks).
    public static final Column TRUNCATION = integer("P", "count", "explicit eigenvalues before the analytic tail (0 = exact)");
    public static final Column B = real("b", "1", "constant of k* = min{k : r_k ≥ b n}");
    public static final Column R0 = real("r0", "1", "effective rank r_0 = tr Σ/‖Σ‖");
    public static final Column K_STAR = integer("k_star", "count", "k* = min{k : r_k ≥ b n}");
    public static final Column K_STAR_STATUS = text("k_star_status", "label", "found, none (no k reaches b n) or beyond_truncation");
    public static final Column R0_OVER_N = real("r0_over_n", "1", "r_0/n (benign needs it → 0)");
    public static final Column K_STAR_OVER_N = real("k_star_over_n", "1", "k*/n (benign needs it → 0)");
    public static final Column N_OVER_R_K_STAR = real("n_over_R_k_star", "1", "n/R_{k*} (benign needs it → 0)");
    public static final Column R_K_STAR = real("R_k_star", "1", "effective rank R_{k*}");
    public static final Column VARIANCE_PROXY = real("variance_proxy", "y²", "σ²(k*/n + n/R_{k*}), the order of the min-norm variance");
    public static final Column NORM_BOUND_TRACE = real("norm_bound_trace", "(y/x)²", "σ²n/tr Σ, a lower bound of ‖θ̂‖²");
    public static final Column NORM_BOUND_TAIL = real("norm_bound_tail", "(y/x)²", "σ²n/Σ_{i>k*} λ_i, the order of ‖θ̂‖²");

    // advrisk theory: deterministic equivalents (--show de).
    public static final Column KAPPA = real("kappa", "x²", "effective regularisation κ: λ = κ(1 − df1/n)");
    public static final Column DF1 = real("df1", "1", "Σ λ_i/(λ_i + κ)");
    public static final Column DF2 = real("df2", "1", "Σ λ_i²/(λ_i + κ)²");
    public static final Column TAU2 = real("tau2", "y²", "τ², the effective noise of the sequence model");
    public static final Column BIAS = real("bias", "y²", "bias part of std_risk");
    public static final Column VARIANCE = real("variance", "y²", "variance part of std_risk");
    public static final Column NORM_SQ_SIGNAL = real("norm_sq_signal", "(y/x)²", "signal part of ‖θ̂‖²");
    public static final Column NORM_SQ_NOISE = real("norm_sq_noise", "(y/x)²", "noise part of ‖θ̂‖²");
    public static final Column EMPIRICAL = flag("empirical", "flag", "true when the numbers use the folded-normal ‖θ̂‖₁ (linf): no proof");
    public static final Column TAIL_RATIO = real("tail_ratio", "1", "λ_{P+1}/κ, the size of the dropped tail terms");

    // advrisk theory: the trade-off over λ (--show tradeoff), also in the explorer.
    public static final Column GRID_SIZE = integer("grid_size", "count", "λ values of the trade-off grid");
    public static final Column MIN_NORM_INCLUDED = flag("min_norm_included", "flag", "λ = 0 is in the grid");
    public static final Column LAMBDA_STD = real("lambda_std", "x²", "λ_std: the λ minimising the standard risk (test MSE in audits)");
    public static final Column STD_RISK_MIN = real("std_risk_min", "y²", "min over λ of the standard risk");
    public static final Column ADV_RISK_AT_LAMBDA_STD = real("adv_risk_at_lambda_std", "y²", "adversarial risk at λ_std");
    public static final Column LAMBDA_ADV = real("lambda_adv", "x²", "λ_adv: the λ minimising the adversarial risk");
    public static final Column ADV_RISK_MIN = real("adv_risk_min", "y²", "min over λ of the adversarial risk");
    public static final Column STD_RISK_AT_LAMBDA_ADV = real("std_risk_at_lambda_adv", "y²", "standard risk at λ_adv");
    public static final Column REGRET_A = real("A", "1", "adversarial regret A = R_α(λ_std)/min R_α");
    public static final Column REGRET_S = real("S", "1", "standard regret S = R(λ_adv)/min R");
    public static final Column ADV_AT_LAMBDA_STD_OVER_GT = real("adv_at_lambda_std_over_gt", "1", "R_α(λ_std)/gt_adv_risk");
    public static final Column ADV_MIN_OVER_GT = real("adv_min_over_gt", "1", "min R_α/gt_adv_risk");
    public static final Column MIN_NORM_ADV_RISK = real("min_norm_adv_risk", "y²", "adversarial risk at λ = 0 (NaN when not in the grid)");
    public static final Column FRONTIER_SIZE = integer("frontier_size", "count", "points on the Pareto frontier (R, R_α)");
    public static final Column OPTIMUM_AT_GRID_EDGE = flag("optimum_at_grid_edge", "flag", "λ_std or λ_adv is at an end of the grid (widen it)");

    // advrisk theory: the oracle frontier (--show oracle), also in the explorer and the report.
    public static final Column MU = real("mu", "x² (l2) or y·x (linf)",
            "oracle penalty μ: θ(μ) = argmin ‖θ − θ*‖²_Σ + μ·pen(θ), pen = ‖θ‖²₂ (l2) or ‖θ‖₁ (linf); 0 = θ*, inf = 0");
    public static final Column PARETO = flag("pareto", "flag", "the point is on the Pareto frontier (R, R_α) of its grid");

    // advrisk audit: rows and the summary per (attack, α).
    public static final Column SPLIT = text("split", "label", "train/test split: split-K, fold-K, test-file or all");
    public static final Column ALPHA_EFF = real("alpha_eff", "x", "the budget used: α × the mean training norm (--alpha-scale mean-norm)");
    public static final Column TEST_MSE = real("test_mse", "y²", "test mean squared error");
    public static final Column ADV_TEST_MSE = real("adv_test_mse", "y²", "mean over test rows of sup_{‖δ‖ ≤ α} (f(x + δ) − y)²");
    public static final Column ADV_TEST_MSE_SE = real("adv_test_mse_se", "y²", "standard error of adv_test_mse over the test rows");
    public static final Column ADV_TEST_MSE_FIRST_ORDER = real("adv_test_mse_first_order", "y²",
            "with a feature map: the first-order estimate mean (|r| + α‖∇f‖_q)²");
    public static final Column CERTIFIED = flag("certified", "flag", "true when the adversarial MSE is exact (a linear model)");
    public static final Column N_TRAIN = integer("n_train", "count", "training rows");
    public static final Column N_TEST = integer("n_test", "count", "test rows");
    public static final Column TEST_MSE_AT_LAMBDA_STD = real("test_mse_at_lambda_std", "y²", "mean test MSE at λ_std");
    public static final Column ADV_TEST_MSE_AT_LAMBDA_STD = real("adv_test_mse_at_lambda_std", "y²", "mean adversarial test MSE at λ_std");
    public static final Column TEST_MSE_AT_LAMBDA_ADV = real("test_mse_at_lambda_adv", "y²", "mean test MSE at λ_adv");
    public static final Column ADV_TEST_MSE_AT_LAMBDA_ADV = real("adv_test_mse_at_lambda_adv", "y²", "mean adversarial test MSE at λ_adv");
    public static final Column DELTA_STD = real("delta_std", "x", "with advtrain: the δ minimising the mean test MSE");
    public static final Column DELTA_ADV = real("delta_adv", "x", "with advtrain: the δ minimising the mean adversarial test MSE");
    public static final Column TEST_MSE_AT_DELTA_STD = real("test_mse_at_delta_std", "y²", "mean test MSE at δ_std");
    public static final Column ADV_TEST_MSE_AT_DELTA_STD = real("adv_test_mse_at_delta_std", "y²", "mean adversarial test MSE at δ_std");
    public static final Column TEST_MSE_AT_DELTA_ADV = real("test_mse_at_delta_adv", "y²", "mean test MSE at δ_adv");
    public static final Column ADV_TEST_MSE_AT_DELTA_ADV = real("adv_test_mse_at_delta_adv", "y²", "mean adversarial test MSE at δ_adv");
    public static final Column ADV_AT_LAMBDA0_OVER_BEST = real("adv_at_lambda0_over_best", "1", "adversarial MSE at λ = 0 over its minimum (NaN without λ = 0)");
    public static final Column FRONTIER_LAMBDAS = text("frontier_lambdas", "label", "λ values on the Pareto frontier, ';'-separated");
    public static final Column TOP_FEATURES = text("top_features", "label", "features carrying most of ‖Dθ̂‖_q at λ_adv, name:share;…");
    public static final Column SPLITS = integer("splits", "count", "splits averaged");

    // The explorer's API (its own names for two values).
    public static final Column NORM_SQ = real("norm_sq", "(y/x)²", "‖θ̂‖₂² in the explorer's API (norm_l2_sq elsewhere)");
    public static final Column MIN_NORM = flag("min_norm", "flag", "the explorer's API: λ = 0 has an equivalent at this n");

    private Columns() {
    }

    /** Every registered column, in registry order. */
    public static List<Column> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** The column of that name, if registered. */
    public static Optional<Column> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The column of that name; an unregistered name is a programming error. */
    public static Column of(String name) {
        Column c = BY_NAME.get(name);
        if (c == null) {
            throw new IllegalArgumentException("column: '" + name + "' is not registered in org.advrisk.columns.Columns");
        }
        return c;
    }

    /**
     * Registers a column declared outside this class: the path-parameter column of an estimator added
     * through {@code org.advrisk.estimator.Estimators} (a plug-in). It is found by {@link #find} and may
     * be used in row types, but is not listed by {@link #all} (the documented table is the built-in
     * registry). Registering the same column again is a no-op; a different column under a taken name is
     * refused.
     */
    public static synchronized Column extend(Column c) {
        Column had = BY_NAME.putIfAbsent(c.name(), c);
        if (had != null && !had.equals(c)) {
            throw new IllegalArgumentException("column: '" + c.name() + "' is already registered with another meaning");
        }
        return had == null ? c : had;
    }

    private static Column add(String name, String unit, String meaning, Column.Kind kind) {
        Column c = new Column(name, meaning, unit, kind);
        if (BY_NAME.putIfAbsent(name, c) != null) {
            throw new ExceptionInInitializerError("column " + name + " is registered twice");
        }
        ALL.add(c);
        return c;
    }

    private static Column integer(String name, String unit, String meaning) {
        return add(name, unit, meaning, Column.Kind.INTEGER);
    }

    private static Column real(String name, String unit, String meaning) {
        return add(name, unit, meaning, Column.Kind.REAL);
    }

    private static Column text(String name, String unit, String meaning) {
        return add(name, unit, meaning, Column.Kind.TEXT);
    }

    private static Column flag(String name, String unit, String meaning) {
        return add(name, unit, meaning, Column.Kind.FLAG);
    }

    private static Column size(String name, String unit, String meaning) {
        return add(name, unit, meaning, Column.Kind.SIZE);
    }
}
