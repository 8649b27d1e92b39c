package org.advrisk.columns;

import static org.advrisk.columns.Columns.*;

/**
 * The column order of every kind of row advrisk writes (part of the registry with {@link Columns}).
 * Optional columns appear only in rows that set them: the deterministic-equivalent predictions
 * ({@code de_*}, with {@code advrisk linear --theory} or in spec runs), the adversarial-training
 * columns (when {@code --estimator} includes advtrain), the audit's {@code alpha_eff} and first-order
 * column.
 */
public final class RowTypes {
    /** The grid point of a spec run: the first columns of every stored row. */
    public static final RowType POINT = RowType.of("point", FAMILY, SPECTRUM, THETA, P_RULE, SIGMA, DESIGN, NOISE, N, P);

    /** A stored row starts with the grid point, then the trial and seed, then the family's columns. */
    public static final RowType RUN = RowType.builder("run").required(POINT.columns().toArray(Column[]::new))
            .required(TRIAL, SEED).build();

    /** {@code advrisk linear} and the linear family: one row per (trial, λ or δ, attack, target, α). */
    public static final RowType LINEAR = RowType.builder("linear")
            .required(TRIAL, SEED, N, P, LAMBDA)
            .optional(ESTIMATOR, DELTA, TRAIN_ATTACK, ITERATIONS, TRAIN_GAP, DELTA0, DELTA_BAR, TIME, STEPS, ETA,
                    LAMBDA_EQUIV)
            .required(ALPHA, ATTACK, TARGET).optional(ATTACK_SCALE, LABEL_PRESERVING)
            .required(DESIGN, STD_RISK).optional(DE_STD_RISK)
            .required(ADV_RISK).optional(DE_ADV_RISK)
            .required(ADV_RISK_SE, GT_ADV_RISK, NORM_L2).optional(DE_NORM_L2)
            .required(NORM_DUAL, ALPHA_C, TRAIN_MSE)
            .build();

    /** {@code advrisk ntk} and the NTK family: one row per (trial, width, λ, attack, α). */
    public static final RowType NTK = RowType.builder("ntk")
            .required(TRIAL, SEED, N, P, D, M, LAMBDA).optional(ESTIMATOR, TIME, LAMBDA_EQUIV)
            .required(ALPHA, ATTACK, TARGET, STD_RISK).optional(DE_STD_RISK)
            .required(STD_RISK_SE, ADV_RISK).optional(DE_ADV_RISK)
            .required(ADV_RISK_SE, GT_ADV_RISK, NORM_L2).optional(DE_NORM_L2)
            .required(NORM_DUAL, ALPHA_C, TRAIN_MSE, ADV_RISK_PGD, ADV_RISK_FIRST_ORDER, ADV_RISK_FIRST_ORDER_SE,
                    GRAD_NORM, KERNEL_GAP, LIN_GAP, WEIGHT_MOVE, FLIPPED, NTK_REL_ERR, ETA, LAMBDA_EFF, C0, C1, C2,
                    LIN_ERROR, LIN_STD_RISK, LIN_ADV_RISK, LIN_NORM_L2, LIN_CORR, KERNEL_GAP_RMS, KERNEL_RMS,
                    KERNEL_GRAD_NORM, GRAD_ALONG_KERNEL, FD_NET_SLOPE, FD_KERNEL_SLOPE, GRAD_SAME_RMS,
                    GRAD_SPLIT_RMS, SPLIT_PAIRS)
            .optional(NORM_L2_SQ, KERNEL, ACTIVATION, SCALE, KERNEL_MOVE)
            .build();

    /** {@code advrisk theory --show ranks}: one row per n. */
    public static final RowType THEORY_RANKS = RowType.of("theory-ranks", N, P, TRUNCATION, B, R0, K_STAR,
            K_STAR_STATUS, R0_OVER_N, K_STAR_OVER_N, N_OVER_R_K_STAR, R_K_STAR, VARIANCE_PROXY, NORM_BOUND_TRACE,
            NORM_BOUND_TAIL);

    /** {@code advrisk theory --show de}: one row per (n, λ, attack, target, α). */
    public static final RowType THEORY_DE = RowType.builder("theory-de").required(N, P, LAMBDA, ALPHA, ATTACK, TARGET)
            .optional(ATTACK_SCALE, LABEL_PRESERVING).required(KAPPA, DF1,
            DF2, TAU2, BIAS, VARIANCE, STD_RISK, ADV_RISK, GT_ADV_RISK, NORM_L2, NORM_SQ_SIGNAL, NORM_SQ_NOISE,
            NORM_DUAL, ALPHA_C, EMPIRICAL, TAIL_RATIO).build();

