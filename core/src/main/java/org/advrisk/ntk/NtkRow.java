package org.advrisk.ntk;

/**
 * One output row: one (trial, λ, α, attack) of an NTK experiment. Columns follow {@code advrisk
 * linear} (risks are excess risks against the clean target ⟨x, θ*⟩, estimated on the test sample)
 * plus the NTK columns. For a non-linear predictor "norm_l2" is √E‖∇f‖₂² and "norm_dual" √E‖∇f‖²_q
 * (both equal ‖θ‖ for a linear model); adv_risk is the PGD estimate (a lower bound of the true
 * adversarial risk). Fields not defined for a run (kernel_gap etc. at infinite width) are NaN; the
 * {@link KernelTracking} columns (finite width only; null at infinite width) follow at the end.
 */
public record NtkRow(int trial, long seed, int n, int d, int m, double lambda, double alpha, String attack,
                     String target, double stdRisk, double stdRiskSe, double advRisk, double advRiskSe,
                     double advRiskPgd, double advRiskFirstOrder, double advRiskFirstOrderSe, double gtAdvRisk,
                     double normL2, double normDual, double alphaC, double trainMse, double gradNorm,
                     double kernelGap, double linGap, double weightMove, double flipped, double ntkRelErr,
                     double eta, double lambdaEff, double c0, double c1, double c2, double linError,
                     double linStdRisk, double linAdvRisk, double linNormL2, double linCorr,
                     KernelTracking tracking) {

    /** Column names in output order (snake case, as in {@code advrisk linear}). */
    public static final String[] COLUMNS = {"trial", "seed", "n", "p", "d", "m", "lambda", "alpha", "attack",
        "target", "std_risk", "std_risk_se", "adv_risk", "adv_risk_se", "gt_adv_risk", "norm_l2", "norm_dual",
        "alpha_c", "train_mse", "adv_risk_pgd", "adv_risk_first_order", "adv_risk_first_order_se", "grad_norm",
        "kernel_gap", "lin_gap", "weight_move", "flipped", "ntk_rel_err", "eta", "lambda_eff", "c0", "c1", "c2",
        "lin_error", "lin_std_risk", "lin_adv_risk", "lin_norm_l2", "lin_corr", "kernel_gap_rms", "kernel_rms",
        "kernel_grad_norm", "grad_along_kernel", "fd_net_slope", "fd_kernel_slope", "grad_same_rms",
        "grad_split_rms", "split_pairs"};

    /** Values in the order of {@link #COLUMNS}: Integer/Long/Double/String (m = 0 means infinite width: "inf"). */
    public Object[] values() {
        return new Object[] {trial, seed, n, d, d, m == 0 ? "inf" : m, lambda, alpha, attack, target, stdRisk,
            stdRiskSe, advRisk, advRiskSe, gtAdvRisk, normL2, normDual, alphaC, trainMse, advRiskPgd,
            advRiskFirstOrder, advRiskFirstOrderSe, gradNorm, kernelGap, linGap, weightMove, flipped, ntkRelErr, eta,
            lambdaEff, c0, c1, c2, linError, linStdRisk, linAdvRisk, linNormL2, linCorr, t(tracking, 0),
            t(tracking, 1), t(tracking, 2), t(tracking, 3), t(tracking, 4), t(tracking, 5), t(tracking, 6),
            t(tracking, 7), t(tracking, 8)};
    }

    private static double t(KernelTracking k, int i) {
        if (k == null) {
            return Double.NaN;
        }
        return switch (i) {
            case 0 -> k.rmsGap();
            case 1 -> k.rmsKernel();
            case 2 -> k.kernelGradNorm();
            case 3 -> k.netSlope();
            case 4 -> k.fdNetSlope();
            case 5 -> k.fdKernelSlope();
            case 6 -> k.gradSameRms();
            case 7 -> k.gradSplitRms();
            default -> k.splitPairs();
        };
    }
}