    /** {@code advrisk theory --show tradeoff} (and the explorer's trade-off): one row per (n, attack, target, α). */
    public static final RowType THEORY_TRADEOFF = RowType.builder("theory-tradeoff").required(N, ATTACK, TARGET)
            .optional(ATTACK_SCALE, LABEL_PRESERVING).required(ALPHA, GRID_SIZE,
            MIN_NORM_INCLUDED, LAMBDA_STD, STD_RISK_MIN, ADV_RISK_AT_LAMBDA_STD, LAMBDA_ADV, ADV_RISK_MIN,
            STD_RISK_AT_LAMBDA_ADV, REGRET_A, REGRET_S, GT_ADV_RISK, ADV_AT_LAMBDA_STD_OVER_GT, ADV_MIN_OVER_GT,
            MIN_NORM_ADV_RISK, FRONTIER_SIZE, OPTIMUM_AT_GRID_EDGE).build();

    /** {@code advrisk theory --show frontier}: one row per Pareto point. */
    public static final RowType THEORY_FRONTIER = RowType.of("theory-frontier", N, ATTACK, TARGET, ALPHA, LAMBDA,
            STD_RISK, ADV_RISK);

    /** {@code advrisk theory --show oracle}: one row per μ of the oracle frontier's grid. */
    public static final RowType THEORY_ORACLE = RowType.of("theory-oracle", N, P, ATTACK, TARGET, ALPHA, MU, STD_RISK,
            ADV_RISK, GT_ADV_RISK, NORM_L2, NORM_DUAL, PARETO);

    /** {@code advrisk audit}: one row per (split, estimator, λ, attack, α). */
    public static final RowType AUDIT = RowType.builder("audit")
            .required(SPLIT, ESTIMATOR, LAMBDA)
            .optional(DELTA, TRAIN_ATTACK, ITERATIONS, TRAIN_GAP, DELTA0, DELTA_BAR, TIME, STEPS, ETA, LAMBDA_EQUIV)
            .required(ATTACK, ALPHA).optional(ALPHA_EFF)
            .required(TRAIN_MSE, TEST_MSE, ADV_TEST_MSE, ADV_TEST_MSE_SE).optional(ADV_TEST_MSE_FIRST_ORDER)
            .required(CERTIFIED, NORM_DUAL, N_TRAIN, N_TEST, P)
            .build();

    /** {@code advrisk audit}: the summary per (attack, α). */
    public static final RowType AUDIT_SUMMARY = RowType.builder("audit-summary")
            .required(ATTACK, ALPHA, LAMBDA_STD, LAMBDA_ADV).optional(DELTA_STD, DELTA_ADV)
            .required(TEST_MSE_AT_LAMBDA_STD, ADV_TEST_MSE_AT_LAMBDA_STD, TEST_MSE_AT_LAMBDA_ADV, ADV_TEST_MSE_AT_LAMBDA_ADV)
            .optional(TEST_MSE_AT_DELTA_STD, ADV_TEST_MSE_AT_DELTA_STD, TEST_MSE_AT_DELTA_ADV, ADV_TEST_MSE_AT_DELTA_ADV)
            .required(REGRET_A, REGRET_S, ADV_AT_LAMBDA0_OVER_BEST, OPTIMUM_AT_GRID_EDGE, FRONTIER_LAMBDAS, TOP_FEATURES, SPLITS,
            CERTIFIED).build();

    /** The explorer's theory view: the chosen λ. */
    public static final RowType EXPLORE_CHOSEN = RowType.of("explore-chosen", LAMBDA, KAPPA, STD_RISK, ADV_RISK,
            GT_ADV_RISK, BIAS, VARIANCE, NORM_L2, NORM_SQ, NORM_DUAL, ALPHA_C, TAIL_RATIO);

    /** The explorer's theory view: one row per n of the n grid. */
    public static final RowType EXPLORE_BY_N = RowType.of("explore-by-n", N, P, MIN_NORM, STD_RISK, ADV_RISK, NORM_SQ,
            GT_ADV_RISK, R0_OVER_N, K_STAR, K_STAR_STATUS, K_STAR_OVER_N, N_OVER_R_K_STAR, REGRET_A, REGRET_S,
            LAMBDA_STD, LAMBDA_ADV, OPTIMUM_AT_GRID_EDGE);

    private RowTypes() {
    }

    /** Every declared row type. */
    public static java.util.List<RowType> all() {
        return java.util.List.of(POINT, RUN, LINEAR, NTK, THEORY_RANKS, THEORY_DE, THEORY_TRADEOFF, THEORY_FRONTIER,
                THEORY_ORACLE,
                AUDIT, AUDIT_SUMMARY, EXPLORE_CHOSEN, EXPLORE_BY_N);
    }
}
